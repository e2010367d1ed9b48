// The routine form's sections: about the routine, criteria (exclusion rows with red flags), medicine, and responsibility and dates.
import { NURSE_MAY } from '../../../../domain/routines/types';
import type { CompetenceType } from '../../../../domain/competence/types';
import { DateField } from '../../components/DateField';
import { CheckboxField, FieldError, SelectField, TextField } from '../../components/fields';
import { TextAreaField } from '../../components/TextAreaField';
import type { FormState } from '../../components/use-form';
import { useT } from '../../i18n';
import { nurseMayText } from './routine-parts';
import type { RoutineForm } from './routine-form';
import { routineFieldLabel } from './routine-form-texts';

type Form = FormState<RoutineForm>;

export interface Choice {
  id: string;
  name: string;
}

/** The section's translator and the form's labels (the same words the error summary uses). */
function useLabels() {
  const { t } = useT();
  return { t, label: (path: string) => routineFieldLabel(t, path) };
}

export function AboutSection({ form }: { form: Form }) {
  const { t, label } = useLabels();
  return (
    <fieldset className="fieldset">
      <legend>{t('routines.edit.sectionAbout')}</legend>
      <TextField {...form.bind('title')} label={label('title')} hint={t('routines.edit.titleHint')} maxLength={150} autoFocus />
      <TextField {...form.bind('icpc2Codes')} label={label('icpc2Codes')} hint={t('routines.edit.icpc2Hint')} width="medium" />
      <TextAreaField {...form.bind('indication')} label={label('indication')} hint={t('routines.edit.indicationHint')} maxLength={1000} />
    </fieldset>
  );
}

export function CriteriaSection({ form }: { form: Form }) {
  const { t, label } = useLabels();
  return (
    <fieldset className="fieldset">
      <legend>{t('routines.edit.sectionCriteria')}</legend>
      <TextAreaField {...form.bind('inclusionCriteria')} label={label('inclusionCriteria')} hint={t('routines.edit.inclusionHint')} rows={5} />
      <ExclusionRows form={form} />
    </fieldset>
  );
}

