// Turnus: plan a week per office or per person — shifts, absences, recurring patterns, week copy, .ics export — with warnings inline.
import { useState } from 'react';
import { isoWeekMonday } from '../../../../domain/calendar/isoWeek';
import type { Absence, RecurringPattern } from '../../../../domain/rota/types';
import { warningsForShift } from '../../../../domain/rota/warnings';
import type { RotaWarning } from '../../../../domain/rota/warnings';
import { api } from '../../api/client';
import { toClientError } from '../../api/errors';
import type { ClientApiError } from '../../api/errors';
import { can } from '../../app/permissions';
import { SelectField } from '../../components/fields';
import { LoadError, Loading, NoAccess, Notice, PageHeader } from '../../components/page';
import { useSelectedWeek, WeekNav } from '../../components/WeekNav';
import { useT } from '../../i18n';
import type { MessageKey, MessageParams } from '../../i18n';
import { professionName } from '../../i18n/labels';
import { useList, useQuery } from '../../stores/query';
import { useSession } from '../../stores/session';
import { useUi } from '../../stores/ui';
import type { RotaView } from '../../stores/ui';
import { osloToday } from '../../format/dates';
import { WarningList } from '../../components/WarningList';
import { AbsenceDialog } from './AbsenceDialog';
import { CopyWeekDialog } from './CopyWeekDialog';
import { PatternDialog } from './PatternDialog';
import { PatternsSection } from './PatternsSection';
import { defaultTimes } from './rota-form';
import type { ShiftPrefill } from './rota-form';
import { saveFile } from '../../format/download';
import { icsRange, ICS_WEEKS } from './rota-labels';
import { OfficeWeekGrid, PersonWeekTable } from './RotaGrids';
import type { GridActions } from './RotaGrids';
import { officeViewWarnings, officeWeekRows, patternsFor, personViewWarnings, personWeekDays, warningsForAbsence } from './rota-view';
import type { PlannedShift, RotaWeek } from './rota-view';
import type { SavedChange } from './saved-change';
import { ShiftDialog } from './ShiftDialog';

/** Areas whose changes alter the planning week (a shift saved in another window, a renamed office, a new person …). */
const ROTA_AREAS = ['rota', 'offices', 'staff', 'settings', 'setup'] as const;

type DialogState =
  | { type: 'shift'; shift: PlannedShift | null; prefill: ShiftPrefill }
  | { type: 'absence'; absence: Absence | null; prefill: { staffId: string | null; date: string } }
  | { type: 'pattern'; pattern: RecurringPattern | null; prefill: { staffId?: string | null; officeId?: string | null; from: string } }
  | { type: 'copy' };

/** The confirmation after a save, with the warnings the saved shift (or absence) now has. */
interface Feedback {
  kind: 'success' | 'error';
  key: MessageKey;
  params?: MessageParams;
  warnings: RotaWarning[];
  error?: ClientApiError;
}

