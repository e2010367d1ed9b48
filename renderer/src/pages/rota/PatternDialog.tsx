// Ny fast turnus / Endre fast turnus: person, office, kind, times, weekdays (Monday first), every N weeks, from/to, note.
import { useState } from 'react';
import { WEEKDAYS } from '../../../../domain/offices';
import { SHIFT_KINDS } from '../../../../domain/rota/types';
import type { RecurringPattern } from '../../../../domain/rota/types';
import { api } from '../../api/client';
import { toClientError } from '../../api/errors';
import type { ClientApiError } from '../../api/errors';
import { DialogActions } from '../../components/DialogActions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FieldError, SelectField, TextField } from '../../components/fields';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { Notice } from '../../components/page';
import { TimeField } from '../../components/TimeField';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import type { FormFieldErrorCode } from '../../i18n/codes';
import { capitalise, shiftKindName, weekdayName } from '../../i18n/labels';
import { newPatternForm, patternFormErrors, patternFormToInput, patternToForm } from './rota-form';
import type { PatternForm } from './rota-form';
import { PersonField, rotaFieldMessage, useRotaChoices } from './rota-fields';
import type { RotaWeek } from './rota-view';
import type { SavedChange } from './saved-change';

interface PatternDialogProps {
  rota: RotaWeek;
  pattern: RecurringPattern | null;
  prefill: { staffId?: string | null; officeId?: string | null; from: string };
  onClose: () => void;
  onSaved: (change: SavedChange) => void;
}

export function PatternDialog({ rota, pattern, prefill, onClose, onSaved }: PatternDialogProps) {
  const { t, fieldErrorText, errorText } = useT();
  const { choices, officeOptions } = useRotaChoices(rota, pattern?.staffId ?? null);
  const form = useForm<PatternForm>({
    id: 'pattern',
    initial: () => (pattern ? patternToForm(choices, pattern) : newPatternForm(choices, prefill)),
    validate: (values) => patternFormErrors(values, choices),
  });
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<ClientApiError | null>(null);
  const values = form.values;

  const labels: Record<string, string> = {
    staffId: t('rota.person'),
    officeId: t('rota.office'),
    kind: t('rota.kind'),
    start: t('rota.start'),
    end: t('rota.end'),
    weekdays: t('rota.weekdays'),
    intervalWeeks: t('rota.intervalWeeks'),
    from: t('rota.patternFrom'),
    to: t('rota.patternTo'),
    note: t('rota.note'),
  };
  const labelFor = (path: string) => labels[path] ?? path;
  const messageFor = (path: string, code: FormFieldErrorCode) => rotaFieldMessage(t, fieldErrorText, path, code);
  const errorFor = (path: string): string | undefined => {
    const code = form.errorCode(path);
    return code ? messageFor(path, code) : undefined;
  };

  async function save() {
    const saved = await form.submit(async () => {
      const input = patternFormToInput(form.values, choices);
      if (pattern) await api.call('rota.updatePattern', { ...input, id: pattern.id });
      else await api.call('rota.createPattern', input);
    });
    if (saved) onSaved({ kind: 'other', messageKey: 'rota.patternSaved' });
  }

  async function remove() {
    if (!pattern) return;
    setBusy(true);
    setDeleteError(null);
    try {
      await api.call('rota.removePattern', { id: pattern.id });
      onSaved({ kind: 'other', messageKey: 'rota.patternDeleted' });
    } catch (error) {
      setConfirmingDelete(false);
      setDeleteError(toClientError(error));
    } finally {
      setBusy(false);
    }
  }

  const weekdaysError = errorFor('weekdays');
  const weekdaysId = form.fieldId('weekdays');
  return (
    <FormDialog title={pattern ? t('rota.editPatternTitle') : t('rota.newPatternTitle')} onClose={onClose} wide>
      <p className="field-hint">{t('rota.patternIntro')}</p>
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
          onChange={(staffText) => form.set('staffText', staffText)}
          onBlur={() => form.touch('staffId')}
          error={errorFor('staffId')}
          choices={choices}
          autoFocus
        />
        <div className="dialog-grid">
          <SelectField
            id={form.fieldId('officeId')}
            label={t('rota.office')}
            value={values.officeId}
            placeholder={t('rota.chooseOffice')}
            options={officeOptions}
            onChange={(value) => form.set('officeId', value)}
            onBlur={() => form.touch('officeId')}
            error={errorFor('officeId')}
          />
          <SelectField
            id={form.fieldId('kind')}
            label={t('rota.kind')}
            value={values.kind}
            options={SHIFT_KINDS.map((kind) => ({ value: kind, label: shiftKindName(t, kind) }))}
            onChange={(value) => form.set('kind', value as PatternForm['kind'])}
            onBlur={() => form.touch('kind')}
            error={errorFor('kind')}
          />
          <div className="dialog-grid dialog-grid--times">
            <TimeField form={form} name="start" label={t('rota.start')} error={errorFor('start')} />
            <TimeField form={form} name="end" label={t('rota.end')} error={errorFor('end')} />
          </div>
        </div>
        <fieldset className={`fieldset fieldset--compact${weekdaysError ? ' field--error' : ''}`} aria-describedby={weekdaysError ? `${weekdaysId}-error` : undefined}>
          <legend>{t('rota.weekdays')}</legend>
          <div className="checkbox-row">
            {WEEKDAYS.map((day, index) => {
              const id = index === 0 ? weekdaysId : `${weekdaysId}-${day}`;
              return (
                <div className="field field--checkbox" key={day}>
                  <input
                    id={id}
                    type="checkbox"
                    className="checkbox"
                    checked={values.weekdays.includes(day)}
                    onChange={(event) =>
                      form.update(
                        (current) => ({
                          ...current,
                          weekdays: event.target.checked ? [...current.weekdays, day] : current.weekdays.filter((other) => other !== day),
                        }),
                        'weekdays',
                      )
                    }
                    onBlur={() => form.touch('weekdays')}
                    aria-invalid={weekdaysError ? true : undefined}
                  />
                  <label htmlFor={id}>{capitalise(weekdayName(t, day))}</label>
                </div>
              );
            })}
          </div>
          <FieldError id={weekdaysId} error={weekdaysError} />
        </fieldset>
        <div className="dialog-grid">
          <TextField
            id={form.fieldId('intervalWeeks')}
            label={t('rota.intervalWeeks')}
            hint={t('rota.intervalHint')}
            inputMode="numeric"
            width="short"
            maxLength={2}
            value={values.intervalWeeks}
            onChange={(value) => form.set('intervalWeeks', value)}
            onBlur={() => form.touch('intervalWeeks')}
            error={errorFor('intervalWeeks')}
            suffix={t('rota.weeksUnit')}
          />
          <TextField
            id={form.fieldId('from')}
            label={t('rota.patternFrom')}
            type="date"
            width="medium"
            value={values.from}
            onChange={(value) => form.set('from', value)}
            onBlur={() => form.touch('from')}
            error={errorFor('from')}
          />
          <TextField
            id={form.fieldId('to')}
            label={t('rota.patternTo')}
            hint={t('rota.patternToHint')}
            optional
            type="date"
            width="medium"
            value={values.to}
            onChange={(value) => form.set('to', value)}
            onBlur={() => form.touch('to')}
            error={errorFor('to')}
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
          delete={pattern ? { label: t('rota.deletePattern'), confirmText: t('rota.confirmDeletePattern'), onConfirm: () => void remove() } : undefined}
          confirmingDelete={confirmingDelete}
          onConfirmingDeleteChange={setConfirmingDelete}
        />
      </DialogForm>
    </FormDialog>
  );
}
