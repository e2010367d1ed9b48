// The treatment part of a consultation entry: the delegated routine the nurse may use (relevant ones first), medicine given or prepared, and the routines refused and why.
import { titleForPicker } from '../../../../domain/routines/examples';
import type { FormState } from '../../components/use-form';
import { SelectField, TextField } from '../../components/fields';
import { useT } from '../../i18n';
import type { FormContext, RoutineOption } from './consultation-errors';
import type { ConsultationForm } from './consultation-form';

interface TreatmentFieldsProps<V extends ConsultationForm> {
  form: FormState<V>;
  context: FormContext;
  /** The chosen nurse's routines on the day; null before a nurse is chosen. */
  routines: readonly RoutineOption[] | null;
}

export function TreatmentFields<V extends ConsultationForm>({ form, context, routines }: TreatmentFieldsProps<V>) {
  const { t } = useT();
  const values = form.values;
  const usable = (routines ?? []).filter((r) => r.allowed);
  const refused = (routines ?? []).filter((r) => !r.allowed);
  const relevant = (r: RoutineOption) => (values.icpc2Code && r.icpc2Codes.includes(values.icpc2Code) ? 0 : 1);
  const chosen = usable.find((r) => r.routineId === values.routineId);
  const nurse = context.nurses.find((n) => n.id === values.nurseId);
  const medicine = (plain: 'given' | 'prepared') =>
    chosen ? t(`consultations.medicine.${plain}Named`, { name: chosen.medicine.name }) : t(`consultations.medicine.${plain}`);
  return (
    <>
      <div className="consultation-row">
        <SelectField
          {...form.bind('routineId', ['doctorId', 'medicineName'])}
          label={t('consultations.field.routine')}
          options={[
            { value: '', label: routines === null ? t('consultations.routinesNeedNurse') : t('consultations.noRoutine') },
            ...[...usable].sort((a, b) => relevant(a) - relevant(b) || a.title.localeCompare(b.title, 'nb')).map((r) => ({ value: r.routineId, label: titleForPicker(r.title, t('routines.exampleShort')) })),
          ]}
          optional
        />
        <SelectField
          {...form.bind('medicineAction', ['doctorId', 'medicineName'])}
          label={t('consultations.field.medicine')}
          options={[
            { value: '', label: t('consultations.medicine.none') },
            { value: 'given', label: medicine('given') },
            { value: 'prepared', label: medicine('prepared') },
          ]}
          hint={chosen && values.medicineAction ? chosen.medicine.details : undefined}
          optional
        />
        {values.medicineAction && !values.routineId && (
          <TextField
            {...form.bind('medicineName')}
            label={t('consultations.field.medicineName')}
            width="medium"
            maxLength={100}
            hint={t('consultations.medicineWithoutRoutineHint')}
          />
        )}
      </div>
      {refused.length > 0 && (
        <details className="routine-refusals">
          <summary>{t('consultations.refusedRoutines', { count: refused.length, name: nurse?.name ?? '' })}</summary>
          <ul>
            {refused.map((r) => (
              <li key={r.routineId}>
                <strong>{titleForPicker(r.title, t('routines.exampleShort'))}</strong>: {r.reasons.join('. ')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
