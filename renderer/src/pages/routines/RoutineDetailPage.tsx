// One routine: the version in force and the newest, its content, who is authorised today, version and authorisation history; doctors activate, withdraw, change and authorise; "Skriv ut" prints the A4 sheet.
import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ApiOutput } from '../../../../backend/api-types';
import { compareAuthorisationEvents, authorisedNurses } from '../../../../domain/routines/authorisations';
import type { Routine } from '../../../../domain/routines/types';
import { printPage } from '../../app/print';
import { navigate } from '../../app/router';
import { FlashMessage, LoadError, Loading, Notice, PageTitle } from '../../components/page';
import { SelectField } from '../../components/fields';
import { useT } from '../../i18n';
import type { Translator } from '../../i18n';
import { useList, useQuery } from '../../stores/query';
import { formatStamp } from '../../format/dates';
import { ActivateDialog, AuthorisationDialog, DiscardDialog, RetireDialog } from './RoutineDialogs';
import type { Done, NurseChoice } from './RoutineDialogs';
import { ExampleMark, ExclusionList, InclusionList, ListStatusLabel, MedicineTable, nurseMayText, RoutineTabs, VersionStateLabel, YesNo } from './routine-parts';
import { ROUTINE_PATHS } from './routine-paths';
import { RoutineSheet } from './RoutineSheet';
import type { SheetNurse } from './RoutineSheet';
import { isExampleRoutine, listStatus, shortTitle, versionState } from './routine-view';
import { formatDate } from '../../format/dates';
import type { VersionState } from './routine-view';

type RoutineDetail = ApiOutput<'routines.get'>;
type DetailEvent = RoutineDetail['events'][number];

const DETAIL_AREAS = ['routines', 'staff', 'competence', 'setup'] as const;

type Dialog =
  | { kind: 'activate' }
  | { kind: 'discard' }
  | { kind: 'retire' }
  | { kind: 'authorise' }
  | { kind: 'revoke'; nurse: NurseChoice; version: number };

export function RoutineDetailPage({ routineId, canEdit }: { routineId: string; canEdit: boolean }) {
  const { t } = useT();
  const detail = useQuery('routines.get', { routineId }, DETAIL_AREAS);

  if (detail.error?.code === 'routines.notFound') {
    return (
      <section className="routines-page">
        <RoutineTabs current={null} canEdit={canEdit} />
        <PageTitle>{t('routines.detail.notFoundTitle')}</PageTitle>
        <Notice kind="warning">
          <p>{t('routines.detail.notFound')}</p>
        </Notice>
        <p>
          <a href={`#${ROUTINE_PATHS.list}`}>{t('routines.backToList')}</a>
        </p>
      </section>
    );
  }
  if (!detail.data) {
    return (
      <section className="routines-page">
        <RoutineTabs current={null} canEdit={canEdit} />
        {detail.error ? (
          <>
            <PageTitle>{t('routines.list.title')}</PageTitle>
            <LoadError error={detail.error} onRetry={() => void detail.reload()} />
          </>
        ) : (
          <Loading />
        )}
      </section>
    );
  }
  return <RoutineDetailView detail={detail.data} canEdit={canEdit} reload={() => void detail.reload()} />;
}

function stateText(t: Translator['t'], state: VersionState, language: Translator['language']): string {
  const date = (value: string | null) => (value ? formatDate(value, language) : '');
  switch (state.kind) {
    case 'inForce':
      return t('routines.version.inForce');
    case 'draft':
      return t('routines.status.draft');
    case 'notYetValid':
      return t('routines.status.activeFrom', { date: date(state.date) });
    case 'superseded':
      return t('routines.version.superseded', { version: state.newVersion, date: date(state.date) });
    case 'withdrawn':
      return t('routines.version.withdrawn', { date: date(state.date) });
    case 'neverInForce':
      return t('routines.version.neverInForce');
    case 'expired':
      return t('routines.version.expired', { date: date(state.date) });
  }
}

