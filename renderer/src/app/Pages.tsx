// Chooses the page for the current route.
import type { MessageKey } from '../i18n';
import { useT } from '../i18n';
import { PageTitle } from '../components/page';
import { Permitted } from '../components/Permitted';
import { MyLogPage } from '../pages/audit/MyLogPage';
import { InboxPage } from '../pages/inbox/InboxPage';
import { CompetencePage } from '../pages/competence/CompetencePage';
import { ConsultationsPage } from '../pages/consultations/ConsultationsPage';
import { OfficeEditPage } from '../pages/offices/OfficeEditPage';
import { OfficesPage } from '../pages/offices/OfficesPage';
import { OverviewPage } from '../pages/overview/OverviewPage';
import { RotaPage } from '../pages/rota/RotaPage';
import { RoutinesPage } from '../pages/routines/RoutinesPage';
import { LogReviewPage } from '../pages/settings/LogReviewPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { StaffEditPage } from '../pages/staff/StaffEditPage';
import { StaffPage } from '../pages/staff/StaffPage';
import { UserEditPage } from '../pages/users/UserEditPage';
import { UserNewPage } from '../pages/users/UserNewPage';
import { UsersPage } from '../pages/users/UsersPage';
import { parseRoute } from './routes';
import type { Area } from './routes';

export const AREA_TITLES: Record<Area, MessageKey> = {
  overview: 'nav.overview',
  rota: 'nav.rota',
  competence: 'nav.competence',
  routines: 'nav.routines',
  consultations: 'nav.consultations',
  offices: 'nav.offices',
  staff: 'nav.staff',
  users: 'nav.users',
  settings: 'nav.settings',
  mylog: 'audit.own.title',
  inbox: 'inbox.title',
};

export function PageForPath({ path }: { path: string }) {
  const { area, item } = parseRoute(path);
  switch (area) {
    case 'offices':
      return item ? <OfficeEditPage item={item} /> : <OfficesPage />;
    case 'staff':
      return item ? <StaffEditPage item={item} /> : <StaffPage />;
    case 'users':
      // Admins only: for anyone else not even a request is made.
      return <Permitted permission="manageUsers">{item === 'new' ? <UserNewPage /> : item ? <UserEditPage id={item} /> : <UsersPage />}</Permitted>;
    case 'settings':
      if (item === 'log-review') return <Permitted permission="readAuditLog"><LogReviewPage /></Permitted>;
      return item ? <NotFound /> : <SettingsPage />;
    case 'overview':
      return item ? <NotFound /> : <OverviewPage />;
    case 'rota':
      return item ? <NotFound /> : <RotaPage />;
    case 'competence':
      return <CompetencePage item={item} />;
    case 'routines':
      return <RoutinesPage item={item} />;
    case 'consultations':
      return <ConsultationsPage item={item} />;
    case 'mylog':
      return item ? <NotFound /> : <MyLogPage />;
    case 'inbox':
      return item ? <NotFound /> : <InboxPage />;
    case null:
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useT();
  return (
    <section>
      <PageTitle>{t('page.notFoundTitle')}</PageTitle>
      <p>{t('page.notFoundText')}</p>
    </section>
  );
}
