// Ny vakt / Endre vakt: person, office, date, times, kind and note; one-off shifts or one occurrence of a recurring pattern.
import { useState } from 'react';
import { SHIFT_KINDS } from '../../../../domain/rota/types';
import { api } from '../../api/client';
import { ApiCallError, toClientError } from '../../api/errors';
import type { ClientApiError } from '../../api/errors';
import { DialogActions } from '../../components/DialogActions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { Notice } from '../../components/page';
import { TimeField } from '../../components/TimeField';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import type { FormFieldErrorCode } from '../../i18n/codes';
import { shiftKindName } from '../../i18n/labels';
import { formatDayLong } from '../../format/dates';
import { findStaff, newShiftForm, shiftFormErrors, shiftFormToInput, shiftToForm, unnestFields } from './rota-form';
import type { ShiftForm, ShiftPrefill } from './rota-form';
import { PersonField, rotaFieldMessage, useRotaChoices } from './rota-fields';
import type { PlannedShift, RotaWeek } from './rota-view';
import type { SavedChange } from './saved-change';

interface ShiftDialogProps {
  rota: RotaWeek;
  /** null: a new shift with `prefill`. */
  shift: PlannedShift | null;
  prefill: ShiftPrefill;
  onClose: () => void;
  onSaved: (change: SavedChange) => void;
}

/** Server errors on an occurrence's replacement ('replacement.start') belong to the form's own fields. */
async function withFlatFields<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiCallError && error.error.fields) throw new ApiCallError({ ...error.error, fields: unnestFields(error.error.fields, 'replacement.') });
    throw error;
  }
}

