// Turnus: plan a week per office or per person — shifts, absences, recurring patterns, week copy, .ics export — with warnings inline.
import { useCallback, useState } from 'react';
import { isoWeekOf } from '../../../../domain/calendar/isoWeek';
import type { IsoWeek } from '../../../../domain/calendar/isoWeek';
import type { CoverGap } from '../../../../domain/rota/cover';
import { warningsForShift } from '../../../../domain/rota/warnings';
import type { RotaWarning } from '../../../../domain/rota/warnings';
import { can } from '../../app/permissions';
import { FeedbackRegion } from '../../components/Feedback';
import type { Feedback } from '../../components/Feedback';
import { LoadError, Loading, NoAccess, PageHeader } from '../../components/page';
import { PublicationBar } from '../../components/PublicationBar';
import { useSelectedWeek, WeekNav } from '../../components/WeekNav';
import { useT } from '../../i18n';
import { useQuery } from '../../stores/query';
import { useSession } from '../../stores/session';
import { osloToday } from '../../format/dates';
import { PatternsSection } from './PatternsSection';
import { RotaControls } from './RotaControls';
import { RotaDialog } from './RotaDialogs';
import type { RotaDialogState } from './RotaDialogs';
import { defaultTimes } from './rota-form';
import type { GridActions } from './RotaGrids';
import { warningsForAbsence } from './rota-view';
import type { RotaWeek } from './rota-view';
import { RotaWeekView } from './RotaWeekView';
import type { SavedChange } from './saved-change';
import { useRotaScope } from './use-rota-scope';

/** Areas whose changes alter the planning week (a shift saved in another window, a renamed office, a new person …). */
const ROTA_AREAS = ['rota', 'offices', 'staff', 'settings', 'setup'] as const;

/** The confirmation after a save, with the warnings the saved shift (or absence) now has. */
interface RotaFeedback extends Feedback {
  warnings: RotaWarning[];
  /** The saved shift is in another week than the one shown: the message says so and offers to go there. */
  otherWeek?: IsoWeek;
}

/** Monday of the week shown, or today when today is in it. */
function firstDay(rota: RotaWeek): string {
  const today = osloToday();
  return rota.dates.includes(today) ? today : rota.dates[0]!;
}

