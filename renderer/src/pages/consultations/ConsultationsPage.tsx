// Konsultasjonslogg: picks the view for #/consultations[/<view>|/<entry id>] — entry, log, statistics, ICPC-2 import, retention, access log, access report — by role.
import { can } from '../../app/permissions';
import type { Permission } from '../../app/permissions';
import { AreaTabs } from '../../components/AreaTabs';
import { LoadError, Loading, NoAccess, PageHeader } from '../../components/page';
import { osloToday } from '../../format/dates';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useQuery } from '../../stores/query';
import { useSession } from '../../stores/session';
import '../../styles/consultations.css';
import { AccessReportView } from './AccessReportView';
import { AuditView } from './AuditView';
import { ConsultationDetailPage } from './ConsultationDetailPage';
import { ConsultationEntryView } from './ConsultationEntryView';
import { ConsultationLogView } from './ConsultationLogView';
import { ConsultationStatisticsView } from './ConsultationStatisticsView';
import { Icpc2ImportView } from './Icpc2ImportView';
import { RetentionView } from './RetentionView';

const VIEWS = ['new', 'log', 'statistics', 'codes', 'retention', 'audit', 'report'] as const;
type View = (typeof VIEWS)[number];

const VIEW_ACCESS: Record<View, Permission> = {
  new: 'logConsultations',
  log: 'logConsultations',
  statistics: 'viewConsultationStatistics',
  codes: 'importIcpc2',
  retention: 'manageConsultationRetention',
  audit: 'readAuditLog',
  report: 'readAuditLog',
};
const VIEW_LABELS: Record<View, MessageKey> = {
  new: 'consultations.tab.new',
  log: 'consultations.tab.log',
  statistics: 'consultations.tab.statistics',
  codes: 'consultations.tab.codes',
  retention: 'consultations.tab.retention',
  audit: 'consultations.tab.audit',
  report: 'audit.report.tab',
};

function isView(item: string): item is View {
  return (VIEWS as readonly string[]).includes(item);
}

export function ConsultationsPage({ item }: { item: string | null }) {
  const { t } = useT();
  const user = useSession((state) => state.user);
  if (!user) return null;
  const allowed = VIEWS.filter((view) => can(user, VIEW_ACCESS[view]));
  if (allowed.length === 0) return <NoAccess />;
  if (item !== null && !isView(item)) return can(user, 'logConsultations') ? <ConsultationDetailPage id={item} /> : <NoAccess />;
  const view = item ?? allowed[0]!;
  if (!allowed.includes(view)) return <NoAccess />;
  return (
    <section className="page--wide consultations-page">
      <PageHeader title={t('consultations.title')} />
      <AreaTabs label={t('consultations.tabsLabel')} tabs={allowed.map((v) => ({ key: v, label: t(VIEW_LABELS[v]), path: `/consultations/${v}` }))} current={view} />
      {view === 'new' && <ConsultationEntryView />}
      {view === 'log' && <ConsultationLogView />}
      {view !== 'new' && view !== 'log' && <AdminView view={view} />}
    </section>
  );
}

/** The views that need only today's date and the office names. */
function AdminView({ view }: { view: Exclude<View, 'new' | 'log'> }) {
  const settings = useQuery('offices.list', {}, ['offices']);
  const today = osloToday();
  if (settings.error && !settings.data) return <LoadError error={settings.error} onRetry={() => void settings.reload()} />;
  if (!settings.data) return <Loading />;
  const offices = settings.data.map((office) => ({ id: office.id, name: office.name }));
  switch (view) {
    case 'statistics':
      return <ConsultationStatisticsView today={today} offices={offices} />;
    case 'codes':
      return <Icpc2ImportView />;
    case 'retention':
      return <RetentionView offices={offices} />;
    case 'audit':
      return <AuditView today={today} />;
    case 'report':
      return <AccessReportView today={today} />;
  }
}
