// Pieces shared by the routine pages: area tabs, the example mark, yes/no with icon and text, status labels, criteria, the medicine table and a labelled text area.
import type { ReactNode } from 'react';
import type { RoutineMedicine, Routine } from '../../../../domain/routines/types';
import { FieldError } from '../../components/fields';
import { useT } from '../../i18n';
import { EXAMPLE_MARK } from '../../../../domain/routines/examples';
import { ROUTINE_PATHS } from './routine-paths';
import { formatDate } from '../../format/dates';
import type { ListStatus, VersionState } from './routine-view';

/** "Sjekk rutine" | "Alle rutiner" (| "Ny rutine" for doctors): the area's own navigation. */
export function RoutineTabs({ current, canEdit }: { current: 'check' | 'list' | null; canEdit: boolean }) {
  const { t } = useT();
  const tabs = [
    { key: 'check' as const, href: `#${ROUTINE_PATHS.check}`, label: t('routines.tabs.check') },
    { key: 'list' as const, href: `#${ROUTINE_PATHS.list}`, label: t('routines.tabs.list') },
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

export function ListStatusLabel({ status }: { status: ListStatus }) {
  const { t, language } = useT();
  switch (status.kind) {
    case 'active':
      return (
        <span className="routine-status routine-status--active">
          <span aria-hidden="true">✓ </span>
          {t('routines.status.active')}
          {status.pendingDraft !== null && <span className="routine-status-note">{t('routines.status.pendingDraft', { version: status.pendingDraft })}</span>}
          {status.scheduled && (
            <span className="routine-status-note">{t('routines.status.scheduledNext', { version: status.scheduled.version, date: formatDate(status.scheduled.date, language) })}</span>
          )}
        </span>
      );
    case 'scheduled':
      return (
        <span className="routine-status routine-status--scheduled">
          <span aria-hidden="true">◷ </span>
          {t('routines.status.activeFrom', { date: formatDate(status.date, language) })}
        </span>
      );
    case 'draft':
      return (
        <span className="routine-status routine-status--draft">
          <span aria-hidden="true">✎ </span>
          {t('routines.status.draft')}
        </span>
      );
    case 'retired':
      return (
        <span className="routine-status routine-status--retired">
          <span aria-hidden="true">⦸ </span>
          {t('routines.status.retired')}
        </span>
      );
  }
}

export function VersionStateLabel({ state }: { state: VersionState }) {
  const { t, language } = useT();
  const date = (value: string | null) => (value ? formatDate(value, language) : '');
  switch (state.kind) {
    case 'inForce':
      return (
        <span className="routine-status routine-status--active">
          <span aria-hidden="true">✓ </span>
          {t('routines.version.inForce')}
        </span>
      );
    case 'draft':
      return (
        <span className="routine-status routine-status--draft">
          <span aria-hidden="true">✎ </span>
          {t('routines.status.draft')}
        </span>
      );
    case 'notYetValid':
      return (
        <span className="routine-status routine-status--scheduled">
          <span aria-hidden="true">◷ </span>
          {t('routines.status.activeFrom', { date: date(state.date) })}
        </span>
      );
    case 'superseded':
      return (
        <span className="routine-status routine-status--retired">
          <span aria-hidden="true">⦸ </span>
          {t('routines.version.superseded', { version: state.newVersion, date: date(state.date) })}
        </span>
      );
    case 'withdrawn':
      return (
        <span className="routine-status routine-status--retired">
          <span aria-hidden="true">⦸ </span>
          {t('routines.version.withdrawn', { date: date(state.date) })}
        </span>
      );
    case 'neverInForce':
      return (
        <span className="routine-status routine-status--retired">
          <span aria-hidden="true">⦸ </span>
          {t('routines.version.neverInForce')}
        </span>
      );
    case 'expired':
      return (
        <span className="routine-status routine-status--retired">
          <span aria-hidden="true">⦸ </span>
          {t('routines.version.expired', { date: date(state.date) })}
        </span>
      );
  }
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

export function nurseMayText(t: ReturnType<typeof useT>['t'], nurseMay: Routine['nurseMay']): string {
  return nurseMay === 'give' ? t('routines.nurseMay.give') : t('routines.nurseMay.prepareForSignature');
}

export interface TextAreaFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | undefined;
  hint?: ReactNode;
  rows?: number;
  maxLength?: number;
  autoFocus?: boolean;
}

/** A labelled text area with hint and error wired to aria-describedby, like the shared text fields. */
export function TextAreaField(props: TextAreaFieldProps) {
  const { id, label, error, hint } = props;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field field--textarea${error ? ' field--error' : ''}`}>
      <div className="field-label-row">
        <label htmlFor={id}>{label}</label>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        className="input input--textarea"
        value={props.value}
        rows={props.rows ?? 3}
        maxLength={props.maxLength}
        onChange={(event) => props.onChange(event.target.value)}
        onBlur={props.onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        autoFocus={props.autoFocus}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}
