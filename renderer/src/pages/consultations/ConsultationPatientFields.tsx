// The patient part of a consultation entry: identity number with live feedback, or birth year and sex without one; and how the contact took place.
import { CONTACT_KINDS, PATIENT_SEXES } from '../../../../domain/consultations/entry';
import { CheckboxField, SelectField, TextField } from '../../components/fields';
import type { FormState } from '../../components/use-form';
import { useT } from '../../i18n';
import type { FormContext } from './consultation-errors';
import { identityHint } from './consultation-form';
import type { ConsultationForm } from './consultation-form';

interface PatientFieldsProps<V extends ConsultationForm> {
  form: FormState<V>;
  context: FormContext;
  /** Amending: the number on record, masked; an empty number field keeps it. */
  maskedNumber?: string | null | undefined;
  autoFocus?: boolean | undefined;
}

export function PatientFields<V extends ConsultationForm>({ form, context, maskedNumber, autoFocus }: PatientFieldsProps<V>) {
  const { t } = useT();
  const values = form.values;
  const feedback = identityHint(values.identityNumber, context.demoMode, context.now.slice(0, 10));
  const numberHint =
    feedback.state === 'empty'
      ? maskedNumber
        ? t('consultations.numberKeep', { number: maskedNumber })
        : t('consultations.numberHint')
      : feedback.state === 'invalid'
        ? null
        : feedback.message;
  return (
    <fieldset className="fieldset fieldset--compact consultation-patient">
      <legend className="legend-heading">{t('consultations.patientTitle')}</legend>
      <div className="consultation-row">
        {!values.withoutNumber && (
          <TextField
            {...form.bind('identityNumber')}
            label={t('consultations.field.identityNumber')}
            inputMode="numeric"
            width="medium"
            maxLength={13}
            hint={numberHint ? <span className={feedback.state === 'valid' ? 'identity-valid' : undefined}>{numberHint}</span> : undefined}
            // While typing, what is wrong with the number shows at once.
            error={feedback.state === 'invalid' ? feedback.message : form.errorText('identityNumber')}
            autoFocus={autoFocus}
          />
        )}
        {values.withoutNumber && (
          <>
            <TextField {...form.bind('birthYear')} label={t('consultations.field.birthYear')} inputMode="numeric" width="short" maxLength={4} />
            <SelectField
              {...form.bind('sex')}
              label={t('consultations.field.sex')}
              placeholder={t('consultations.chooseSex')}
              options={PATIENT_SEXES.map((sex) => ({ value: sex, label: t(`consultations.sex.${sex}`) }))}
            />
          </>
        )}
        <CheckboxField {...form.bindCheckbox('withoutNumber', ['identityNumber', 'birthYear', 'sex'])} label={t('consultations.field.withoutNumber')} />
      </div>
    </fieldset>
  );
}

/** Oppmøte, telefon, video …: one radio per contact kind; the first has the field's id (the error summary links to it). */
export function ContactChoice<V extends ConsultationForm>({ form }: { form: FormState<V> }) {
  const { t } = useT();
  const { id, value, onChange } = form.bind('contact');
  return (
    <fieldset className="fieldset fieldset--compact">
      <legend className="legend-heading">{t('consultations.field.contact')}</legend>
      <div className="checkbox-row">
        {CONTACT_KINDS.map((kind) => {
          const inputId = kind === CONTACT_KINDS[0] ? id : `${id}-${kind}`;
          return (
            <div className="field field--checkbox" key={kind}>
              <input id={inputId} type="radio" name={id} className="checkbox" checked={value === kind} onChange={() => onChange(kind)} />
              <label htmlFor={inputId}>{t(`consultations.contact.${kind}`)}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
