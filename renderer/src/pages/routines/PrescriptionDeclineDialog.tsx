// The doctor declines a prepared prescription: a reason is required (the nurse sees it); a refusal is shown inside and the text is kept.
import { PRESCRIPTION_REASON_MAX } from '../../../../domain/consultations/prescriptions';
import { api } from '../../api/client';
import { DialogActions } from '../../components/DialogActions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { TextAreaField } from '../../components/TextAreaField';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import type { FormFieldErrors } from '../../i18n/codes';
import { useRowText } from './PrescriptionParts';
import { patientText } from './prescription-view';
import type { PrescriptionRow } from './prescription-view';

interface DeclineForm {
  reason: string;
}

/** The same rule as the domain's schema: a reason, at most PRESCRIPTION_REASON_MAX characters. */
export function declineFormErrors(values: DeclineForm): FormFieldErrors {
  const reason = values.reason.trim();
  if (reason === '') return { reason: 'required' };
  if (reason.length > PRESCRIPTION_REASON_MAX) return { reason: 'tooLong' };
  return {};
}

export function PrescriptionDeclineDialog({ row, onClose, onDone }: { row: PrescriptionRow; onClose: () => void; onDone: () => void }) {
  const { t } = useT();
  const text = useRowText();
  const form = useForm<DeclineForm>({
    id: 'prescription-decline',
    initial: { reason: '' },
    validate: declineFormErrors,
    messageFor: (path, code) => (path === 'reason' && code === 'required' ? t('prescriptions.reasonRequired') : undefined),
  });
  const label = () => t('prescriptions.reason');

  async function save() {
    const saved = await form.submit(() => api.call('prescriptions.answer', { requestId: row.id, answer: 'declined', reason: form.values.reason }));
    if (saved) onDone();
  }

  return (
    <FormDialog title={t('prescriptions.declineTitle')} onClose={onClose} wide>
      <DialogForm onSubmit={() => void save()}>
        <ErrorSummary form={form} labelFor={label} />
        <p>{t('prescriptions.declineText', { medicine: row.medicine?.name ?? t('prescriptions.noMedicine'), patient: text(patientText(row)), nurse: row.nurseName })}</p>
        <TextAreaField {...form.bind('reason')} label={label()} hint={t('prescriptions.reasonHint')} maxLength={PRESCRIPTION_REASON_MAX} autoFocus />
        <DialogActions saving={form.saving} submitLabel={t('prescriptions.declineConfirm')} danger onCancel={onClose} />
      </DialogForm>
    </FormDialog>
  );
}
