// The fields of a consultation entry in keyboard order, shared by "Ny konsultasjon" and the amendment dialog.
import type { ApiOutput } from '../../../../backend/api-types';
import { CONTACT_KINDS, OUTCOMES, PATIENT_SEXES } from '../../../../domain/consultations/entry';
import { CheckboxField, SelectField, TextField } from '../../components/fields';
import { TimeField } from '../../components/TimeField';
import type { FormState } from '../../components/use-form';
import { useT } from '../../i18n';
import type { ConsultationForm } from './consultation-form';
import { identityHint } from './consultation-form';
import { Icpc2Picker } from './Icpc2Picker';
import type { Icpc2Option } from './Icpc2Picker';

export type FormContext = ApiOutput<'consultations.formContext'>;
export type RoutineOption = ApiOutput<'consultations.routineOptions'>[number];

interface ConsultationFieldsProps<V extends ConsultationForm> {
  form: FormState<V>;
  context: FormContext;
  codes: readonly Icpc2Option[];
  routines: readonly RoutineOption[] | null;
  errorFor: (field: keyof ConsultationForm) => string | undefined;
  /** Amending: the number on record, masked; an empty number field keeps it. */
  maskedNumber?: string | null;
  autoFocusPatient?: boolean;
}

export function ConsultationFields<V extends ConsultationForm>({ form, context, codes, routines, errorFor, maskedNumber, autoFocusPatient }: ConsultationFieldsProps<V>) {
  const { t } = useT();
  const values = form.values;
  const feedback = identityHint(values.identityNumber, context.demoMode, context.now.slice(0, 10));
  const nurse = context.nurses.find((n) => n.id === values.nurseId);
  const notOnDuty = nurse !== undefined && !nurse.onDuty && values.date === context.now.slice(0, 10);
  const usable = (routines ?? []).filter((r) => r.allowed);
  const refused = (routines ?? []).filter((r) => !r.allowed);
  const relevant = (r: RoutineOption) => (values.icpc2Code && r.icpc2Codes.includes(values.icpc2Code) ? 0 : 1);
  const chosenRoutine = usable.find((r) => r.routineId === values.routineId);

  const numberHint =
    feedback.state === 'empty'
      ? maskedNumber
        ? t('consultations.numberKeep', { number: maskedNumber })
        : t('consultations.numberHint')
      : feedback.state === 'invalid'
        ? null
        : feedback.message;
  const numberError = feedback.state === 'invalid' ? feedback.message : errorFor('identityNumber');

  return (
    <>
      <div className="consultation-row">
        <TextField
          id={form.fieldId('date')}
          label={t('consultations.field.date')}
          type="date"
          width="medium"
          value={values.date}
          onChange={(value) => form.update((current) => ({ ...current, date: value }), 'date', 'time')}
          onBlur={() => form.touch('date')}
          error={errorFor('date')}
        />
        <TimeField form={form} name="time" label={t('consultations.field.time')} error={errorFor('time')} />
        <SelectField
          id={form.fieldId('officeId')}
          label={t('consultations.field.office')}
          value={values.officeId}
          placeholder={t('consultations.chooseOffice')}
          options={context.offices.map((office) => ({ value: office.id, label: office.name }))}
          onChange={(value) => form.set('officeId', value)}
          onBlur={() => form.touch('officeId')}
          error={errorFor('officeId')}
        />
        <SelectField
          id={form.fieldId('nurseId')}
          label={t('consultations.field.nurse')}
          value={values.nurseId}
          placeholder={t('consultations.chooseNurse')}
          options={context.nurses.map((n) => ({ value: n.id, label: n.onDuty ? t('consultations.nurseOnDuty', { name: n.name }) : n.name }))}
          onChange={(value) => form.update((current) => ({ ...current, nurseId: value, routineId: '' }), 'nurseId', 'routineId')}
          onBlur={() => form.touch('nurseId')}
          error={errorFor('nurseId')}
          hint={notOnDuty ? <span className="consultation-warning">{t('consultations.nurseNotOnDutyHint')}</span> : undefined}
        />
      </div>

      <fieldset className="fieldset fieldset--compact consultation-patient">
        <legend className="legend-heading">{t('consultations.patientTitle')}</legend>
        <div className="consultation-row">
          {!values.withoutNumber && (
            <TextField
              id={form.fieldId('identityNumber')}
              label={t('consultations.field.identityNumber')}
              inputMode="numeric"
              width="medium"
              maxLength={13}
              value={values.identityNumber}
              onChange={(value) => form.set('identityNumber', value)}
              onBlur={() => form.touch('identityNumber')}
              hint={numberHint ? <span className={feedback.state === 'valid' ? 'identity-valid' : undefined}>{numberHint}</span> : undefined}
              error={numberError}
              autoFocus={autoFocusPatient}
            />
          )}
          {values.withoutNumber && (
            <>
              <TextField
                id={form.fieldId('birthYear')}
                label={t('consultations.field.birthYear')}
                inputMode="numeric"
                width="short"
                maxLength={4}
                value={values.birthYear}
                onChange={(value) => form.set('birthYear', value)}
                onBlur={() => form.touch('birthYear')}
                error={errorFor('birthYear')}
              />
              <SelectField
                id={form.fieldId('sex')}
                label={t('consultations.field.sex')}
                value={values.sex}
                placeholder={t('consultations.chooseSex')}
                options={PATIENT_SEXES.map((sex) => ({ value: sex, label: t(`consultations.sex.${sex}`) }))}
                onChange={(value) => form.update((current) => ({ ...current, sex: value as ConsultationForm['sex'] }), 'sex')}
                onBlur={() => form.touch('sex')}
                error={errorFor('sex')}
              />
            </>
          )}
          <CheckboxField
            id={form.fieldId('withoutNumber')}
            label={t('consultations.field.withoutNumber')}
            checked={values.withoutNumber}
            onChange={(checked) => form.update((current) => ({ ...current, withoutNumber: checked }), 'identityNumber', 'birthYear', 'sex')}
          />
        </div>
      </fieldset>

      <fieldset className="fieldset fieldset--compact">
        <legend className="legend-heading">{t('consultations.field.contact')}</legend>
        <div className="checkbox-row">
          {CONTACT_KINDS.map((kind) => (
            <div className="field field--checkbox" key={kind}>
              <input
                id={kind === CONTACT_KINDS[0] ? form.fieldId('contact') : `${form.fieldId('contact')}-${kind}`}
                type="radio"
                name={form.fieldId('contact')}
                className="checkbox"
                checked={values.contact === kind}
                onChange={() => form.update((current) => ({ ...current, contact: kind }), 'contact')}
              />
              <label htmlFor={kind === CONTACT_KINDS[0] ? form.fieldId('contact') : `${form.fieldId('contact')}-${kind}`}>{t(`consultations.contact.${kind}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>

      <Icpc2Picker
        id={form.fieldId('icpc2Code')}
        label={t('consultations.field.icpc2Code')}
        codes={codes}
        value={values.icpc2Code}
        onChange={(code) => form.set('icpc2Code', code)}
        onBlur={() => form.touch('icpc2Code')}
        error={errorFor('icpc2Code')}
      />

      <div className="consultation-row">
        <SelectField
          id={form.fieldId('routineId')}
          label={t('consultations.field.routine')}
          value={values.routineId}
          options={[
            { value: '', label: routines === null ? t('consultations.routinesNeedNurse') : t('consultations.noRoutine') },
            ...[...usable].sort((a, b) => relevant(a) - relevant(b) || a.title.localeCompare(b.title, 'nb')).map((r) => ({ value: r.routineId, label: r.title })),
          ]}
          onChange={(value) => form.update((current) => ({ ...current, routineId: value }), 'routineId', 'doctorId', 'medicineName')}
          onBlur={() => form.touch('routineId')}
          error={errorFor('routineId')}
          optional
        />
        <SelectField
          id={form.fieldId('medicineAction')}
          label={t('consultations.field.medicine')}
          value={values.medicineAction}
          options={[
            { value: '', label: t('consultations.medicine.none') },
            { value: 'given', label: chosenRoutine ? t('consultations.medicine.givenNamed', { name: chosenRoutine.medicine.name }) : t('consultations.medicine.given') },
            { value: 'prepared', label: chosenRoutine ? t('consultations.medicine.preparedNamed', { name: chosenRoutine.medicine.name }) : t('consultations.medicine.prepared') },
          ]}
          onChange={(value) => form.update((current) => ({ ...current, medicineAction: value as ConsultationForm['medicineAction'] }), 'medicineAction', 'doctorId', 'medicineName')}
          onBlur={() => form.touch('medicineAction')}
          hint={chosenRoutine && values.medicineAction ? chosenRoutine.medicine.details : undefined}
          optional
        />
        {values.medicineAction && !values.routineId && (
          <TextField
            id={form.fieldId('medicineName')}
            label={t('consultations.field.medicineName')}
            width="medium"
            maxLength={100}
            value={values.medicineName}
            onChange={(value) => form.set('medicineName', value)}
            onBlur={() => form.touch('medicineName')}
            hint={t('consultations.medicineWithoutRoutineHint')}
            error={errorFor('medicineName')}
          />
        )}
      </div>
      {refused.length > 0 && (
        <details className="routine-refusals">
          <summary>{t('consultations.refusedRoutines', { count: refused.length, name: nurse?.name ?? '' })}</summary>
          <ul>
            {refused.map((r) => (
              <li key={r.routineId}>
                <strong>{r.title}</strong>: {r.reasons.join('. ')}
              </li>
            ))}
          </ul>
        </details>
      )}

      <div className="consultation-row">
        <SelectField
          id={form.fieldId('outcome')}
          label={t('consultations.field.outcome')}
          value={values.outcome}
          options={OUTCOMES.map((outcome) => ({ value: outcome, label: t(`consultations.outcome.${outcome}`) }))}
          onChange={(value) => form.update((current) => ({ ...current, outcome: value as ConsultationForm['outcome'] }), 'outcome', 'doctorId')}
          onBlur={() => form.touch('outcome')}
          error={errorFor('outcome')}
        />
        <SelectField
          id={form.fieldId('doctorId')}
          label={t('consultations.field.doctor')}
          value={values.doctorId}
          placeholder={t('consultations.noDoctor')}
          options={context.doctors.map((doctor) => ({ value: doctor.id, label: doctor.name }))}
          onChange={(value) => form.set('doctorId', value)}
          onBlur={() => form.touch('doctorId')}
          error={errorFor('doctorId')}
          optional
        />
        <TextField
          id={form.fieldId('followUpDate')}
          label={t('consultations.field.followUp')}
          type="date"
          width="medium"
          value={values.followUpDate}
          onChange={(value) => form.set('followUpDate', value)}
          onBlur={() => form.touch('followUpDate')}
          error={errorFor('followUpDate')}
          optional
        />
      </div>
      <TextField
        id={form.fieldId('note')}
        label={t('consultations.field.note')}
        maxLength={500}
        value={values.note}
        onChange={(value) => form.set('note', value)}
        onBlur={() => form.touch('note')}
        hint={t('consultations.noteHint')}
        error={errorFor('note')}
        optional
      />
    </>
  );
}