export function RotaPage() {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const planner = can(user, 'planRota');
  const [week, setWeek] = useSelectedWeek();
  const rota = useQuery('rota.week', { week }, ROTA_AREAS);
  const patterns = useQuery('rota.listPatterns', {}, ROTA_AREAS);
  const scope = useRotaScope(planner);
  const [dialog, setDialog] = useState<RotaDialogState | null>(null);
  const [feedback, setFeedback] = useState<RotaFeedback | null>(null);
  // Stable, so the memoised warning list is not redrawn for nothing.
  const openCover = useCallback((gap: CoverGap) => setDialog({ type: 'cover', gap }), []);

  if (rota.error?.code === 'auth.forbidden') return <NoAccess />;
  const data = rota.data;
  const { view } = scope;

  function changeWeek(next: Parameters<typeof setWeek>[0]) {
    setFeedback(null);
    setWeek(next);
  }

  function openNewShift(rotaWeek: RotaWeek, staffId: string | null, date: string | null) {
    const day = date ?? firstDay(rotaWeek);
    const personId = staffId ?? (view === 'person' ? scope.staffIdFor(rotaWeek) : null);
    const member = rotaWeek.staff.find((candidate) => candidate.id === personId);
    const officeId = view === 'office' ? scope.officeIdFor(rotaWeek) : (member?.baseOfficeId ?? null);
    const office = rotaWeek.offices.find((candidate) => candidate.id === officeId);
    setDialog({ type: 'shift', shift: null, prefill: { staffId: personId, officeId, date: day, ...defaultTimes(office, day) } });
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
            <button
              type="button"
              className="button"
              onClick={() => setDialog({ type: 'absence', absence: null, prefill: { staffId: view === 'person' ? scope.staffIdFor(data) : null, date: firstDay(data) } })}
            >
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

  async function afterSave(change: SavedChange) {
    setDialog(null);
    // Re-fetch at once (the change event would too, a moment later) so the inline warnings appear with the confirmation.
    const fresh = await rota.reload();
    const warnings =
      fresh && change.kind === 'shift' ? warningsForShift(fresh.warnings, change.id) : fresh && change.kind === 'absence' ? warningsForAbsence(fresh.warnings, change.id) : [];
    const savedWeek = change.kind === 'shift' ? isoWeekOf(change.date) : null;
    const otherWeek = savedWeek && (savedWeek.year !== week.year || savedWeek.week !== week.week) ? savedWeek : undefined;
    setFeedback({ kind: warnings.length > 0 ? 'warning' : 'success', key: change.messageKey, params: change.kind === 'other' ? change.params : undefined, warnings, ...(otherWeek ? { otherWeek } : {}) });
    if (change.messageKey.startsWith('rota.pattern')) void patterns.reload();
  }

  const officeId = scope.officeIdFor(data);
  const staffId = scope.staffIdFor(data);
  const officeName = (id: string) => data.offices.find((office) => office.id === id)?.name ?? t('warnings.otherOffice');
  const names = new Map(data.staff.map((member) => [member.id, member.name]));
  const staffName = (id: string) => names.get(id) ?? t('overview.unknownPerson');
  const scopeName = view === 'office' ? (officeId ? officeName(officeId) : '') : staffId ? staffName(staffId) : '';
  const actions: GridActions | null = planner
    ? {
        editShift: (shift) => setDialog({ type: 'shift', shift, prefill: { date: shift.date, start: shift.start, end: shift.end } }),
        editAbsence: (absence) => setDialog({ type: 'absence', absence, prefill: { staffId: absence.staffId, date: absence.from } }),
        addShift: ({ staffId: person, date }) => openNewShift(data, person, date),
      }
    : null;
  const warningCount = feedback?.warnings.length ?? 0;

  return (
    <section className="page--wide rota-page">
      {header}
      <p className="page-intro">{planner ? t('rota.introPlanner') : t('rota.introReadOnly')}</p>
      <div className="overview-toolbar">
        <WeekNav week={week} onChange={changeWeek} />
      </div>
      <RotaControls rota={data} week={week} scope={scope} officeId={officeId} staffId={staffId} onFeedback={(next) => setFeedback(next && { ...next, warnings: [] })} />
      <PublicationBar
        key={`${week.year}-${week.week}`}
        publication={data.publication}
        week={week}
        officeIds={view === 'office' && officeId ? [officeId] : data.offices.map((office) => office.id)}
        officeName={officeName}
        offerDraft={view === 'office'}
      />
      <FeedbackRegion feedback={feedback} detail={warningCount > 0 ? t('rota.savedWithWarnings', { count: warningCount }) : undefined}>
        {feedback?.otherWeek && <OtherWeekLink week={feedback.otherWeek} onGo={changeWeek} />}
        {warningCount > 0 && (
          <ul className="feedback-warnings">
            {feedback?.warnings.map((warning) => (
              <li key={warning.id}>{warning.message}</li>
            ))}
          </ul>
        )}
      </FeedbackRegion>
      {rota.error && <LoadError error={rota.error} onRetry={() => void rota.reload()} />}
      <RotaWeekView
        rota={data}
        current={rota.current}
        view={view}
        officeId={officeId}
        staffId={staffId}
        scopeName={scopeName}
        actions={actions}
        planner={planner}
        officeName={officeName}
        staffName={staffName}
        onCover={planner ? openCover : undefined}
      />
      <PatternsSection
        query={patterns}
        filter={view === 'office' ? { officeId } : { staffId }}
        scope={scopeName}
        weekStart={data.dates[0]!}
        officeName={officeName}
        staffName={staffName}
        onNew={
          planner
            ? () => setDialog({ type: 'pattern', pattern: null, prefill: { staffId: view === 'person' ? staffId : null, officeId: view === 'office' ? officeId : null, from: data.dates[0]! } })
            : null
        }
        onEdit={planner ? (pattern) => setDialog({ type: 'pattern', pattern, prefill: { from: pattern.from } }) : null}
      />
      {dialog && (
        <RotaDialog
          dialog={dialog}
          rota={data}
          officeId={view === 'office' ? officeId : null}
          onClose={() => setDialog(null)}
          onSaved={(change) => void afterSave(change)}
          onCover={openCover}
        />
      )}
    </section>
  );
}

/** "Vakten er lagret i uke 14 – gå dit": the week is chosen in the page, not the address, so "gå dit" is a button. */
function OtherWeekLink({ week, onGo }: { week: IsoWeek; onGo: (week: IsoWeek) => void }) {
  const { t } = useT();
  return (
    <p className="saved-other-week">
      {t('rota.savedInOtherWeek', { week: week.week })} –{' '}
      <button type="button" className="button-link" onClick={() => onGo(week)}>
        {t('rota.savedInOtherWeekLink')}
      </button>
    </p>
  );
}
