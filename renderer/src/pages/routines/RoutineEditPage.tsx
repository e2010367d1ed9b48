// Ny rutine / Endre rutine (doctors): loads the routine, the active doctors and the competence types, then shows the form.
import type { ApiOutput } from '../../../../backend/api-types';
import { LoadError, Loading, NoAccess } from '../../components/page';
import { useT } from '../../i18n';
import { reloadList, useList, useQuery } from '../../stores/query';
import { RoutineNotFound, RoutineProblem } from './routine-parts';
import { RoutineFormView } from './RoutineFormView';

type RoutineDetail = ApiOutput<'routines.get'>;

export function RoutineEditPage({ routineId, canEdit }: { routineId: string | null; canEdit: boolean }) {
  const { t } = useT();
  if (!canEdit) return <NoAccess />;
  return routineId ? <EditRoutine routineId={routineId} /> : <FormLoader detail={null} heading={t('routines.edit.newTitle')} />;
}

function EditRoutine({ routineId }: { routineId: string }) {
  const { t } = useT();
  const detail = useQuery('routines.get', { routineId }, []);
  const heading = t('routines.edit.title');
  if (detail.error?.code === 'routines.notFound') return <RoutineNotFound title={heading} />;
  if (detail.error) {
    return (
      <RoutineProblem title={heading}>
        <LoadError error={detail.error} onRetry={() => void detail.reload()} />
      </RoutineProblem>
    );
  }
  if (!detail.current || !detail.data) return <Loading />;
  return <FormLoader detail={detail.data} heading={heading} />;
}

/** Waits for the doctors and competence types the form offers. */
function FormLoader({ detail, heading }: { detail: RoutineDetail | null; heading: string }) {
  const staff = useList('staff.list');
  const types = useQuery('competence.types', {}, ['competence', 'setup']);
  const failed = staff.error ?? types.error;
  if (failed?.code === 'auth.forbidden') return <NoAccess />;
  if (failed && (!staff.data || !types.data)) {
    return (
      <RoutineProblem title={heading}>
        <LoadError
          error={failed}
          onRetry={() => {
            void reloadList('staff.list');
            void types.reload();
          }}
        />
      </RoutineProblem>
    );
  }
  if (!staff.data || !types.data) return <Loading />;
  const doctors = staff.data.filter((member) => (member.profession === 'doctor' || member.profession === 'doctorInTraining') && member.active).map((member) => ({ id: member.id, name: member.name }));
  return <RoutineFormView detail={detail} doctors={doctors} types={types.data} />;
}
