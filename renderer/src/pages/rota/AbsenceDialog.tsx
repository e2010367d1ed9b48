// Nytt fravær / Endre fravær: person, from and to (inclusive), kind and note; delete with a confirmation.
import { useState } from 'react';
import { ABSENCE_KINDS } from '../../../../domain/rota/types';
import type { Absence } from '../../../../domain/rota/types';
import { api } from '../../api/client';
import { toClientError } from '../../api/errors';
import type { ClientApiError } from '../../api/errors';
import { DialogActions } from '../../components/DialogActions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { Notice } from '../../components/page';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import type { FormFieldErrorCode } from '../../i18n/codes';
import { absenceKindName } from '../../i18n/labels';
import { absenceFormErrors, absenceFormToInput, absenceToForm, newAbsenceForm } from './rota-form';
import type { AbsenceForm } from './rota-form';
import { PersonField, rotaFieldMessage, useRotaChoices } from './rota-fields';
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
  const { t, fieldErrorText, errorText } = useT();
  const { choices } = useRotaChoices(rota, absence?.staffId ?? null);
  const form = useForm<AbsenceForm>({
    id: 'absence',
    initial: () => (absence ? absenceToForm(choices, absence) : newAbsenceForm(choices, prefill)),
    validate: (values) => absenceFormErrors(values, choices),
  });
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<ClientApiError | null>(null);
  const values = form.values;

  const labels: Record<string, string> = {
    staffId: t('rota.person'),
    from: t('rota.absenceFrom'),
    to: t('rota.absenceTo'),
    kind: t('rota.absenceKind'),
    note: t('rota.note'),
  };
  const labelFor = (path: string) => labels[path] ?? path;
  const messageFor = (path: string, code: FormFieldErrorCode) => rotaFieldMessage(t, fieldErrorText, path, code);
  const errorFor = (path: string): string | undefined => {
    const code = form.errorCode(path);
    return code ? messageFor(path, code) : undefined;
  };

  async function save() {
    let savedId = absence?.id ?? '';
    const saved = await form.submit(async () => {
      const input = absenceFormToInput(form.values, choices);
      if (absence) await api.call('rota.updateAbsence', { ...input, id: absence.id });
      else savedId = (await api.call('rota.createAbsence', input)).id;
    });
    if (saved) onSaved({ kind: 'absence', id: savedId, messageKey: 'rota.absenceSaved' });
  }

  async function remove() {
    if (!absence) return;
    setBusy(true);
    setDeleteError(null);
    try {
      await api.call('rota.removeAbsence', { id: absence.id });
      onSaved({ kind: 'other', messageKey: 'rota.absenceDeleted' });
    } catch (error) {
      setConfirmingDelete(false);
      setDeleteError(toClientError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog title={absence ? t('rota.editAbsenceTitle') : t('rota.newAbsenceTitle')} onClose={onClose}>
      {deleteError && (
        <Notice kind="error" role="alert" title={t('rota.actionFailed')}>
          <p>{errorText(deleteError)}</p>
        </Notice>
      )}
      <DialogForm onSubmit={() => void save()}>
        <ErrorSummary form={form} labelFor={labelFor} messageFor={messageFor} />
        <PersonField
          id={form.fieldId('staffId')}
          value={values.staffText}
          onChange={(value) => form.set('staffText', value)}
          onBlur={() => form.touch('staffId')}
          error={errorFor('staffId')}
          choices={choices}
          autoFocus
        />
        <div className="dialog-grid">
          <TextField
            id={form.fieldId('from')}
            label={t('rota.absenceFrom')}
            type="date"
            width="medium"
            value={values.from}
            onChange={(value) => form.update((current) => ({ ...current, from: value, to: current.to < value ? value : current.to }), 'from', 'to')}
            onBlur={() => form.touch('from')}
            error={errorFor('from')}
          />
          <TextField
            id={form.fieldId('to')}
            label={t('rota.absenceTo')}
            hint={t('rota.absenceToHint')}
            type="date"
            width="medium"
            value={values.to}
            onChange={(value) => form.set('to', value)}
            onBlur={() => form.touch('to')}
            error={errorFor('to')}
          />
          <SelectField
            id={form.fieldId('kind')}
            label={t('rota.absenceKind')}
            value={values.kind}
            options={ABSENCE_KINDS.map((kind) => ({ value: kind, label: absenceKindName(t, kind) }))}
            onChange={(value) => form.set('kind', value as AbsenceForm['kind'])}
            onBlur={() => form.touch('kind')}
            error={errorFor('kind')}
          />
        </div>
        <TextField
          id={form.fieldId('note')}
          label={t('rota.note')}
          optional
          value={values.note}
          onChange={(value) => form.set('note', value)}
          onBlur={() => form.touch('note')}
          error={errorFor('note')}
          maxLength={500}
        />
        <DialogActions
          saving={form.saving}
          busy={busy}
          onCancel={onClose}
          delete={absence ? { label: t('rota.deleteAbsence'), confirmText: t('rota.confirmDeleteAbsence'), onConfirm: () => void remove() } : undefined}
          confirmingDelete={confirmingDelete}
          onConfirmingDeleteChange={setConfirmingDelete}
        />
      </DialogForm>
    </FormDialog>
  );
}
