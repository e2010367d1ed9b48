// Ny vakt / Endre vakt: person, office, date, times, kind and note; one-off shifts or one occurrence of a recurring pattern.
import { gapFromShift } from '../../../../domain/rota/cover';
import type { CoverGap } from '../../../../domain/rota/cover';
import { SHIFT_KINDS } from '../../../../domain/rota/types';
import { api } from '../../api/client';
import { DateField } from '../../components/DateField';
import { ApiCallError } from '../../api/errors';
import { EditDialog } from '../../components/EditDialog';
import { SelectField, TextField } from '../../components/fields';
import { Notice } from '../../components/page';
import { TimeField } from '../../components/TimeField';
import { useAction } from '../../components/use-action';
import { useT } from '../../i18n';
import { shiftKindName } from '../../i18n/labels';
import { formatDayLong } from '../../format/dates';
import { findStaff, newShiftForm, shiftFormErrors, shiftFormToInput, shiftToForm, unnestFields } from './rota-form';
import type { ShiftForm, ShiftPrefill } from './rota-form';
import { bindPerson, PersonField, rotaLabels, useRotaForm } from './rota-fields';
import type { PlannedShift, RotaWeek } from './rota-view';
import type { SavedChange } from './saved-change';

interface ShiftDialogProps {
  rota: RotaWeek;
  /** null: a new shift with `prefill`. */
  shift: PlannedShift | null;
  prefill: ShiftPrefill;
  onClose: () => void;
  onSaved: (change: SavedChange) => void;
  /** "Hvem kan dekke?" for this shift: someone else takes it over. */
  onCover: (gap: CoverGap) => void;
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

export function ShiftDialog({ rota, shift, prefill, onClose, onSaved, onCover }: ShiftDialogProps) {
  const { t, language } = useT();
  const { form, choices, officeOptions } = useRotaForm<ShiftForm>({
    id: 'shift',
    rota,
    keepStaffId: shift?.staffId ?? null,
    initial: (people) => (shift ? shiftToForm(people, shift) : newShiftForm(people, prefill)),
    validate: shiftFormErrors,
  });
  const action = useAction();
  const labels = rotaLabels(t);
  const occurrence = shift?.occurrenceDate && shift.patternId ? { patternId: shift.patternId, date: shift.occurrenceDate } : null;
  const occurrenceDay = occurrence ? formatDayLong(t, occurrence.date, language) : '';
  const profession = shift ? rota.staff.find((member) => member.id === shift.staffId)?.profession : undefined;
  const coverGap = shift && profession ? gapFromShift(shift, profession) : null;

  async function save() {
    const saved = await form.submit(async () => {
      const input = shiftFormToInput(form.values, choices);
      if (!shift) return { id: (await api.call('rota.createShift', input)).id, date: input.date };
      if (occurrence) await withFlatFields(() => api.call('rota.changeOccurrence', { ...occurrence, replacement: input }));
      else await api.call('rota.updateShift', { ...input, id: shift.id });
      return { id: shift.id, date: input.date };
    });
    if (saved) onSaved({ kind: 'shift', id: saved.value.id, date: saved.value.date, messageKey: 'rota.shiftSaved' });
  }

  async function run(call: () => Promise<unknown>, change: SavedChange) {
    if (await action.run(call)) onSaved(change);
  }

  function remove(existing: PlannedShift) {
    if (occurrence) void run(() => api.call('rota.removeOccurrence', occurrence), { kind: 'other', messageKey: 'rota.occurrenceRemoved' });
    else void run(() => api.call('rota.removeShift', { id: existing.id }), { kind: 'other', messageKey: 'rota.shiftDeleted' });
  }

  return (
    <EditDialog
      title={shift ? t('rota.editShiftTitle') : t('rota.newShiftTitle')}
      wide
      onClose={onClose}
      form={form}
      labelFor={labels}
      onSubmit={() => void save()}
      intro={
        occurrence && (
          <Notice kind="info">
            <p>{t('rota.occurrenceNote', { date: occurrenceDay })}</p>
            {shift?.changed && <p>{t('rota.occurrenceChanged')}</p>}
          </Notice>
        )
      }
      action={action}
      actionFailedTitle={t('rota.actionFailed')}
      remove={
        shift
          ? {
              label: occurrence ? t('rota.removeOccurrence') : t('rota.deleteShift'),
              confirmText: occurrence ? t('rota.confirmRemoveOccurrence', { date: occurrenceDay }) : t('rota.confirmDeleteShift'),
              onConfirm: () => remove(shift),
            }
          : undefined
      }
      buttons={
        <>
          {coverGap && (
            <button type="button" className="button" onClick={() => onCover(coverGap)} disabled={action.busy}>
              {t('cover.button')}
            </button>
          )}
          {occurrence && shift?.changed && (
            <button
              type="button"
              className="button"
              onClick={() => void run(() => api.call('rota.restoreOccurrence', occurrence), { kind: 'shift', id: shift.id, date: occurrence.date, messageKey: 'rota.occurrenceRestored' })}
              disabled={action.busy}
            >
              {t('rota.restoreOccurrence')}
            </button>
          )}
        </>
      }
    >
      <PersonField
        {...bindPerson(form)}
        onChange={(staffText) =>
          form.update((current) => {
            // A new shift follows the person to their own office until an office is chosen by hand.
            const match = findStaff(choices, staffText);
            const officeId = !shift && current.officeId === '' && match?.baseOfficeId ? match.baseOfficeId : current.officeId;
            return { ...current, staffText, officeId };
          }, 'staffId')
        }
        choices={choices}
        autoFocus
      />
      <div className="dialog-grid">
        <SelectField
          {...form.bind('officeId')}
          label={labels.officeId}
          hint={form.values.kind === 'video' ? t('rota.officeVideoHint') : undefined}
          placeholder={t('rota.chooseOffice')}
          options={officeOptions}
        />
        <DateField {...form.bind('date')} label={labels.date} />
        <SelectField {...form.bind('kind')} label={labels.kind} options={SHIFT_KINDS.map((kind) => ({ value: kind, label: shiftKindName(t, kind) }))} />
      </div>
      <div className="dialog-grid dialog-grid--times">
        <TimeField {...form.bind('start')} label={labels.start} />
        <TimeField {...form.bind('end')} label={labels.end} />
        <p className="field-hint dialog-times-hint">{t('rota.timesHint')}</p>
      </div>
      <TextField {...form.bind('note')} label={labels.note} optional maxLength={500} />
    </EditDialog>
  );
}
