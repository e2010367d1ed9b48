// The Rutiner area: picks the nurse's check, the list, a routine, or the routine form from the route; loads the area's styles.
import { can } from '../../app/permissions';
import { PageTitle } from '../../components/page';
import { useT } from '../../i18n';
import { useSession } from '../../stores/session';
import '../../styles/routines.css';
import '../../styles/routines-print.css';
import { RoutineCheckPage } from './RoutineCheckPage';
import { RoutineDetailPage } from './RoutineDetailPage';
import { RoutineEditPage } from './RoutineEditPage';
import { RoutineListPage } from './RoutineListPage';
import { PrescriptionsPage } from './PrescriptionsPage';
import { ROUTINE_PATHS, routinesView } from './routine-paths';

export function RoutinesPage({ item }: { item: string | null }) {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const canEdit = can(user, 'editRoutines');
  const view = routinesView(item, user?.roles ?? []);
  switch (view.kind) {
    case 'check':
      return <RoutineCheckPage canEdit={canEdit} initialRoutineId={view.routineId ?? null} />;
    case 'list':
      return <RoutineListPage canEdit={canEdit} />;
    case 'prescriptions':
      return <PrescriptionsPage />;
    case 'new':
      return <RoutineEditPage routineId={null} canEdit={canEdit} />;
    case 'edit':
      return <RoutineEditPage routineId={view.routineId} canEdit={canEdit} />;
    case 'detail':
      return <RoutineDetailPage routineId={view.routineId} canEdit={canEdit} />;
    case 'notFound':
      return (
        <section>
          <PageTitle>{t('page.notFoundTitle')}</PageTitle>
          <p>
            <a href={`#${ROUTINE_PATHS.list}`}>{t('routines.backToList')}</a>
          </p>
        </section>
      );
  }
}
