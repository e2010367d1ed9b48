// The signed-in frame: header (cooperation, date, this computer's office, user, language, sign-out), menu and the page.
import type { MouseEvent } from 'react';
import { isoWeekOf } from '../../../domain/calendar/isoWeek';
import { LanguageSelect } from '../components/LanguageSelect';
import { formatLongDate, osloToday } from '../format/dates';
import { useT } from '../i18n';
import { capitalise, roleNames } from '../i18n/labels';
import { useList } from '../stores/query';
import { useLock } from '../stores/lock';
import { useSession } from '../stores/session';
import { PageForPath, AREA_TITLES } from './Pages';
import { can } from './permissions';
import type { Permission } from './permissions';
import { navigate, useRouter } from './router';
import { COMING_AREAS, DEFAULT_PATH, hrefFor, parseRoute } from './routes';
import type { Area } from './routes';
import { InboxButton } from './InboxButton';
import { TodayStaffing } from './TodayStaffing';
import { SyncStatusLine } from './SyncStatusLine';
import { useToday } from './use-today';

interface NavItem {
  area: Area;
  /** Hidden from users without this permission (the page itself also refuses them). */
  permission?: Permission;
}

const NAV_ITEMS: readonly NavItem[] = [
  { area: 'overview' },
  { area: 'rota' },
  { area: 'competence' },
  { area: 'routines' },
  { area: 'consultations' },
  { area: 'offices' },
  { area: 'staff' },
  { area: 'users', permission: 'manageUsers' },
  { area: 'settings' },
];

function focusMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

export function Shell() {
  const { t } = useT();
  const path = useRouter((state) => state.path);

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={focusMain}>
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <div className="app-body">
        <AppNav current={parseRoute(path).area} />
        <main id="main" className="app-main" tabIndex={-1}>
          <PageForPath key={path} path={path} />
        </main>
      </div>
    </div>
  );
}

function AppHeader() {
  const { t, dateLocale, language } = useT();
  const user = useSession((state) => state.user);
  const settings = useList('settings.get');
  const status = useSession((state) => state.status);
  const today = osloToday(useToday().getTime());
  const cooperationName = settings.data?.cooperationName || status?.cooperationName || t('header.cooperationFallback');
  const exampleData = settings.data?.exampleData ?? status?.exampleData ?? false;
  const dateText = formatLongDate(today, language, dateLocale);

  async function signOut() {
    navigate(DEFAULT_PATH, { replace: true });
    await useSession.getState().signOut();
  }

  return (
    <header className="app-header">
      <div className="header-row">
        <div className="header-brand">
          <span className="brand">{t('app.name')}</span>
          <span className="header-cooperation">{cooperationName}</span>
          {exampleData && (
            <span className="tag tag--example">
              <span aria-hidden="true">ℹ </span>
              {t('header.exampleData')}
            </span>
          )}
        </div>
        <div className="header-user">
          {user && (
            <span className="header-user-name">
              <span className="visually-hidden">{t('header.userLabel')}: </span>
              {t('header.user', { name: user.name, roles: roleNames(t, user.roles) })}
            </span>
          )}
          {user && <InboxButton />}
          {user && (
            <a className="button button--header" href={hrefFor('/mylog')}>
              {t('audit.own.title')}
            </a>
          )}
          <button type="button" className="button button--header" onClick={() => void useLock.getState().lock('manual')}>
            {t('lock.lockNow')}
          </button>
          <button type="button" className="button button--header" onClick={() => void signOut()}>
            {t('header.signOut')}
          </button>
        </div>
      </div>
      <div className="header-row header-row--sub">
        <span>{t('header.today', { date: capitalise(dateText), week: isoWeekOf(today).week })}</span>
        <span className="header-device">
          {settings.data?.deviceOfficeName
            ? t('header.deviceOffice', { office: settings.data.deviceOfficeName })
            : settings.data
              ? t('header.noDeviceOffice')
              : ''}
        </span>
        <LanguageSelect id="header-language" />
      </div>
      <TodayStaffing />
      <SyncStatusLine />
    </header>
  );
}

function AppNav({ current }: { current: Area | null }) {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const items = NAV_ITEMS.filter((item) => !item.permission || can(user, item.permission));
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {items.map((item) => {
          const label = t(AREA_TITLES[item.area]);
          if (COMING_AREAS.includes(item.area)) {
            return (
              <li key={item.area}>
                <span className="nav-link nav-link--disabled" aria-disabled="true">
                  {label} <span className="tag">{t('nav.comingSoon')}</span>
                </span>
              </li>
            );
          }
          const active = current === item.area;
          return (
            <li key={item.area}>
              <a className={`nav-link${active ? ' nav-link--active' : ''}`} href={hrefFor(`/${item.area}`)} aria-current={active ? 'page' : undefined}>
                {label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