export function ShiftDialog({ rota, shift, prefill, onClose, onSaved }: ShiftDialogProps) {
  const { t, fieldErrorText, errorText, language } = useT();
  const { choices, officeOptions } = useRotaChoices(rota, shift?.staffId ?? null);
  const form = useForm<ShiftForm>({
    id: 'shift',
    initial: () => (shift ? shiftToForm(choices, shift) : newShiftForm(choices, prefill)),
    validate: (values) => shiftFormErrors(values, choices),
  });
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ClientApiError | null>(null);
  const values = form.values;
  const occurrence = shift?.occurrenceDate && shift.patternId ? { patternId: shift.patternId, date: shift.occurrenceDate } : null;
  const occurrenceDay = occurrence ? formatDayLong(t, occurrence.date, language) : '';

  const labelFor = (path: string): string => {
    switch (path) {
      case 'staffId':
        return t('rota.person');
      case 'officeId':
        return t('rota.office');
      case 'date':
        return t('rota.date');
      case 'start':
        return t('rota.start');
      case 'end':
        return t('rota.end');
      case 'kind':
        return t('rota.kind');
      case 'note':
        return t('rota.note');
      default:
        return path;
    }
  };
  const messageFor = (path: string, code: FormFieldErrorCode) => rotaFieldMessage(t, fieldErrorText, path, code);
  const errorFor = (path: string): string | undefined => {
    const code = form.errorCode(path);
    return code ? messageFor(path, code) : undefined;
  };

  async function save() {
    let savedId = shift?.id ?? '';
    const saved = await form.submit(async () => {
      const input = shiftFormToInput(form.values, choices);
      if (!shift) {
        savedId = (await api.call('rota.createShift', input)).id;
      } else if (occurrence) {
        await withFlatFields(() => api.call('rota.changeOccurrence', { ...occurrence, replacement: input }));
      } else {
        await api.call('rota.updateShift', { ...input, id: shift.id });
      }
    });
    if (saved) onSaved({ kind: 'shift', id: savedId, messageKey: 'rota.shiftSaved' });
  }

  async function run(action: () => Promise<unknown>, change: SavedChange) {
    setBusy(true);
    setActionError(null);
    try {
      await action();
      onSaved(change);
    } catch (error) {
      setConfirmingDelete(false);
      setActionError(toClientError(error));
    } finally {
      setBusy(false);
    }
  }

  function remove() {
    if (!shift) return;
    if (occurrence) void run(() => api.call('rota.removeOccurrence', occurrence), { kind: 'other', messageKey: 'rota.occurrenceRemoved' });
    else void run(() => api.call('rota.removeShift', { id: shift.id }), { kind: 'other', messageKey: 'rota.shiftDeleted' });
  }

  function restore() {
    if (!occurrence || !shift) return;
    void run(() => api.call('rota.restoreOccurrence', occurrence), { kind: 'shift', id: shift.id, messageKey: 'rota.occurrenceRestored' });
  }

  const title = shift ? t('rota.editShiftTitle') : t('rota.newShiftTitle');
  return (
    <FormDialog title={title} onClose={onClose} wide>
      {occurrence && (
        <Notice kind="info">
          <p>{t('rota.occurrenceNote', { date: occurrenceDay })}</p>
          {shift?.changed && <p>{t('rota.occurrenceChanged')}</p>}
        </Notice>
      )}
      {actionError && (
        <Notice kind="error" role="alert" title={t('rota.actionFailed')}>
          <p>{errorText(actionError)}</p>
        </Notice>
      )}
      <DialogForm onSubmit={() => void save()}>
        <ErrorSummary form={form} labelFor={labelFor} messageFor={messageFor} />
        <PersonField
          id={form.fieldId('staffId')}
          value={values.staffText}
          onChange={(staffText) =>
            form.update((current) => {
              // A new shift follows the person to their own office until an office is chosen by hand.
              const match = findStaff(choices, staffText);
              const officeId = !shift && current.officeId === '' && match?.baseOfficeId ? match.baseOfficeId : current.officeId;
              return { ...current, staffText, officeId };
            }, 'staffId')
          }
          onBlur={() => form.touch('staffId')}
          error={errorFor('staffId')}
          choices={choices}
          autoFocus
        />
        <div className="dialog-grid">
          <SelectField
            id={form.fieldId('officeId')}
            label={t('rota.office')}
            hint={values.kind === 'video' ? t('rota.officeVideoHint') : undefined}
            value={values.officeId}
            placeholder={t('rota.chooseOffice')}
            options={officeOptions}
            onChange={(value) => form.set('officeId', value)}
            onBlur={() => form.touch('officeId')}
            error={errorFor('officeId')}
          />
          <TextField
            id={form.fieldId('date')}
            label={t('rota.date')}
            type="date"
            width="medium"
            value={values.date}
            onChange={(value) => form.set('date', value)}
            onBlur={() => form.touch('date')}
            error={errorFor('date')}
          />
          <SelectField
            id={form.fieldId('kind')}
            label={t('rota.kind')}
            value={values.kind}
            options={SHIFT_KINDS.map((kind) => ({ value: kind, label: shiftKindName(t, kind) }))}
            onChange={(value) => form.set('kind', value as ShiftForm['kind'])}
            onBlur={() => form.touch('kind')}
            error={errorFor('kind')}
          />
        </div>
        <div className="dialog-grid dialog-grid--times">
          <TimeField form={form} name="start" label={t('rota.start')} error={errorFor('start')} />
          <TimeField form={form} name="end" label={t('rota.end')} error={errorFor('end')} />
          <p className="field-hint dialog-times-hint">{t('rota.timesHint')}</p>
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
          delete={shift ? { label: occurrence ? t('rota.removeOccurrence') : t('rota.deleteShift'), confirmText: occurrence ? t('rota.confirmRemoveOccurrence', { date: occurrenceDay }) : t('rota.confirmDeleteShift'), onConfirm: remove } : undefined}
          confirmingDelete={confirmingDelete}
          onConfirmingDeleteChange={setConfirmingDelete}
        >
          {occurrence && shift?.changed && (
            <button type="button" className="button" onClick={restore} disabled={busy}>
              {t('rota.restoreOccurrence')}
            </button>
          )}
        </DialogActions>
      </DialogForm>
    </FormDialog>
  );
}
