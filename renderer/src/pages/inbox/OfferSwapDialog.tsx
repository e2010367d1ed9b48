// Tilby en vakt: one of the person's coming shifts, offered to a named colleague of the same profession or to everyone who can take it.
import { useMemo } from 'react';
import { api } from '../../api/client';
import { EditDialog } from '../../components/EditDialog';
import { SelectField, TextField } from '../../components/fields';
import { Loading } from '../../components/page';
import { useForm } from '../../components/use-form';
import { formatDayLong } from '../../format/dates';
import { useT } from '../../i18n';
import type { FormFieldErrors } from '../../i18n/codes';
import { capitalise, shiftKindName } from '../../i18n/labels';
import { useList, useQuery } from '../../stores/query';
import { useSession } from '../../stores/session';

interface SwapForm {
  shiftRef: string;
  toStaffId: string;
  note: string;
}

export function swapFormErrors(form: SwapForm): FormFieldErrors {
  return form.shiftRef === '' ? { shiftRef: 'required' } : {};
}

export function OfferSwapDialog({ onClose, onSent }: { onClose: () => void; onSent: () => void }) {
  const { t, language } = useT();
  const user = useSession((state) => state.user);
  const mine = useQuery('requests.myShifts', {}, ['rota']);
  const staff = useList('staff.list');
  const offices = useList('offices.list');
  const form = useForm<SwapForm>({ id: 'swap', initial: { shiftRef: '', toStaffId: '', note: '' }, validate: swapFormErrors });
  const labels = { shiftRef: t('inbox.swap.shift'), toStaffId: t('inbox.swap.to'), note: t('inbox.swap.note') };

  const shiftOptions = useMemo(() => {
    const officeName = (id: string) => offices.data?.find((office) => office.id === id)?.name ?? '';
    return (mine.data?.shifts ?? []).map((shift) => ({
      value: shift.id,
      label: `${capitalise(formatDayLong(t, shift.date, language))} ${shift.start}–${shift.end} · ${shiftKindName(t, shift.kind)} · ${officeName(shift.officeId)}`,
    }));
  }, [mine.data, offices.data, t, language]);
  const me = staff.data?.find((member) => member.id === user?.staffId);
  const colleagues = (staff.data ?? [])
    .filter((member) => member.active && member.id !== me?.id && member.profession === me?.profession)
    .map((member) => ({ value: member.id, label: member.name }));

  async function save() {
    const { shiftRef, toStaffId, note } = form.values;
    const saved = await form.submit(() => api.call('requests.offerSwap', { shiftRef, toStaffId: toStaffId || null, note: note.trim() || null }));
    if (saved) onSent();
  }

  return (
    <EditDialog
      title={t('inbox.swap.title')}
      intro={<p>{t('inbox.swap.intro')}</p>}
      onClose={onClose}
      form={form}
      labelFor={labels}
      onSubmit={() => void save()}
      footer={{ submitLabel: t('inbox.swap.submit'), submitDisabled: shiftOptions.length === 0 }}
    >
      {!mine.data ? (
        <Loading />
      ) : shiftOptions.length === 0 ? (
        <p>{t('inbox.swap.noShifts')}</p>
      ) : (
        <SelectField {...form.bind('shiftRef')} label={labels.shiftRef} options={shiftOptions} placeholder={t('inbox.swap.choose')} />
      )}
      <SelectField {...form.bind('toStaffId')} label={labels.toStaffId} options={[{ value: '', label: t('inbox.swap.everyone') }, ...colleagues]} />
      <TextField {...form.bind('note')} label={labels.note} optional maxLength={500} />
    </EditDialog>
  );
}