export function RotaPage() {
  const { t, errorText } = useT();
  const user = useSession((state) => state.user);
  const planner = can(user, 'planRota');
  const [week, setWeek] = useSelectedWeek();
  const rota = useQuery('rota.week', { week }, ROTA_AREAS);
  const patterns = useQuery('rota.listPatterns', {}, ROTA_AREAS);
  const settings = useList('settings.get');
  const chosenView = useUi((state) => state.rotaView);
  const setView = useUi((state) => state.setRotaView);
  const chosenOffice = useUi((state) => state.rotaOfficeId);
  const setOffice = useUi((state) => state.setRotaOfficeId);
  const chosenStaff = useUi((state) => state.rotaStaffId);
  const setStaff = useUi((state) => state.setRotaStaffId);
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [exporting, setExporting] = useState(false);
  const [showEndedPatterns, setShowEndedPatterns] = useState(false);

  if (rota.error?.code === 'auth.forbidden') return <NoAccess />;
  const data = rota.data;
  const view: RotaView = chosenView ?? (planner ? 'office' : 'person');

  function changeWeek(next: Parameters<typeof setWeek>[0]) {
    setFeedback(null);
    setWeek(next);
  }

  const header = (
    <PageHeader
      title={t('rota.title')}
      actions={
        planner &&
        data && (
          <>
            <button type="button" className="button button--primary" onClick={() => openNewShift(data, null, null)}>
              {t('rota.newShift')}
            </button>
            <button type="button" className="button" onClick={() => setDialog({ type: 'absence', absence: null, prefill: { staffId: view === 'person' ? staffIdFor(data) : null, date: firstDay(data) } })}>
              {t('rota.newAbsence')}
            </button>
            <button type="button" className="button" onClick={() => setDialog({ type: 'copy' })} disabled={!rota.current}>
              {t('rota.copyWeek')}
            </button>
          </>
        )
      }
    />
  );

  if (!data) {
    return (
      <section className="page--wide">
        {header}
        <WeekNav week={week} onChange={changeWeek} />
        {rota.error ? <LoadError error={rota.error} onRetry={() => void rota.reload()} /> : <Loading />}
      </section>
    );
  }

  /** The office in view: the one chosen, else this computer's office, else the first. */
  function officeIdFor(rotaWeek: RotaWeek): string | null {
    const candidates = [chosenOffice, settings.data?.deviceOfficeId ?? null, rotaWeek.offices[0]?.id ?? null];
    return candidates.find((id) => id && rotaWeek.offices.some((office) => office.id === id)) ?? null;
  }

  /** The person in view: the one chosen, else the signed-in user, else the first active person. */
  function staffIdFor(rotaWeek: RotaWeek): string | null {
    const candidates = [chosenStaff, user?.staffId ?? null, rotaWeek.staff.find((member) => member.active)?.id ?? null];
    return candidates.find((id) => id && rotaWeek.staff.some((member) => member.id === id)) ?? null;
  }

  /** Monday of the week shown, or today when today is in it. */
  function firstDay(rotaWeek: RotaWeek): string {
    const today = osloToday();
    return rotaWeek.dates.includes(today) ? today : rotaWeek.dates[0]!;
  }

  function openNewShift(rotaWeek: RotaWeek, staffId: string | null, date: string | null) {
    const day = date ?? firstDay(rotaWeek);
    const personId = staffId ?? (view === 'person' ? staffIdFor(rotaWeek) : null);
    const member = rotaWeek.staff.find((candidate) => candidate.id === personId);
    const officeId = view === 'office' ? officeIdFor(rotaWeek) : (member?.baseOfficeId ?? null);
    const office = rotaWeek.offices.find((candidate) => candidate.id === officeId);
    setDialog({ type: 'shift', shift: null, prefill: { staffId: personId, officeId, date: day, ...defaultTimes(office, day) } });
  }

  async function afterSave(change: SavedChange) {
    setDialog(null);
    // Re-fetch at once (the change event would too, a moment later) so the inline warnings appear with the confirmation.
    const fresh = await rota.reload();
    const warnings =
      fresh && change.kind === 'shift' ? warningsForShift(fresh.warnings, change.id) : fresh && change.kind === 'absence' ? warningsForAbsence(fresh.warnings, change.id) : [];
    setFeedback({ kind: 'success', key: change.messageKey, params: change.kind === 'other' ? change.params : undefined, warnings });
    if (change.messageKey.startsWith('rota.pattern')) void patterns.reload();
  }

  async function exportIcs(staffId: string) {
    setExporting(true);
    setFeedback(null);
    try {
      const range = icsRange(isoWeekMonday(week));
      const result = await api.call('rota.exportIcs', { staffId, ...range });
      saveFile(result.fileName, result.content, 'text/calendar;charset=utf-8');
      setFeedback({ kind: 'success', key: 'rota.icsDone', params: { count: result.count, file: result.fileName }, warnings: [] });
    } catch (error) {
      setFeedback({ kind: 'error', key: 'rota.icsFailed', warnings: [], error: toClientError(error) });
    } finally {
      setExporting(false);
    }
  }

  const officeId = officeIdFor(data);
  const staffId = staffIdFor(data);
  const officeName = (id: string) => data.offices.find((office) => office.id === id)?.name ?? t('warnings.otherOffice');
  const names = new Map(data.staff.map((member) => [member.id, member.name]));
  const staffName = (id: string) => names.get(id) ?? t('overview.unknownPerson');
  const actions: GridActions | null = planner
    ? {
        editShift: (shift) => setDialog({ type: 'shift', shift, prefill: { date: shift.date, start: shift.start, end: shift.end } }),
        editAbsence: (absence) => setDialog({ type: 'absence', absence, prefill: { staffId: absence.staffId, date: absence.from } }),
        addShift: ({ staffId: person, date }) => openNewShift(data, person, date),
      }
    : null;

  const rows = view === 'office' && officeId ? officeWeekRows(data, officeId) : [];
  const viewWarnings = view === 'office' ? (officeId ? officeViewWarnings(data, officeId, rows) : []) : staffId ? personViewWarnings(data, staffId) : [];
  const scopeName = view === 'office' ? (officeId ? officeName(officeId) : '') : staffId ? staffName(staffId) : '';
  const scopedPatterns = patterns.data ? patternsFor(patterns.data, view === 'office' ? { officeId } : { staffId }, staffName) : null;
  // Patterns that ended before this week are history: hidden unless asked for.
  const endedPatterns = scopedPatterns?.filter((pattern) => pattern.to !== null && pattern.to < data.dates[0]!).length ?? 0;
  const shownPatterns = scopedPatterns && !showEndedPatterns ? scopedPatterns.filter((pattern) => pattern.to === null || pattern.to >= data.dates[0]!) : scopedPatterns;
  const sortedStaff = [...data.staff].sort((a, b) => a.name.localeCompare(b.name, 'nb'));

  return (
    <section className="page--wide rota-page">
      {header}
      <p className="page-intro">{planner ? t('rota.introPlanner') : t('rota.introReadOnly')}</p>
      <div className="overview-toolbar">
        <WeekNav week={week} onChange={changeWeek} />
      </div>
      <div className="rota-controls">
        <fieldset className="view-switch">
          <legend className="visually-hidden">{t('rota.viewLegend')}</legend>
          {(['office', 'person'] as const).map((option) => (
            <div key={option} className="view-option">
              <input type="radio" id={`rota-view-${option}`} name="rota-view" checked={view === option} onChange={() => setView(option)} />
              <label htmlFor={`rota-view-${option}`}>{t(option === 'office' ? 'rota.viewOffice' : 'rota.viewPerson')}</label>
            </div>
          ))}
        </fieldset>
        {view === 'office' ? (
          <SelectField
            id="rota-office"
            label={t('rota.showOffice')}
            value={officeId ?? ''}
            options={data.offices.map((office) => ({ value: office.id, label: office.name }))}
            onChange={(value) => setOffice(value)}
          />
        ) : (
          <>
            <SelectField
              id="rota-person"
              label={t('rota.showPerson')}
              value={staffId ?? ''}
              options={sortedStaff.map((member) => ({
                value: member.id,
                label: `${member.name} (${professionName(t, member.profession)}${member.active ? '' : `, ${t('common.inactive').toLocaleLowerCase()}`})`,
              }))}
              onChange={(value) => setStaff(value)}
            />
            {staffId && (
              <div className="ics-export">
                <button type="button" className="button" onClick={() => void exportIcs(staffId)} disabled={exporting} aria-describedby="rota-ics-hint">
                  {t('rota.exportIcs')}
                </button>
                <p className="field-hint" id="rota-ics-hint">
                  {t('rota.exportIcsHint', { weeks: ICS_WEEKS, from: week.week })}
                </p>
              </div>
            )}
          </>
        )}
      </div>

      <div className="feedback-region" role="status" aria-live="polite">
        {feedback && (
          <Notice kind={feedback.kind === 'error' ? 'error' : feedback.warnings.length > 0 ? 'warning' : 'success'}>
            <p>
              {t(feedback.key, feedback.params)}
              {feedback.error && ` ${errorText(feedback.error)}`}
              {feedback.warnings.length > 0 && ` ${t('rota.savedWithWarnings', { count: feedback.warnings.length })}`}
            </p>
            {feedback.warnings.length > 0 && (
              <ul className="feedback-warnings">
                {feedback.warnings.map((warning) => (
                  <li key={warning.id}>{warning.message}</li>
                ))}
              </ul>
            )}
          </Notice>
        )}
      </div>
      {rota.error && <LoadError error={rota.error} onRetry={() => void rota.reload()} />}

      <div className={rota.current ? undefined : 'is-updating'} aria-busy={!rota.current}>
        {data.offices.length === 0 ? (
          <Notice kind="info">
            <p>{t('rota.noOffices')}</p>
          </Notice>
        ) : view === 'office' && officeId ? (
          <>
            <OfficeWeekGrid rota={data} actions={actions} staffName={staffName} officeId={officeId} officeName={officeName(officeId)} rows={rows} />
            {rows.length === 0 && <p className="page-intro">{planner ? t('rota.noPeoplePlanner') : t('rota.noPeople')}</p>}
          </>
        ) : staffId ? (
          <PersonWeekTable rota={data} actions={actions} staffName={staffName} staffId={staffId} days={personWeekDays(data, staffId)} />
        ) : null}
        <p className="grid-legend">{t('rota.legend')}</p>

        <WarningList
          warnings={viewWarnings}
          offices={data.offices.map((office) => ({ id: office.id, name: office.name }))}
          headingId="rota-warnings"
          title={t('rota.warningsTitle', { scope: scopeName })}
          noneText={t('rota.noWarnings')}
        />
        {data.warnings.length > viewWarnings.length && <p className="page-intro">{t('rota.otherWarnings', { count: data.warnings.length - viewWarnings.length })}</p>}
      </div>

      <PatternsSection
        patterns={shownPatterns}
        error={patterns.error}
        onRetry={() => void patterns.reload()}
        scope={scopeName}
        total={patterns.data?.length ?? 0}
        endedCount={endedPatterns}
        showEnded={showEndedPatterns}
        onShowEnded={setShowEndedPatterns}
        officeName={officeName}
        staffName={staffName}
        onNew={
          planner
            ? () => setDialog({ type: 'pattern', pattern: null, prefill: { staffId: view === 'person' ? staffId : null, officeId: view === 'office' ? officeId : null, from: data.dates[0]! } })
            : null
        }
        onEdit={planner ? (pattern) => setDialog({ type: 'pattern', pattern, prefill: { from: pattern.from } }) : null}
      />

      {dialog?.type === 'shift' && <ShiftDialog rota={data} shift={dialog.shift} prefill={dialog.prefill} onClose={() => setDialog(null)} onSaved={(change) => void afterSave(change)} />}
      {dialog?.type === 'absence' && <AbsenceDialog rota={data} absence={dialog.absence} prefill={dialog.prefill} onClose={() => setDialog(null)} onSaved={(change) => void afterSave(change)} />}
      {dialog?.type === 'pattern' && <PatternDialog rota={data} pattern={dialog.pattern} prefill={dialog.prefill} onClose={() => setDialog(null)} onSaved={(change) => void afterSave(change)} />}
      {dialog?.type === 'copy' && <CopyWeekDialog rota={data} officeId={view === 'office' ? officeId : null} onClose={() => setDialog(null)} onSaved={(change) => void afterSave(change)} />}
    </section>
  );
}
