// The fields of a consultation entry in keyboard order, shared by "Ny konsultasjon" and the amendment dialog: when and who, patient, contact, reason, treatment, outcome and note.
import { OUTCOMES } from '../../../../domain/consultations/entry';
import { DateField } from '../../components/DateField';
import { SelectField, TextField } from '../../components/fields';
import { TimeField } from '../../components/TimeField';
import type { FormState } from '../../components/use-form';
import { useT } from '../../i18n';
import type { ConsultationForm } from './consultation-form';
import type { FormContext, RoutineOption } from './consultation-errors';
import { ContactChoice, PatientFields } from './ConsultationPatientFields';
import { TreatmentFields } from './ConsultationTreatmentFields';
import { Icpc2Picker } from './Icpc2Picker';
import type { Icpc2Option } from './Icpc2Picker';

interface ConsultationFieldsProps<V extends ConsultationForm> {
  form: FormState<V>;
  context: FormContext;
  codes: readonly Icpc2Option[];
  routines: readonly RoutineOption[] | null;
  /** Amending: the number on record, masked; an empty number field keeps it. */
  maskedNumber?: string | null;
  autoFocusPatient?: boolean;
}

export function ConsultationFields<V extends ConsultationForm>({ form, context, codes, routines, maskedNumber, autoFocusPatient }: ConsultationFieldsProps<V>) {
  const { t } = useT();
  return (
    <>
      <VisitFields form={form} context={context} />
      <PatientFields form={form} context={context} maskedNumber={maskedNumber} autoFocus={autoFocusPatient} />
      <ContactChoice form={form} />
      <Icpc2Picker {...form.bind('icpc2Code')} label={t('consultations.field.icpc2Code')} codes={codes} />
      <TreatmentFields form={form} context={context} routines={routines} />
      <OutcomeFields form={form} context={context} />
      <TextField {...form.bind('note')} label={t('consultations.field.note')} maxLength={500} hint={t('consultations.noteHint')} optional />
    </>
  );
}

/** Date, time, office and nurse (a nurse not on duty that day is flagged). */
function VisitFields<V extends ConsultationForm>({ form, context }: { form: FormState<V>; context: FormContext }) {
  const { t } = useT();
  const values = form.values;
  const nurse = context.nurses.find((n) => n.id === values.nurseId);
  const notOnDuty = nurse !== undefined && !nurse.onDuty && values.date === context.now.slice(0, 10);
  return (
    <div className="consultation-row">
      <DateField {...form.bind('date', ['time'])} label={t('consultations.field.date')} />
      <TimeField {...form.bind('time')} label={t('consultations.field.time')} />
      <SelectField
        {...form.bind('officeId')}
        label={t('consultations.field.office')}
        placeholder={t('consultations.chooseOffice')}
        options={context.offices.map((office) => ({ value: office.id, label: office.name }))}
      />
      <SelectField
        {...form.bind('nurseId')}
        // Another nurse may not use the chosen routine.
        onChange={(value) => form.update((current) => ({ ...current, nurseId: value, routineId: '' }), 'nurseId', 'routineId')}
        label={t('consultations.field.nurse')}
        placeholder={t('consultations.chooseNurse')}
        options={context.nurses.map((n) => ({ value: n.id, label: n.onDuty ? t('consultations.nurseOnDuty', { name: n.name }) : n.name }))}
        hint={notOnDuty ? <span className="consultation-warning">{t('consultations.nurseNotOnDutyHint')}</span> : undefined}
      />
    </div>
  );
}

/** Outcome, the doctor consulted and the follow-up date. */
function OutcomeFields<V extends ConsultationForm>({ form, context }: { form: FormState<V>; context: FormContext }) {
  const { t } = useT();
  return (
    <div className="consultation-row">
      <SelectField
        {...form.bind('outcome', ['doctorId'])}
        label={t('consultations.field.outcome')}
        options={OUTCOMES.map((outcome) => ({ value: outcome, label: t(`consultations.outcome.${outcome}`) }))}
      />
      <SelectField
        {...form.bind('doctorId')}
        label={t('consultations.field.doctor')}
        placeholder={t('consultations.noDoctor')}
        options={context.doctors.map((doctor) => ({ value: doctor.id, label: doctor.name }))}
        optional
      />
      <DateField {...form.bind('followUpDate')} label={t('consultations.field.followUp')} optional />
    </div>
  );
}