function RoutineDetailView({ detail, canEdit, reload }: { detail: RoutineDetail; canEdit: boolean; reload: () => void }) {
  const { t, language } = useT();
  const staff = useList('staff.list');
  const settings = useList('settings.get');
  const types = useQuery('competence.types', {}, ['competence', 'setup']);
  const { inForce, newest, versions, events, today } = detail;
  const sheetVersion = inForce ?? newest;
  const [shownVersion, setShownVersion] = useState<number>(sheetVersion.version);
  const shown = versions.find((version) => version.version === shownVersion) ?? sheetVersion;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [printFailed, setPrintFailed] = useState(false);
  const printedAt = usePrintTime();
  const date = (value: string) => formatDate(value, language);

  const names = useMemo(() => new Map((staff.data ?? []).map((member) => [member.id, member.name])), [staff.data]);
  const nurses: NurseChoice[] = (staff.data ?? []).filter((member) => member.profession === 'nurse' && member.active).map((member) => ({ id: member.id, name: member.name }));
  const typeNames = (ids: readonly string[]) => ids.map((id) => types.data?.find((type) => type.id === id)?.name ?? t('routines.unknownCompetence'));

  /** Nurses authorised for a version on a date: the backend's list for the sheet version, the same rule for another. */
  function authorisedFor(version: Routine, onDate: string): SheetNurse[] {
    if (version.version === sheetVersion.version && onDate === today) return detail.authorisedToday;
    const eventNames = new Map(events.map((event) => [event.nurseId, event.nurseName]));
    const doctorNames = new Map(events.map((event) => [event.byDoctorId, event.doctorName]));
    return authorisedNurses(events, detail.routineId, version.version, onDate).map(({ nurseId, granted }) => ({
      nurseId,
      nurseName: eventNames.get(nurseId) || names.get(nurseId) || '',
      since: granted.effectiveDate,
      byDoctorName: doctorNames.get(granted.byDoctorId) || names.get(granted.byDoctorId) || '',
    }));
  }

  const pending = newest.version !== sheetVersion.version && newest.status !== 'retired' ? newest : null;
  const pendingDate = pending ? (pending.validFrom > today ? pending.validFrom : today) : today;
  const authorisedToday = authorisedFor(sheetVersion, today);
  const authorisedPending = pending ? authorisedFor(pending, pendingDate) : [];
  const draft = newest.status === 'draft' ? newest : null;
  const withdrawable = inForce ?? (newest.status === 'active' ? newest : null);
  const grantVersions = [sheetVersion, ...(pending ? [pending] : [])].filter((version) => version.status !== 'retired' || version === inForce);
  const shownAuthorised = authorisedFor(shown, today);

  function done(result: Done) {
    setDialog(null);
    reload();
    navigate(ROUTINE_PATHS.detail(detail.routineId), { flash: result, replace: true });
  }

  async function print() {
    setPrintFailed(false);
    const slug = shortTitle(shown.title)
      .toLocaleLowerCase('nb')
      .replace(/[^a-z0-9æøå]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 50);
    const outcome = await printPage('dialog', `rutine-${slug}-versjon-${shown.version}.pdf`);
    if (outcome.kind === 'failed') setPrintFailed(true);
  }

  const sortedEvents = [...events].sort((a, b) => compareAuthorisationEvents(b, a));
  const title = shortTitle(sheetVersion.title);
  const example = isExampleRoutine(sheetVersion);

  return (
    <section className="routines-page routine-detail page--wide">
      <div className="no-print">
        <RoutineTabs current={null} canEdit={canEdit} />
        <p className="back-link">
          <a href={`#${ROUTINE_PATHS.list}`}>
            <span aria-hidden="true">← </span>
            {t('routines.backToList')}
          </a>
        </p>
        <div className="page-header">
          <PageTitle>{title}</PageTitle>
          <div className="page-actions">
            <button type="button" className="button" onClick={() => void print()}>
              {t('routines.detail.print')}
            </button>
            <a className="button" href={`#${ROUTINE_PATHS.checkRoutine(detail.routineId)}`}>
              {t('routines.tabs.check')}
            </a>
            {canEdit && (
              <a className="button button--primary" href={`#${ROUTINE_PATHS.edit(detail.routineId)}`}>
                {t('routines.detail.edit')}
              </a>
            )}
          </div>
        </div>
        {example && (
          <p className="routine-example-banner">
            <ExampleMark large /> <span>{t('routines.exampleHint')}</span>
          </p>
        )}
        <FlashMessage />
        {printFailed && (
          <Notice kind="error" role="alert">
            <p>{t('routines.detail.printFailed')}</p>
          </Notice>
        )}

        <dl className="details routine-summary">
          <dt>{t('routines.detail.status')}</dt>
          <dd>
            <ListStatusLabel status={listStatus({ inForce, newest }, today)} />
          </dd>
          <dt>{t('routines.detail.inForce')}</dt>
          <dd>
            {inForce
              ? t('routines.detail.inForceValue', { version: inForce.version, from: date(inForce.validFrom), to: date(inForce.expiresOn) })
              : t('routines.detail.noneInForce')}
          </dd>
          {newest.version !== inForce?.version && (
            <>
              <dt>{t('routines.detail.newest')}</dt>
              <dd>
                {t('routines.detail.newestValue', { version: newest.version })} <VersionStateLabel state={versionState(newest, today)} />
              </dd>
            </>
          )}
          <dt>{t('routines.field.responsibleDoctor')}</dt>
          <dd>{detail.responsibleDoctorName || t('common.none')}</dd>
        </dl>

        {canEdit && (
          <section className="doctor-actions" aria-labelledby="doctor-actions-title">
            <h2 id="doctor-actions-title">{t('routines.detail.doctorActions')}</h2>
            <div className="doctor-actions-buttons">
              {draft && (
                <button type="button" className="button button--primary" onClick={() => setDialog({ kind: 'activate' })}>
                  {t('routines.detail.activate', { version: draft.version })}
                </button>
              )}
              <button type="button" className="button" onClick={() => setDialog({ kind: 'authorise' })} disabled={nurses.length === 0}>
                {t('routines.detail.authorise')}
              </button>
              {withdrawable && (
                <button type="button" className="button button--danger" onClick={() => setDialog({ kind: 'retire' })}>
                  {t('routines.detail.retire', { version: withdrawable.version })}
                </button>
              )}
              {draft && (
                <button type="button" className="button button--danger" onClick={() => setDialog({ kind: 'discard' })}>
                  {t('routines.detail.discard', { version: draft.version })}
                </button>
              )}
            </div>
            <p className="field-hint">{t('routines.detail.versionRule')}</p>
          </section>
        )}

        <section className="routine-section" aria-labelledby="authorised-title">
          <h2 id="authorised-title">{t('routines.detail.authorisedTitle', { version: sheetVersion.version })}</h2>
          <AuthorisedTable
            nurses={authorisedToday}
            version={sheetVersion.version}
            canEdit={canEdit}
            onRevoke={(nurse) => setDialog({ kind: 'revoke', nurse: { id: nurse.nurseId, name: nurse.nurseName }, version: sheetVersion.version })}
            emptyText={canEdit ? t('routines.detail.noneAuthorisedDoctor', { version: sheetVersion.version }) : t('routines.detail.noneAuthorised', { version: sheetVersion.version })}
          />
          {pending && (
            <>
              <h3>{t('routines.detail.authorisedPendingTitle', { version: pending.version, date: date(pendingDate) })}</h3>
              <AuthorisedTable
                nurses={authorisedPending}
                version={pending.version}
                canEdit={canEdit}
                onRevoke={(nurse) => setDialog({ kind: 'revoke', nurse: { id: nurse.nurseId, name: nurse.nurseName }, version: pending.version })}
                emptyText={t('routines.detail.noneAuthorisedPending', { version: pending.version })}
              />
            </>
          )}
        </section>

        <section className="routine-section routine-content" aria-labelledby="content-title">
          <div className="section-header">
            <h2 id="content-title">{t('routines.detail.contentTitle', { version: shown.version })}</h2>
            {versions.length > 1 && (
              <SelectField
                id="routine-shown-version"
                label={t('routines.detail.showVersion')}
                value={String(shown.version)}
                onChange={(value) => setShownVersion(Number(value))}
                options={[...versions]
                  .sort((a, b) => b.version - a.version)
                  .map((version) => ({ value: String(version.version), label: t('routines.detail.versionOption', { version: version.version, state: stateText(t, versionState(version, today), language) }) }))}
              />
            )}
          </div>
          <RoutineContentView routine={shown} doctorName={names.get(shown.responsibleDoctorId) ?? ''} competenceNames={typeNames(shown.requiredCompetenceTypeIds)} />
        </section>

        <section className="routine-section" aria-labelledby="versions-title">
          <h2 id="versions-title">{t('routines.detail.versionsTitle')}</h2>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('routines.detail.versionsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('routines.detail.colVersion')}</th>
                  <th scope="col">{t('routines.detail.colState')}</th>
                  <th scope="col">{t('routines.field.validFrom')}</th>
                  <th scope="col">{t('routines.field.reviewDate')}</th>
                  <th scope="col">{t('routines.field.expiresOn')}</th>
                  <th scope="col">{t('routines.field.responsibleDoctor')}</th>
                </tr>
              </thead>
              <tbody>
                {[...versions]
                  .sort((a, b) => b.version - a.version)
                  .map((version) => (
                    <tr key={version.id}>
                      <th scope="row" className="numeric">
                        {version.version}
                      </th>
                      <td>
                        <VersionStateLabel state={versionState(version, today)} />
                      </td>
                      <td className="nowrap">{date(version.validFrom)}</td>
                      <td className="nowrap">{date(version.reviewDate)}</td>
                      <td className="nowrap">{date(version.expiresOn)}</td>
                      <td>{names.get(version.responsibleDoctorId) ?? t('common.none')}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>

        <section className="routine-section" aria-labelledby="events-title">
          <h2 id="events-title">{t('routines.detail.eventsTitle')}</h2>
          {sortedEvents.length === 0 ? (
            <p className="empty-state">{canEdit ? t('routines.detail.noEventsDoctor') : t('routines.detail.noEvents')}</p>
          ) : (
            <EventTable events={sortedEvents} />
          )}
        </section>
      </div>

      <RoutineSheet
        routine={shown}
        stateText={stateText(t, versionState(shown, today), language)}
        responsibleDoctorName={names.get(shown.responsibleDoctorId) ?? detail.responsibleDoctorName}
        competenceNames={typeNames(shown.requiredCompetenceTypeIds)}
        authorised={shownAuthorised}
        today={today}
        printedAt={printedAt ?? new Date().toISOString()}
        cooperationName={settings.data?.cooperationName ?? ''}
      />

      {dialog?.kind === 'activate' && draft && (
        <ActivateDialog draft={draft} inForce={inForce} authorisedCount={authorisedFor(draft, draft.validFrom > today ? draft.validFrom : today).length} today={today} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog?.kind === 'discard' && draft && <DiscardDialog draft={draft} today={today} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'retire' && withdrawable && <RetireDialog routine={withdrawable} today={today} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'authorise' && (
        <AuthorisationDialog kind="granted" routineId={detail.routineId} versions={grantVersions} nurses={nurses} today={today} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog?.kind === 'revoke' && (
        <AuthorisationDialog
          kind="revoked"
          routineId={detail.routineId}
          versions={versions.filter((version) => version.version === dialog.version)}
          nurses={nurses}
          nurse={dialog.nurse}
          today={today}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      )}
    </section>
  );
}

function AuthorisedTable({
  nurses,
  version,
  canEdit,
  onRevoke,
  emptyText,
}: {
  nurses: readonly SheetNurse[];
  version: number;
  canEdit: boolean;
  onRevoke: (nurse: SheetNurse) => void;
  emptyText: string;
}) {
  const { t, language } = useT();
  if (nurses.length === 0) return <p className="empty-state">{emptyText}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('routines.detail.authorisedTitle', { version })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('routines.auth.colNurse')}</th>
            <th scope="col">{t('routines.auth.colSince')}</th>
            <th scope="col">{t('routines.auth.colBy')}</th>
            {canEdit && (
              <th scope="col">
                <span className="visually-hidden">{t('routines.auth.colActions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {nurses.map((nurse) => (
            <tr key={nurse.nurseId}>
              <th scope="row">{nurse.nurseName}</th>
              <td className="nowrap">{formatDate(nurse.since, language)}</td>
              <td>{nurse.byDoctorName}</td>
              {canEdit && (
                <td>
                  <button type="button" className="button button--small button--danger" onClick={() => onRevoke(nurse)} aria-label={t('routines.auth.revokeFor', { name: nurse.nurseName })}>
                    {t('routines.auth.revoke')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EventTable({ events }: { events: readonly DetailEvent[] }) {
  const { t, language } = useT();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('routines.detail.eventsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('routines.auth.colEffective')}</th>
            <th scope="col">{t('routines.auth.colNurse')}</th>
            <th scope="col">{t('routines.detail.colVersion')}</th>
            <th scope="col">{t('routines.auth.colEvent')}</th>
            <th scope="col">{t('routines.auth.colBy')}</th>
            <th scope="col">{t('routines.auth.colAt')}</th>
            <th scope="col">{t('routines.auth.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td className="nowrap">{formatDate(event.effectiveDate, language)}</td>
              <th scope="row" className="nowrap">
                {event.nurseName}
              </th>
              <td className="numeric">{event.routineVersion}</td>
              <td>
                <YesNo yes={event.kind === 'granted'} yesText={t('routines.auth.granted')} noText={t('routines.auth.revoked')} />
              </td>
              <td className="nowrap">{event.doctorName}</td>
              <td className="nowrap">{formatStamp(event.at)}</td>
              <td>{event.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The content of one version as the screen shows it (the printed sheet has its own layout). */
function RoutineContentView({ routine, doctorName, competenceNames }: { routine: Routine; doctorName: string; competenceNames: string[] }) {
  const { t, language } = useT();
  const date = (value: string) => formatDate(value, language);
  return (
    <div className="routine-content-body">
      <dl className="details">
        <dt>{t('routines.field.icpc2Codes')}</dt>
        <dd>{routine.icpc2Codes.join(', ')}</dd>
        <dt>{t('routines.field.indication')}</dt>
        <dd className="pre-line">{routine.indication}</dd>
        <dt>{t('routines.field.validity')}</dt>
        <dd>{t('routines.detail.validity', { from: date(routine.validFrom), review: date(routine.reviewDate), to: date(routine.expiresOn) })}</dd>
        <dt>{t('routines.field.responsibleDoctor')}</dt>
        <dd>{doctorName || t('common.none')}</dd>
        <dt>{t('routines.field.requiredCompetences')}</dt>
        <dd>{competenceNames.length > 0 ? competenceNames.join(', ') : t('routines.detail.noCompetences')}</dd>
      </dl>
      <div className="routine-columns">
        <div>
          <h3>{t('routines.field.inclusionCriteria')}</h3>
          <InclusionList criteria={routine.inclusionCriteria} />
        </div>
        <div>
          <h3>{t('routines.field.exclusionCriteria')}</h3>
          <ExclusionList criteria={routine.exclusionCriteria} />
        </div>
      </div>
      <div className="routine-columns">
        <div>
          <h3>{t('routines.medicineTitle')}</h3>
          <MedicineTable medicine={routine.medicine} caption={t('routines.medicineTitle')} />
        </div>
        <div>
          <h3>{t('routines.nurseMayTitle')}</h3>
          <p>{nurseMayText(t, routine.nurseMay)}</p>
          <h3>{t('routines.followUpTitle')}</h3>
          <p className="pre-line">{routine.followUpAdvice}</p>
        </div>
      </div>
    </div>
  );
}

/** The moment printing starts, so the sheet says when it was printed; null before. */
function usePrintTime(): string | null {
  const [printedAt, setPrintedAt] = useState<string | null>(null);
  useEffect(() => {
    const onBeforePrint = () => flushSync(() => setPrintedAt(new Date().toISOString()));
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  }, []);
  return printedAt;
}
