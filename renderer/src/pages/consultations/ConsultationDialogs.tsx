// The consultation page's dialogs: amend the entry (all fields and a reason), and the short "why?" before cancelling an entry or showing its identity number.
import { useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { api } from '../../api/client';
import { DialogActions } from '../../components/DialogActions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { ErrorNotice } from '../../components/page';
import { useAction } from '../../components/use-action';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import type { FormFieldErrors } from '../../i18n/codes';
import { useQuery } from '../../stores/query';
import { consultationLabel, useConsultationForm } from './consultation-errors';
import type { FormContext } from './consultation-errors';
import { amendmentForm, consultationFormToInput } from './consultation-form';
import type { AmendmentForm } from './consultation-form';
import { ConsultationFields } from './ConsultationFields';
import type { Icpc2Option } from './Icpc2Picker';

type Detail = ApiOutput<'consultations.get'>;

interface AmendDialogProps {
  entry: Detail;
  context: FormContext;
  codes: readonly Icpc2Option[];
  /** Closes the dialog; with the confirmation to show after a saved amendment. */
  onClose: (done: MessageKey | null) => void;
}

export function AmendDialog({ entry, context, codes, onClose }: AmendDialogProps) {
  const { t } = useT();
  const form = useConsultationForm<AmendmentForm>({
    id: 'consultation-amend',
    context,
    initial: () => amendmentForm(entry),
    numberOptional: true,
    moreErrors: (values): FormFieldErrors => (values.reason.trim() ? {} : { reason: 'required' }),
  });
  const routines = useQuery('consultations.routineOptions', { nurseId: form.values.nurseId || entry.nurseId, date: form.values.date || entry.at.slice(0, 10) }, ['routines']);
  async function save() {
    const saved = await form.submit(() => api.call('consultations.amend', { id: entry.id, entry: consultationFormToInput(form.values), reason: form.values.reason }));
    if (saved) onClose('consultations.amendedDone');
  }
  return (
    <FormDialog title={t('consultations.amendTitle')} onClose={() => onClose(null)} wide>
      <DialogForm onSubmit={() => void save()}>
        <ErrorSummary form={form} labelFor={(path) => consultationLabel(t, path)} />
        <ConsultationFields form={form} context={context} codes={codes} routines={routines.data ?? null} maskedNumber={entry.patient.idNumber} />
        <TextField {...form.bind('reason')} label={t('consultations.field.reason')} hint={t('consultations.amendReasonHint')} maxLength={300} />
        <DialogActions saving={form.saving} onCancel={() => onClose(null)} />
      </DialogForm>
    </FormDialog>
  );
}

interface ReasonDialogProps {
  title: string;
  text: string;
  confirmLabel: string;
  danger?: boolean;
  onClose: () => void;
  /** The logged action, with the reason given; a failure is shown in the dialog. */
  onConfirm: (reason: string) => Promise<void>;
}

/** A small dialog that asks why before a logged action (cancel an entry, show an identity number). */
export function ReasonDialog({ title, text, confirmLabel, danger, onClose, onConfirm }: ReasonDialogProps) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const action = useAction();
  async function confirm() {
    setTried(true);
    if (reason.trim()) await action.run(() => onConfirm(reason.trim()));
  }
  return (
    <FormDialog title={title} onClose={onClose}>
      <DialogForm onSubmit={() => void confirm()}>
        <p>{text}</p>
        {action.error && <ErrorNotice error={action.error} />}
        <TextField
          id="consultation-reason"
          label={t('consultations.field.reason')}
          maxLength={300}
          value={reason}
          onChange={setReason}
          error={tried && !reason.trim() ? t('consultations.error.reasonRequired') : undefined}
          autoFocus
        />
        <DialogActions saving={action.busy} submitLabel={confirmLabel} savingLabel={confirmLabel} danger={danger} onCancel={onClose} />
      </DialogForm>
    </FormDialog>
  );
}
