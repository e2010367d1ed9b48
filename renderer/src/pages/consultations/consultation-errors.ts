// The consultation form's labels and field-specific error texts, and the form hook that uses them, so the fields, the error summary and the dialogs say the same.
import type { ApiOutput } from '../../../../backend/api-types';
import { useForm } from '../../components/use-form';
import type { FormState } from '../../components/use-form';
import { useT } from '../../i18n';
import type { MessageKey, Translator } from '../../i18n';
import type { FormFieldErrorCode, FormFieldErrors } from '../../i18n/codes';
import { consultationFormErrors, identityHint } from './consultation-form';
import type { ConsultationForm } from './consultation-form';

export type FormContext = ApiOutput<'consultations.formContext'>;
export type RoutineOption = ApiOutput<'consultations.routineOptions'>[number];

const LABELS: Partial<Record<string, MessageKey>> = {
  date: 'consultations.field.date',
  time: 'consultations.field.time',
  officeId: 'consultations.field.office',
  nurseId: 'consultations.field.nurse',
  identityNumber: 'consultations.field.identityNumber',
  birthYear: 'consultations.field.birthYear',
  sex: 'consultations.field.sex',
  icpc2Code: 'consultations.field.icpc2Code',
  routineId: 'consultations.field.routine',
  medicineName: 'consultations.field.medicineName',
  outcome: 'consultations.field.outcome',
  doctorId: 'consultations.field.doctor',
  followUpDate: 'consultations.field.followUp',
  note: 'consultations.field.note',
  reason: 'consultations.field.reason',
};

export function consultationLabel(t: Translator['t'], path: string): string {
  const key = LABELS[path];
  return key ? t(key) : path;
}

/** What the identity number's own message needs: the typed number and the rules it is checked by. */
interface IdentityRules {
  number: string;
  allowSynthetic: boolean;
  today: string;
}

/** The form's own text for an error (useForm's `messageFor`), or undefined for the shared one. */
export function consultationErrorText(t: Translator['t'], path: string, code: FormFieldErrorCode, identity: IdentityRules): string | undefined {
  if ((path === 'time' || path === 'date') && code === 'outOfRange') return t('consultations.error.future');
  if (path === 'time' && code === 'invalidFormat') return t('consultations.error.time');
  if (path === 'date' && code === 'invalidFormat') return t('consultations.error.date');
  if (path === 'doctorId' && code === 'required') return t('consultations.error.doctorRequired');
  if (path === 'medicineName' && code === 'required') return t('consultations.error.medicineNameRequired');
  if (path === 'followUpDate' && code === 'outOfRange') return t('consultations.error.followUpBefore');
  if (path === 'birthYear') return t('consultations.error.birthYear');
  if (path === 'icpc2Code') return t('consultations.error.icpc2');
  if (path === 'nurseId' && code === 'invalidChoice') return t('consultations.error.nurse');
  if (path === 'identityNumber' && code === 'invalidFormat') {
    const feedback = identityHint(identity.number, identity.allowSynthetic, identity.today);
    return feedback.state === 'invalid' ? feedback.message : t('consultations.error.identity');
  }
  return undefined;
}

interface ConsultationFormOptions<V extends ConsultationForm> {
  id: string;
  initial: () => V;
  context: FormContext;
  /** Amending: an empty identity number keeps the one on record. */
  numberOptional?: boolean;
  /** Errors of the form's own extra fields (the amendment's reason). */
  moreErrors?: (values: V) => FormFieldErrors;
}

/** A consultation form validated with the backend's rules at the context's "now", with the consultation's own error texts. */
export function useConsultationForm<V extends ConsultationForm>({ id, initial, context, numberOptional, moreErrors }: ConsultationFormOptions<V>): FormState<V> {
  const { t } = useT();
  const rules = { nowLocal: context.now, allowSynthetic: context.demoMode, ...(numberOptional ? { numberOptional } : {}) };
  const form: FormState<V> = useForm<V>({
    id,
    initial,
    validate: (values) => ({ ...consultationFormErrors(values, rules), ...moreErrors?.(values) }),
    messageFor: (path, code) => consultationErrorText(t, path, code, { number: form.values.identityNumber, allowSynthetic: context.demoMode, today: context.now.slice(0, 10) }),
  });
  return form;
}
