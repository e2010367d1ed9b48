// Søk om fravær: kind (ferie, avspasering, kurs, permisjon), from and to (inclusive) and a note to the lead.
import { LEAVE_KINDS, leaveRequestInputSchema } from '../../../../domain/requests/types';
import type { LeaveKind } from '../../../../domain/requests/types';
import { validate } from '../../../../domain/validation';
import { api } from '../../api/client';
import { DateField } from '../../components/DateField';
import { EditDialog } from '../../components/EditDialog';
import { SelectField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';
import { osloToday } from '../../format/dates';
import { useT } from '../../i18n';
import type { FormFieldErrors } from '../../i18n/codes';
import { absenceKindName } from '../../i18n/labels';

interface LeaveForm {
  kind: LeaveKind;
  from: string;
  to: string;
  note: string;
}

const toInput = (form: LeaveForm) => ({ kind: form.kind, from: form.from, to: form.to, note: form.note.trim() || null });

export function leaveFormErrors(form: LeaveForm): FormFieldErrors {
  const result = validate(leaveRequestInputSchema, toInput(form));
  return result.ok ? {} : { ...result.fields };
}

export function LeaveRequestDialog({ onClose, onSent }: { onClose: () => void; onSent: () => void }) {
  const { t } = useT();
  const today = osloToday();
  const form = useForm<LeaveForm>({ id: 'leave', initial: { kind: 'holiday', from: today, to: today, note: '' }, validate: leaveFormErrors });
  const labels = { kind: t('inbox.leave.kind'), from: t('inbox.leave.from'), to: t('inbox.leave.to'), note: t('inbox.leave.note') };
  const from = form.bind('from');

  async function save() {
    const saved = await form.submit(() => api.call('requests.requestLeave', toInput(form.values)));
    if (saved) onSent();
  }

  return (
    <EditDialog
      title={t('inbox.leave.title')}
      intro={<p>{t('inbox.leave.intro')}</p>}
      onClose={onClose}
      form={form}
      labelFor={labels}
      onSubmit={() => void save()}
      footer={{ submitLabel: t('inbox.leave.submit') }}
    >
      <SelectField {...form.bind('kind')} label={labels.kind} options={LEAVE_KINDS.map((kind) => ({ value: kind, label: absenceKindName(t, kind) }))} />
      <div className="dialog-grid">
        <DateField
          {...from}
          onChange={(value) => form.update((current) => ({ ...current, from: value, to: current.to < value ? value : current.to }), 'from', 'to')}
          label={labels.from}
        />
        <DateField {...form.bind('to')} label={labels.to} />
      </div>
      <TextField {...form.bind('note')} label={labels.note} optional maxLength={500} />
    </EditDialog>
  );
}
