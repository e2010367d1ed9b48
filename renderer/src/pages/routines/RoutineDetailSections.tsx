// The sections of one routine's page: header with actions, summary, doctors' actions, who is authorised, the content of a chosen version, and the history.
import type { ApiOutput } from '../../../../backend/api-types';
import { compareAuthorisationEvents } from '../../../../domain/routines/authorisations';
import type { Routine } from '../../../../domain/routines/types';
import { SelectField } from '../../components/fields';
import { FlashMessage, Notice, PageTitle } from '../../components/page';
import { TitledSection } from '../../components/TitledSection';
import { formatDate } from '../../format/dates';
import { useT } from '../../i18n';
import type { DetailDialog } from './RoutineDialogs';
import { AuthorisedTable, EventTable, VersionTable } from './RoutineDetailTables';
import { BackLink, ExampleMark, ListStatusLabel, RoutineTabs, VersionStateLabel } from './routine-parts';
import { ROUTINE_PATHS } from './routine-paths';
import { isExampleRoutine, listStatus, shortTitle, versionState, versionStateText } from './routine-view';
import type { AuthorisedNurse, DetailVersions } from './routine-view';

type RoutineDetail = ApiOutput<'routines.get'>;

interface HeaderProps {
  detail: RoutineDetail;
  canEdit: boolean;
  onPrint: () => void;
  printFailed: boolean;
}

/** Tabs, back link, the title with "Skriv ut" / "Sjekk rutine" / "Endre", the example banner, the flash and a print failure. */
export function DetailHeader({ detail, canEdit, onPrint, printFailed }: HeaderProps) {
  const { t } = useT();
  const sheetVersion = detail.inForce ?? detail.newest;
  return (
    <>
      <RoutineTabs current={null} canEdit={canEdit} />
      <BackLink href={`#${ROUTINE_PATHS.list}`}>{t('routines.backToList')}</BackLink>
      <div className="page-header">
        <PageTitle>{shortTitle(sheetVersion.title)}</PageTitle>
        <div className="page-actions">
          <button type="button" className="button" onClick={onPrint}>
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
      {isExampleRoutine(sheetVersion) && (
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
    </>
  );
}

/** Status, the version in force, the newest when it differs, and the responsible doctor. */
export function RoutineSummary({ detail }: { detail: RoutineDetail }) {
  const { t, language } = useT();
  const { inForce, newest, today } = detail;
  const date = (value: string) => formatDate(value, language);
  return (
    <dl className="details routine-summary">
      <dt>{t('routines.detail.status')}</dt>
      <dd>
        <ListStatusLabel status={listStatus({ inForce, newest }, today)} />
      </dd>
      <dt>{t('routines.detail.inForce')}</dt>
      <dd>
        {inForce ? t('routines.detail.inForceValue', { version: inForce.version, from: date(inForce.validFrom), to: date(inForce.expiresOn) }) : t('routines.detail.noneInForce')}
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
  );
}

/** Activate a draft, authorise a nurse, withdraw the version in force, discard a draft (doctors only). */
export function DoctorActions({ versions, canAuthorise, onOpen }: { versions: DetailVersions; canAuthorise: boolean; onOpen: (dialog: DetailDialog) => void }) {
  const { t } = useT();
  const { draft, withdrawable } = versions;
  return (
    <TitledSection className="doctor-actions" titleId="doctor-actions-title" title={t('routines.detail.doctorActions')}>
      <div className="doctor-actions-buttons">
        {draft && (
          <button type="button" className="button button--primary" onClick={() => onOpen({ kind: 'activate' })}>
            {t('routines.detail.activate', { version: draft.version })}
          </button>
        )}
        <button type="button" className="button" onClick={() => onOpen({ kind: 'authorise' })} disabled={!canAuthorise}>
          {t('routines.detail.authorise')}
        </button>
        {withdrawable && (
          <button type="button" className="button button--danger" onClick={() => onOpen({ kind: 'retire' })}>
            {t('routines.detail.retire', { version: withdrawable.version })}
          </button>
        )}
        {draft && (
          <button type="button" className="button button--danger" onClick={() => onOpen({ kind: 'discard' })}>
            {t('routines.detail.discard', { version: draft.version })}
          </button>
        )}
      </div>
      <p className="field-hint">{t('routines.detail.versionRule')}</p>
    </TitledSection>
  );
}

interface AuthorisedSectionProps {
  versions: DetailVersions;
  authorisedFor: (version: Routine, onDate: string) => AuthorisedNurse[];
  today: string;
  canEdit: boolean;
  onOpen: (dialog: DetailDialog) => void;
}

/** "Autorisert i dag" for the sheet version, and for a newer version on its first day. */
export function AuthorisedSection({ versions, authorisedFor, today, canEdit, onOpen }: AuthorisedSectionProps) {
  const { t, language } = useT();
  const { sheetVersion, pending, pendingDate } = versions;
  const revoke = (version: number) => (nurse: AuthorisedNurse) => onOpen({ kind: 'revoke', nurse: { id: nurse.nurseId, name: nurse.nurseName }, version });
  const sheet = sheetVersion.version;
  return (
    <TitledSection className="routine-section" titleId="authorised-title" title={t('routines.detail.authorisedTitle', { version: sheet })}>
      <AuthorisedTable
        nurses={authorisedFor(sheetVersion, today)}
        version={sheet}
        canEdit={canEdit}
        onRevoke={revoke(sheet)}
        emptyText={canEdit ? t('routines.detail.noneAuthorisedDoctor', { version: sheet }) : t('routines.detail.noneAuthorised', { version: sheet })}
      />
      {pending && (
        <>
          <h3>{t('routines.detail.authorisedPendingTitle', { version: pending.version, date: formatDate(pendingDate, language) })}</h3>
          <AuthorisedTable
            nurses={authorisedFor(pending, pendingDate)}
            version={pending.version}
            canEdit={canEdit}
            onRevoke={revoke(pending.version)}
            emptyText={t('routines.detail.noneAuthorisedPending', { version: pending.version })}
          />
        </>
      )}
    </TitledSection>
  );
}

/** Picks which version's content is shown (and printed), newest first. */
export function VersionPicker({ versions, shown, today, onChange }: { versions: readonly Routine[]; shown: number; today: string; onChange: (version: number) => void }) {
  const { t, language } = useT();
  if (versions.length < 2) return null;
  const options = [...versions]
    .sort((a, b) => b.version - a.version)
    .map((version) => ({ value: String(version.version), label: t('routines.detail.versionOption', { version: version.version, state: versionStateText(versionState(version, today), { t, language }) }) }));
  return <SelectField id="routine-shown-version" label={t('routines.detail.showVersion')} value={String(shown)} onChange={(value) => onChange(Number(value))} options={options} />;
}

/** The version history and the authorisation events, newest first. */
export function RoutineHistory({ detail, names, canEdit }: { detail: RoutineDetail; names: ReadonlyMap<string, string>; canEdit: boolean }) {
  const { t } = useT();
  const events = [...detail.events].sort((a, b) => compareAuthorisationEvents(b, a));
  return (
    <>
      <TitledSection className="routine-section" titleId="versions-title" title={t('routines.detail.versionsTitle')}>
        <VersionTable versions={detail.versions} today={detail.today} names={names} />
      </TitledSection>
      <TitledSection className="routine-section" titleId="events-title" title={t('routines.detail.eventsTitle')}>
        {events.length === 0 ? <p className="empty-state">{canEdit ? t('routines.detail.noEventsDoctor') : t('routines.detail.noEvents')}</p> : <EventTable events={events} />}
      </TitledSection>
    </>
  );
}
