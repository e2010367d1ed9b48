// Field labels and error texts of the consultation form, so the fields, the error summary and the dialogs say the same.
import type { FormState } from '../../components/use-form';
import type { MessageKey, Translator } from '../../i18n';
import type { FormFieldErrorCode } from '../../i18n/codes';
import type { ConsultationForm } from './consultation-form';
import { identityHint } from './consultation-form';

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

export function consultationErrors<V extends ConsultationForm>(
  translator: Pick<Translator, 't' | 'fieldErrorText'>,
  form: FormState<V>,
  rules: { allowSynthetic: boolean; today: string },
) {
  const { t, fieldErrorText } = translator;
  const labelFor = (path: string) => {
    const key = LABELS[path];
    return key ? t(key) : path;
  };
  const messageFor = (path: string, code: FormFieldErrorCode): string => {
    if ((path === 'time' || path === 'date') && code === 'outOfRange') return t('consultations.error.future');
    if (path === 'time' && code === 'invalidFormat') return t('consultations.error.time');
    if (path === 'doctorId' && code === 'required') return t('consultations.error.doctorRequired');
    if (path === 'medicineName' && code === 'required') return t('consultations.error.medicineNameRequired');
    if (path === 'followUpDate' && code === 'outOfRange') return t('consultations.error.followUpBefore');
    if (path === 'birthYear') return t('consultations.error.birthYear');
    if (path === 'icpc2Code') return t('consultations.error.icpc2');
    if (path === 'nurseId' && code === 'invalidChoice') return t('consultations.error.nurse');
    if (path === 'identityNumber' && code === 'invalidFormat') {
      const feedback = identityHint(form.values.identityNumber, rules.allowSynthetic, rules.today);
      return feedback.state === 'invalid' ? feedback.message : t('consultations.error.identity');
    }
    return fieldErrorText(code);
  };
  const errorFor = (path: keyof ConsultationForm | 'reason'): string | undefined => {
    const code = form.errorCode(path);
    return code ? messageFor(path, code) : undefined;
  };
  return { labelFor, messageFor, errorFor };
}
