// The planning grids: an office's week (people × days) and a person's week (days), with shifts, absences and inline warnings.
import type { Absence } from '../../../../domain/rota/types';
import type { RotaWarning } from '../../../../domain/rota/warnings';
import { warningsForShift } from '../../../../domain/rota/warnings';
import { useT } from '../../i18n';
import { absenceKindName, capitalise, professionName, shiftKindName } from '../../i18n/labels';
import { formatDayLong } from '../../format/dates';
import { warningShortText } from '../../format/warnings';
import { DayHead } from '../../components/DayHead';
import { SeverityMark } from '../../components/WarningList';
import { editableAbsence, officeDayWarnings } from './rota-view';
import type { DayCell, PersonRow, PlannedShift, RotaWeek, ShownAbsence } from './rota-view';

/** What the grids ask the page to open. */
export interface GridActions {
  editShift(shift: PlannedShift): void;
  editAbsence(absence: Absence): void;
  addShift(prefill: { staffId: string | null; date: string }): void;
}

interface GridProps {
  rota: RotaWeek;
  /** null: read-only (not a planner). */
  actions: GridActions | null;
  staffName: (id: string) => string;
}

function shortDate(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.`;
}

function DayHeads({ rota, first }: { rota: RotaWeek; first: string }) {
  const holidays = new Map(rota.holidays.map((holiday) => [holiday.date, holiday.name]));
  return (
    <thead>
      <tr>
        <th scope="col" className="rota-first-col">
          {first}
        </th>
        {rota.dates.map((date) => (
          <DayHead key={date} date={date} holiday={holidays.get(date)} />
        ))}
      </tr>
    </thead>
  );
}

function WarningItems({ warnings, staffName, id }: { warnings: readonly RotaWarning[]; staffName: (id: string) => string; id?: string }) {
  const { t } = useT();
  if (warnings.length === 0) return null;
  return (
    <ul className="cell-warnings shift-warnings" id={id}>
      {warnings.map((warning) => (
        <li key={warning.id} className={`cell-warning cell-warning--${warning.severity}`} title={warning.message}>
          <SeverityMark severity={warning.severity} />
          {warningShortText(t, warning, staffName)}
        </li>
      ))}
    </ul>
  );
}

function ShiftChip({ shift, rota, actions, staffName, showOffice }: GridProps & { shift: PlannedShift; showOffice: boolean }) {
  const { t, language } = useT();
  const office = rota.offices.find((candidate) => candidate.id === shift.officeId);
  const officeName = office?.name ?? t('warnings.otherOffice');
  const warnings = warningsForShift(rota.warnings, shift.id);
  const worst = warnings.some((warning) => warning.severity === 'error') ? 'error' : warnings.length > 0 ? 'warning' : null;
  const kind = shiftKindName(t, shift.kind);
  const time = `${shift.start}–${shift.end}`;
  const fromPattern = shift.occurrenceDate !== null;
  // Only leads and admins ever get a draft shift; it says so wherever it shows (the week's "Utkast" notice is per office).
  const draft = rota.publication.some((state) => state.draft && state.officeId === shift.officeId);
  // Starts with the visible text, so voice control users can say what they see.
  const label = [
    `${time} ${kind}`,
    t(shift.kind === 'video' ? 'rota.shiftForOffice' : 'rota.shiftAtOffice', { office: officeName }),
    `${staffName(shift.staffId)} ${formatDayLong(t, shift.date, language)}`,
    fromPattern ? t('rota.fromPattern') : null,
    shift.changed ? t('rota.changedTag') : null,
    draft ? t('publication.draftBadge') : null,
  ]
    .filter(Boolean)
    .join(', ');
  const warningsId = `shift-warnings-${shift.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const className = `shift shift--${shift.kind}${showOffice ? ' shift--elsewhere' : ''}${worst ? ` shift--${worst}` : ''}`;
  const body = (
    <>
      <span className="shift-time">{time}</span>
      <span className="shift-kind">
        {showOffice ? `${kind} · ${officeName.replace(/\s+legekontor$/i, '')}` : kind}
        {fromPattern && (
          <span className="shift-pattern" title={t('rota.fromPattern')} aria-hidden="true">
            {' '}
            ↻
          </span>
        )}
        {shift.changed && <span className="tag shift-changed">{t('rota.changedTag')}</span>}
        {draft && <span className="tag shift-draft">{t('publication.draftBadge')}</span>}
      </span>
      {shift.note && <span className="shift-note">{shift.note}</span>}
    </>
  );
  return (
    <li className="shift-item">
      {actions ? (
        <button type="button" className={className} aria-label={t('rota.editShiftLabel', { shift: label })} aria-describedby={warnings.length > 0 ? warningsId : undefined} onClick={() => actions.editShift(shift)}>
          {body}
        </button>
      ) : (
        <div className={className} aria-label={label} role="group" aria-describedby={warnings.length > 0 ? warningsId : undefined}>
          {body}
        </div>
      )}
      <WarningItems warnings={warnings} staffName={staffName} id={warningsId} />
    </li>
  );
}

function AbsenceChip({ absence, actions, staffName }: { absence: ShownAbsence; actions: GridActions | null; staffName: (id: string) => string }) {
  const { t } = useT();
  // A colleague's reason never reaches this screen (the backend leaves it out): "Fravær" only.
  const kind = absence.kind === null ? t('rota.absencePrivate') : capitalise(absenceKindName(t, absence.kind));
  const editable = editableAbsence(absence);
  const range = absence.from === absence.to ? shortDate(absence.from) : `${shortDate(absence.from)}–${shortDate(absence.to)}`;
  const label = `${kind} ${range}, ${staffName(absence.staffId)}${absence.note ? `, ${absence.note}` : ''}`;
  return (
    <li className="shift-item">
      {actions && editable ? (
        <button type="button" className="absence" aria-label={t('rota.editAbsenceLabel', { absence: label })} onClick={() => actions.editAbsence(editable)}>
          <span className="absence-kind">{kind}</span> <span className="absence-range">{range}</span>
        </button>
      ) : (
        <div className="absence" role="group" aria-label={label}>
          <span className="absence-kind">{kind}</span> <span className="absence-range">{range}</span>
        </div>
      )}
    </li>
  );
}

function DayContent({ day, staffId, personName, props, officeId }: { day: DayCell; staffId: string; personName: string; props: GridProps; officeId: string | null }) {
  const { t, language } = useT();
  const { actions } = props;
  return (
    <>
      {(day.shifts.length > 0 || day.absences.length > 0) && (
        <ul className="shift-list">
          {day.absences.map((absence) => (
            <AbsenceChip key={absence.id} absence={absence} actions={actions} staffName={props.staffName} />
          ))}
          {day.shifts.map((shift) => (
            <ShiftChip key={shift.id} {...props} shift={shift} showOffice={officeId === null || shift.officeId !== officeId} />
          ))}
        </ul>
      )}
      {actions && (
        <button
          type="button"
          className="cell-add"
          aria-label={t('rota.addShiftFor', { name: personName, day: formatDayLong(t, day.date, language) })}
          onClick={() => actions.addShift({ staffId, date: day.date })}
        >
          <span aria-hidden="true">+</span>
        </button>
      )}
    </>
  );
}

export function OfficeWeekGrid(props: GridProps & { officeId: string; officeName: string; rows: readonly PersonRow[] }) {
  const { t } = useT();
  const { rota, officeId, rows } = props;
  return (
    <div className="table-wrap rota-wrap">
      <table className="rota-grid">
        <caption className="visually-hidden">{t('rota.officeGridCaption', { office: props.officeName, week: rota.week.week })}</caption>
        <DayHeads rota={rota} first={t('rota.person')} />
        <tbody>
          <tr className="rota-cover-row">
            <th scope="row" className="rota-first-col">
              {t('rota.coverRow')}
            </th>
            {rota.dates.map((date) => {
              const warnings = officeDayWarnings(rota.warnings, officeId, date);
              return (
                <td key={date} className="cell">
                  <WarningItems warnings={warnings} staffName={props.staffName} />
                </td>
              );
            })}
          </tr>
          {rows.map((row) => (
            <tr key={row.member.id}>
              <th scope="row" className="rota-first-col">
                <span className="person-name">{row.member.name}</span>
                <span className="person-profession">{professionName(t, row.member.profession)}</span>
              </th>
              {row.days.map((day) => (
                <td key={day.date} className={day.closed ? 'cell cell--closed' : 'cell'}>
                  <DayContent day={day} staffId={row.member.id} personName={row.member.name} props={props} officeId={officeId} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PersonWeekTable(props: GridProps & { staffId: string; days: readonly DayCell[] }) {
  const { t, language } = useT();
  const name = props.staffName(props.staffId);
  const holidays = new Map(props.rota.holidays.map((holiday) => [holiday.date, holiday.name]));
  return (
    <div className="table-wrap rota-wrap">
      <table className="rota-grid rota-grid--person">
        <caption className="visually-hidden">{t('rota.personGridCaption', { name, week: props.rota.week.week })}</caption>
        <thead>
          <tr>
            <th scope="col" className="rota-first-col">
              {t('rota.day')}
            </th>
            <th scope="col">{t('rota.shiftsAndAbsences')}</th>
          </tr>
        </thead>
        <tbody>
          {props.days.map((day) => (
            <tr key={day.date}>
              <th scope="row" className={holidays.has(day.date) ? 'rota-first-col day-head--holiday' : 'rota-first-col'}>
                {capitalise(formatDayLong(t, day.date, language))}
                {holidays.has(day.date) && <span className="holiday-name">{holidays.get(day.date)}</span>}
              </th>
              <td className="cell cell--person">
                <DayContent day={day} staffId={props.staffId} personName={name} props={props} officeId={null} />
                {day.shifts.length === 0 && day.absences.length === 0 && !props.actions && <span className="muted">{t('rota.free')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
