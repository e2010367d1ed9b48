// Nytt fravær / Endre fravær: person, from and to (inclusive), kind and note; delete with a confirmation.
import { ABSENCE_KINDS } from '../../../../domain/rota/types';
import type { Absence } from '../../../../domain/rota/types';
import { api } from '../../api/client';
import { DateField } from '../../components/DateField';
import { EditDialog } from '../../components/EditDialog';
import { SelectField, TextField } from '../../components/fields';
import { useAction } from '../../components/use-action';
import { useT } from '../../i18n';
import { absenceKindName } from '../../i18n/labels';
import { absenceFormErrors, absenceFormToInput, absenceToForm, newAbsenceForm } from './rota-form';
import type { AbsenceForm } from './rota-form';
import { bindPerson, PersonField, rotaLabels, useRotaForm } from './rota-fields';
import type { RotaWeek } from './rota-view';
import type { SavedChange } from './saved-change';

interface AbsenceDialogProps {
  rota: RotaWeek;
  absence: Absence | null;
  prefill: { staffId?: string | null; date: string };
  onClose: () => void;
  onSaved: (change: SavedChange) => void;
}

export function AbsenceDialog({ rota, absence, prefill, onClose, onSaved }: AbsenceDialogProps) {
  const { t } = useT();
  const { form, choices } = useRotaForm<AbsenceForm>({
    id: 'absence',
    rota,
    keepStaffId: absence?.staffId ?? null,
    initial: (people) => (absence ? absenceToForm(people, absence) : newAbsenceForm(people, prefill)),
    validate: absenceFormErrors,
  });
  const removal = useAction();
  const labels = { ...rotaLabels(t), from: t('rota.absenceFrom'), to: t('rota.absenceTo'), kind: t('rota.absenceKind') };
  const from = form.bind('from');

  async function save() {
    const saved = await form.submit(async () => {
      const input = absenceFormToInput(form.values, choices);
      if (!absence) return (await api.call('rota.createAbsence', input)).id;
      await api.call('rota.updateAbsence', { ...input, id: absence.id });
      return absence.id;
    });
    if (saved) onSaved({ kind: 'absence', id: saved.value, messageKey: 'rota.absenceSaved' });
  }

  async function remove(existing: Absence) {
    if (await removal.run(() => api.call('rota.removeAbsence', { id: existing.id }))) onSaved({ kind: 'other', messageKey: 'rota.absenceDeleted' });
  }

  return (
    <EditDialog
      title={absence ? t('rota.editAbsenceTitle') : t('rota.newAbsenceTitle')}
      onClose={onClose}
      form={form}
      labelFor={labels}
      onSubmit={() => void save()}
      action={removal}
      actionFailedTitle={t('rota.actionFailed')}
      remove={absence ? { label: t('rota.deleteAbsence'), confirmText: t('rota.confirmDeleteAbsence'), onConfirm: () => void remove(absence) } : undefined}
    >
      <PersonField {...bindPerson(form)} choices={choices} autoFocus />
      <div className="dialog-grid">
        <DateField
          {...from}
          // The end follows a start moved past it.
          onChange={(value) => form.update((current) => ({ ...current, from: value, to: current.to < value ? value : current.to }), 'from', 'to')}
          label={labels.from}
        />
        <DateField {...form.bind('to')} label={labels.to} hint={t('rota.absenceToHint')} />
        <SelectField {...form.bind('kind')} label={labels.kind} options={ABSENCE_KINDS.map((kind) => ({ value: kind, label: absenceKindName(t, kind) }))} />
      </div>
      <TextField {...form.bind('note')} label={labels.note} optional maxLength={500} />
    </EditDialog>
  );
}