/** One row per exclusion criterion, each with its own red-flag checkbox; rows can be added and removed (at least one stays). */
function ExclusionRows({ form }: { form: Form }) {
  const { t, label } = useLabels();
  const rows = form.values.exclusionCriteria;
  const error = form.errorText('exclusionCriteria');
  const focusRow = (index: number) => document.getElementById(form.fieldId(`exclusionCriteria.${index}.text`));

  function addRow() {
    form.update((current) => ({ ...current, exclusionCriteria: [...current.exclusionCriteria, { text: '', redFlag: false }] }), 'exclusionCriteria');
    setTimeout(() => focusRow(rows.length)?.focus(), 0);
  }

  function removeRow(index: number) {
    form.update((current) => ({ ...current, exclusionCriteria: current.exclusionCriteria.filter((_, i) => i !== index) }), 'exclusionCriteria');
    setTimeout(() => focusRow(Math.max(0, index - 1))?.focus() ?? document.getElementById('routine-add-exclusion')?.focus(), 0);
  }

  return (
    <div className={`exclusion-rows${error ? ' field--error' : ''}`} role="group" aria-labelledby="routine-exclusion-title" aria-describedby="routine-exclusion-hint">
      <p id="routine-exclusion-title" className="exclusion-title">
        {label('exclusionCriteria')}
      </p>
      <p id="routine-exclusion-hint" className="field-hint">
        {t('routines.edit.exclusionHint')}
      </p>
      <FieldError id={form.fieldId('exclusionCriteria')} error={error} />
      <ol className="exclusion-list">
        {rows.map((row, index) => {
          const text = `exclusionCriteria.${index}.text`;
          const flag = form.bindCheckbox(`exclusionCriteria.${index}.redFlag`, [text, 'exclusionCriteria']);
          return (
            <li key={index} className={`exclusion-row${row.redFlag ? ' exclusion-row--red-flag' : ''}`}>
              <TextField {...form.bind(text, ['exclusionCriteria'])} label={label(text)} maxLength={300} />
              <div className="field field--checkbox exclusion-flag">
                <input id={flag.id} type="checkbox" className="checkbox" checked={flag.checked} onChange={(event) => flag.onChange(event.target.checked)} />
                <label htmlFor={flag.id}>
                  <span aria-hidden="true">⚑ </span>
                  {t('routines.edit.redFlag')}
                  <span className="visually-hidden"> {t('routines.edit.forRow', { n: index + 1 })}</span>
                </label>
              </div>
              <button type="button" className="button button--small" onClick={() => removeRow(index)} disabled={rows.length === 1} aria-label={t('routines.edit.removeRow', { n: index + 1 })}>
                {t('routines.edit.remove')}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" id="routine-add-exclusion" className="button button--small" onClick={addRow}>
        {t('routines.edit.addRow')}
      </button>
    </div>
  );
}

const MEDICINE_TEXTS = ['name', 'atcCode', 'strength', 'form', 'route', 'dose', 'frequency'] as const;

export function MedicineSection({ form }: { form: Form }) {
  const { t, label } = useLabels();
  const hints: Partial<Record<(typeof MEDICINE_TEXTS)[number], string>> = { atcCode: t('routines.edit.atcHint'), strength: t('routines.edit.strengthHint') };
  return (
    <fieldset className="fieldset">
      <legend>{t('routines.medicineTitle')}</legend>
      <p className="field-hint">{t('routines.edit.medicineHint')}</p>
      <div className="form-grid routine-medicine-grid">
        {MEDICINE_TEXTS.map((key) => (
          <TextField key={key} {...form.bind(`medicine.${key}`)} label={label(`medicine.${key}`)} hint={hints[key]} width={key === 'name' ? 'long' : 'medium'} maxLength={100} />
        ))}
        <TextField
          {...form.bind('medicine.durationDays')}
          label={label('medicine.durationDays')}
          hint={t('routines.edit.durationHint')}
          inputMode="numeric"
          width="short"
          suffix={t('routines.edit.daysUnit')}
          optional
        />
        <TextField {...form.bind('medicine.maxQuantity')} label={label('medicine.maxQuantity')} hint={t('routines.edit.maxQuantityHint')} width="medium" maxLength={100} />
      </div>
      <SelectField
        {...form.bind('nurseMay')}
        label={label('nurseMay')}
        placeholder={t('routines.edit.chooseNurseMay')}
        options={NURSE_MAY.map((value) => ({ value, label: nurseMayText(t, value) }))}
      />
      <TextAreaField {...form.bind('followUpAdvice')} label={label('followUpAdvice')} hint={t('routines.edit.followUpHint')} rows={4} maxLength={2000} />
    </fieldset>
  );
}

const DATES = ['validFrom', 'reviewDate', 'expiresOn'] as const;

export function ResponsibilitySection({ form, doctors, types }: { form: Form; doctors: Choice[]; types: readonly CompetenceType[] }) {
  const { t, label } = useLabels();
  const hints = { validFrom: t('routines.edit.validFromHint'), reviewDate: t('routines.edit.reviewHint'), expiresOn: t('routines.edit.expiresHint') };
  return (
    <fieldset className="fieldset">
      <legend>{t('routines.edit.sectionResponsibility')}</legend>
      <SelectField
        {...form.bind('responsibleDoctorId')}
        label={label('responsibleDoctorId')}
        placeholder={t('routines.edit.chooseDoctor')}
        options={withCurrent(doctors, form.values.responsibleDoctorId, t('routines.edit.formerDoctor')).map((doctor) => ({ value: doctor.id, label: doctor.name }))}
      />
      <CompetenceChoices form={form} types={types} />
      <div className="form-grid routine-dates">
        {DATES.map((key) => (
          <DateField key={key} {...form.bind(key)} label={label(key)} hint={hints[key]} />
        ))}
      </div>
    </fieldset>
  );
}

/** The competences a nurse must hold to use the routine: a checkbox per competence type. */
function CompetenceChoices({ form, types }: { form: Form; types: readonly CompetenceType[] }) {
  const { t, label } = useLabels();
  const chosen = form.values.requiredCompetenceTypeIds;
  const error = form.errorText('requiredCompetenceTypeIds');

  function toggle(id: string, checked: boolean) {
    form.update(
      (current) => ({
        ...current,
        requiredCompetenceTypeIds: checked ? [...current.requiredCompetenceTypeIds, id] : current.requiredCompetenceTypeIds.filter((other) => other !== id),
      }),
      'requiredCompetenceTypeIds',
    );
  }

  return (
    <fieldset className={`fieldset fieldset--compact${error ? ' field--error' : ''}`} aria-describedby="routine-competences-hint">
      <legend>{label('requiredCompetenceTypeIds')}</legend>
      <p id="routine-competences-hint" className="field-hint">
        {types.length === 0 ? t('routines.edit.noCompetenceTypes') : t('routines.edit.competencesHint')}
      </p>
      <div className="competence-choices">
        {types.map((type) => (
          <CheckboxField
            key={type.id}
            id={form.fieldId(`requiredCompetenceTypeIds.${type.id}`)}
            label={type.name}
            checked={chosen.includes(type.id)}
            onChange={(checked) => toggle(type.id, checked)}
          />
        ))}
      </div>
      <FieldError id={form.fieldId('requiredCompetenceTypeIds')} error={error} />
    </fieldset>
  );
}

/** A responsible doctor who has left is still shown, so saving does not silently change the routine's owner. */
function withCurrent(doctors: Choice[], currentId: string, formerLabel: string): Choice[] {
  if (currentId === '' || doctors.some((doctor) => doctor.id === currentId)) return doctors;
  return [...doctors, { id: currentId, name: formerLabel }];
}
