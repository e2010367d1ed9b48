// Pieces shared by the routine pages: area tabs, back link, not-found message, the example mark, yes/no with icon and text, status labels, criteria and the medicine table.
import type { ReactNode } from 'react';
import type { RoutineMedicine, Routine } from '../../../../domain/routines/types';
import { Notice, PageTitle } from '../../components/page';
import { useT } from '../../i18n';
import { useSession } from '../../stores/session';
import { hasAnyRole } from '../../../../domain/roles';
import { EXAMPLE_MARK } from '../../../../domain/routines/examples';
import { ROUTINE_PATHS } from './routine-paths';
import { formatDate } from '../../format/dates';
import { versionStateText } from './routine-view';
import type { ListStatus, VersionState } from './routine-view';

/** "Sjekk rutine" | "Alle rutiner" (| "Ny rutine" for doctors): the area's own navigation. */
export function RoutineTabs({ current, canEdit }: { current: 'check' | 'list' | 'prescriptions' | null; canEdit: boolean }) {
  const { t } = useT();
  const roles = useSession((state) => state.user?.roles ?? []);
  const tabs = [
    { key: 'check' as const, href: `#${ROUTINE_PATHS.check}`, label: t('routines.tabs.check') },
    { key: 'list' as const, href: `#${ROUTINE_PATHS.list}`, label: t('routines.tabs.list') },
    // Prepared prescriptions (PrescriptionsPage): for those who prepare, sign or follow them up.
    ...(hasAnyRole(roles, ['doctor', 'lead', 'nurse', 'receptionist']) ? [{ key: 'prescriptions' as const, href: `#${ROUTINE_PATHS.prescriptions}`, label: t('prescriptions.tab') }] : []),
  ];
  return (
    <nav className="routine-tabs no-print" aria-label={t('routines.tabs.label')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.key}>
            <a className={`routine-tab${current === tab.key ? ' routine-tab--current' : ''}`} href={tab.href} aria-current={current === tab.key ? 'page' : undefined}>
              {tab.label}
            </a>
          </li>
        ))}
        {canEdit && (
          <li className="routine-tabs-new">
            <a className="button button--small" href={`#${ROUTINE_PATHS.new}`}>
              {t('routines.new')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** "← Tilbake til …" above a page's title. */
export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <p className="back-link">
      <a href={href}>
        <span aria-hidden="true">← </span>
        {children}
      </a>
    </p>
  );
}

/** A routine page that cannot show its routine: the title, then why (not found, load error) — `before` goes above the title (tabs). */
export function RoutineProblem({ title, before, children }: { title: string; before?: ReactNode; children: ReactNode }) {
  return (
    <section className="routines-page">
      {before}
      <PageTitle>{title}</PageTitle>
      {children}
    </section>
  );
}

/** The routine does not exist (a discarded draft, a mistyped address): say so and lead back to the list. */
export function RoutineNotFound({ title, before }: { title: string; before?: ReactNode }) {
  const { t } = useT();
  return (
    <RoutineProblem title={title} before={before}>
      <Notice kind="warning">
        <p>{t('routines.detail.notFound')}</p>
      </Notice>
      <p>
        <a href={`#${ROUTINE_PATHS.list}`}>{t('routines.backToList')}</a>
      </p>
    </RoutineProblem>
  );
}

/** "EKSEMPEL – ikke klinisk godkjent" in every language: it is the mark the example content itself carries. */
export function ExampleMark({ large = false }: { large?: boolean }) {
  const { t } = useT();
  return (
    <span className={`routine-example${large ? ' routine-example--large' : ''}`} title={t('routines.exampleHint')}>
      <span aria-hidden="true">⚠ </span>
      {EXAMPLE_MARK}
    </span>
  );
}

/** Yes or no with an icon and a word, never colour alone. */
export function YesNo({ yes, yesText, noText }: { yes: boolean; yesText: string; noText: string }) {
  return (
    <span className={`yes-no yes-no--${yes ? 'yes' : 'no'}`}>
      <span className="yes-no-icon" aria-hidden="true">
        {yes ? '✓' : '✕'}
      </span>
      <span>{yes ? yesText : noText}</span>
    </span>
  );
}

const STATUS_ICONS = { active: '✓', scheduled: '◷', draft: '✎', retired: '⦸' } as const;

/** A status with its icon and word (never colour alone), styled by how it stands: active, scheduled, draft or retired. */
function StatusTag({ look, children }: { look: keyof typeof STATUS_ICONS; children: ReactNode }) {
  return (
    <span className={`routine-status routine-status--${look}`}>
      <span aria-hidden="true">{STATUS_ICONS[look]} </span>
      {children}
    </span>
  );
}

export function ListStatusLabel({ status }: { status: ListStatus }) {
  const { t, language } = useT();
  switch (status.kind) {
    case 'active':
      return (
        <StatusTag look="active">
          {t('routines.status.active')}
          {status.pendingDraft !== null && <span className="routine-status-note">{t('routines.status.pendingDraft', { version: status.pendingDraft })}</span>}
          {status.scheduled && (
            <span className="routine-status-note">{t('routines.status.scheduledNext', { version: status.scheduled.version, date: formatDate(status.scheduled.date, language) })}</span>
          )}
        </StatusTag>
      );
    case 'scheduled':
      return <StatusTag look="scheduled">{t('routines.status.activeFrom', { date: formatDate(status.date, language) })}</StatusTag>;
    case 'draft':
      return <StatusTag look="draft">{t('routines.status.draft')}</StatusTag>;
    case 'retired':
      return <StatusTag look="retired">{t('routines.status.retired')}</StatusTag>;
  }
}

const VERSION_LOOKS = {
  inForce: 'active',
  draft: 'draft',
  notYetValid: 'scheduled',
  superseded: 'retired',
  withdrawn: 'retired',
  neverInForce: 'retired',
  expired: 'retired',
} as const;

export function VersionStateLabel({ state }: { state: VersionState }) {
  const { t, language } = useT();
  return <StatusTag look={VERSION_LOOKS[state.kind]}>{versionStateText(state, { t, language })}</StatusTag>;
}

/** Read-only criteria: red flags first and marked, then the other exclusions. */
export function ExclusionList({ criteria }: { criteria: Routine['exclusionCriteria'] }) {
  const { t } = useT();
  const ordered = [...criteria.filter((c) => c.redFlag), ...criteria.filter((c) => !c.redFlag)];
  return (
    <ul className="criteria-list">
      {ordered.map((criterion, i) => (
        <li key={i} className={criterion.redFlag ? 'criteria-item criteria-item--red-flag' : 'criteria-item'}>
          {criterion.redFlag && (
            <span className="red-flag-label">
              <span aria-hidden="true">⚑ </span>
              {t('routines.redFlag')}:{' '}
            </span>
          )}
          {criterion.text}
        </li>
      ))}
    </ul>
  );
}

export function InclusionList({ criteria }: { criteria: readonly string[] }) {
  return (
    <ul className="criteria-list">
      {criteria.map((text, i) => (
        <li key={i} className="criteria-item">
          {text}
        </li>
      ))}
    </ul>
  );
}

/** Name, ATC code, strength, form, route, dose, frequency, duration and the most the nurse may give. */
export function MedicineTable({ medicine, caption }: { medicine: RoutineMedicine; caption: string }) {
  const { t } = useT();
  const rows: [string, ReactNode][] = [
    [t('routines.medicine.name'), <strong key="name">{medicine.name}</strong>],
    [t('routines.medicine.atcCode'), <code key="atc">{medicine.atcCode}</code>],
    [t('routines.medicine.strength'), medicine.strength],
    [t('routines.medicine.form'), medicine.form],
    [t('routines.medicine.route'), medicine.route],
    [t('routines.medicine.dose'), medicine.dose],
    [t('routines.medicine.frequency'), medicine.frequency],
    [
      t('routines.medicine.duration'),
      medicine.durationDays === null ? t('routines.medicine.singleDose') : t('routines.medicine.days', { count: medicine.durationDays }),
    ],
    [t('routines.medicine.maxQuantity'), medicine.maxQuantity],
  ];
  return (
    <table className="table medicine-table">
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the nurse may do with the medicine, and the follow-up advice: two headed paragraphs. */
export function NurseAdvice({ routine, className }: { routine: Pick<Routine, 'nurseMay' | 'followUpAdvice'>; className?: string }) {
  const { t } = useT();
  return (
    <>
      <h3>{t('routines.nurseMayTitle')}</h3>
      <p className={className}>{nurseMayText(t, routine.nurseMay)}</p>
      <h3>{t('routines.followUpTitle')}</h3>
      <p className="pre-line">{routine.followUpAdvice}</p>
    </>
  );
}

export function nurseMayText(t: ReturnType<typeof useT>['t'], nurseMay: Routine['nurseMay']): string {
  return nurseMay === 'give' ? t('routines.nurseMay.give') : t('routines.nurseMay.prepareForSignature');
}
