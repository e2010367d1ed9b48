// One routine: the version in force and the newest, its content, who is authorised today and who has confirmed reading it, version and authorisation history; doctors activate, withdraw, change and authorise; "Skriv ut" prints the A4 sheet.
import { useMemo, useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import type { Routine } from '../../../../domain/routines/types';
import { printPage } from '../../app/print';
import { navigate } from '../../app/router';
import { LoadError, Loading } from '../../components/page';
import { TitledSection } from '../../components/TitledSection';
import { usePrintTime } from '../../components/use-print-time';
import { useT } from '../../i18n';
import { useList, useQuery } from '../../stores/query';
import { RoutineContentView } from './RoutineContentView';
import { AuthorisedSection, DetailHeader, DoctorActions, RoutineHistory, RoutineSummary, VersionPicker } from './RoutineDetailSections';
import { DetailDialogs } from './RoutineDialogs';
import type { DetailDialog, Done, NurseChoice } from './RoutineDialogs';
import { RoutineNotFound, RoutineProblem, RoutineTabs } from './routine-parts';
import { ROUTINE_PATHS } from './routine-paths';
import { RoutineSheet } from './RoutineSheet';
import { authorisedOn, detailVersions, printFileName, versionState, versionStateText } from './routine-view';
import { RoutineCodeWarning } from './RoutineCodeWarning';
import { ConfirmedSection, confirmationsOf } from './RoutineConfirmations';

type RoutineDetail = ApiOutput<'routines.get'>;

const DETAIL_AREAS = ['routines', 'staff', 'competence', 'setup'] as const;

export function RoutineDetailPage({ routineId, canEdit }: { routineId: string; canEdit: boolean }) {
  const { t } = useT();
  const detail = useQuery('routines.get', { routineId }, DETAIL_AREAS);
  const tabs = <RoutineTabs current={null} canEdit={canEdit} />;
  if (detail.error?.code === 'routines.notFound') return <RoutineNotFound title={t('routines.detail.notFoundTitle')} before={tabs} />;
  if (detail.data) return <RoutineDetailView detail={detail.data} canEdit={canEdit} reload={() => void detail.reload()} />;
  if (!detail.error) {
    return (
      <section className="routines-page">
        {tabs}
        <Loading />
      </section>
    );
  }
  return (
    <RoutineProblem title={t('routines.list.title')} before={tabs}>
      <LoadError error={detail.error} onRetry={() => void detail.reload()} />
    </RoutineProblem>
  );
}

function RoutineDetailView({ detail, canEdit, reload }: { detail: RoutineDetail; canEdit: boolean; reload: () => void }) {
  const { t, language } = useT();
  const staff = useList('staff.list');
  const settings = useList('settings.get');
  const types = useQuery('competence.types', {}, ['competence', 'setup']);
  const { versions, today } = detail;
  const model = detailVersions(detail);
  // Until someone picks a version, the page follows the version in force: after an activation it shows the new one.
  const [pickedVersion, setShownVersion] = useState<number | null>(null);
  const shown = versions.find((version) => version.version === pickedVersion) ?? model.sheetVersion;
  const [dialog, setDialog] = useState<DetailDialog | null>(null);
  const [printFailed, setPrintFailed] = useState(false);
  const printedAt = usePrintTime();

  const names = useMemo(() => new Map((staff.data ?? []).map((member) => [member.id, member.name])), [staff.data]);
  const nurses: NurseChoice[] = (staff.data ?? []).filter((member) => member.profession === 'nurse' && member.active).map((member) => ({ id: member.id, name: member.name }));
  const typeNames = (ids: readonly string[]) => ids.map((id) => types.data?.find((type) => type.id === id)?.name ?? t('routines.unknownCompetence'));
  const authorisedFor = (version: Routine, onDate: string) => authorisedOn(detail, version, onDate, names);
  const { draft } = model;

  function done(result: Done) {
    setDialog(null);
    setShownVersion(null);
    reload();
    navigate(ROUTINE_PATHS.detail(detail.routineId), { flash: result, replace: true });
  }

  async function print() {
    setPrintFailed(false);
    const outcome = await printPage('dialog', printFileName(shown));
    if (outcome.kind === 'failed') setPrintFailed(true);
  }

  return (
    <section className="routines-page routine-detail page--wide">
      <div className="no-print">
        <DetailHeader detail={detail} canEdit={canEdit} onPrint={() => void print()} printFailed={printFailed} />
        <RoutineSummary detail={detail} />
        <RoutineCodeWarning codes={shown.icpc2Codes} />
        {canEdit && <DoctorActions versions={model} canAuthorise={nurses.length > 0} onOpen={setDialog} />}
        <AuthorisedSection versions={model} authorisedFor={authorisedFor} today={today} canEdit={canEdit} onOpen={setDialog} />
        <ConfirmedSection confirmations={detail.confirmations} version={model.sheetVersion.version} />
        <TitledSection
          className="routine-section routine-content"
          titleId="content-title"
          title={t('routines.detail.contentTitle', { version: shown.version })}
          aside={<VersionPicker versions={versions} shown={shown.version} today={today} onChange={setShownVersion} />}
        >
          <RoutineContentView routine={shown} doctorName={names.get(shown.responsibleDoctorId) ?? ''} competenceNames={typeNames(shown.requiredCompetenceTypeIds)} />
        </TitledSection>
        <RoutineHistory detail={detail} names={names} canEdit={canEdit} />
      </div>

      <RoutineSheet
        routine={shown}
        stateText={versionStateText(versionState(shown, today), { t, language })}
        responsibleDoctorName={names.get(shown.responsibleDoctorId) ?? detail.responsibleDoctorName}
        competenceNames={typeNames(shown.requiredCompetenceTypeIds)}
        authorised={authorisedFor(shown, today)}
        confirmed={confirmationsOf(detail.confirmations, shown.version)}
        today={today}
        printedAt={printedAt ?? new Date().toISOString()}
        cooperationName={settings.data?.cooperationName ?? ''}
      />

      <DetailDialogs
        dialog={dialog}
        routineId={detail.routineId}
        inForce={detail.inForce}
        allVersions={versions}
        versions={model}
        authorisedForDraft={draft ? authorisedFor(draft, draft.validFrom > today ? draft.validFrom : today).length : 0}
        nurses={nurses}
        today={today}
        onClose={() => setDialog(null)}
        onDone={done}
      />
    </section>
  );
}
