// Ny fast turnus / Endre fast turnus: person, office, kind, times, weekdays (Monday first), every N weeks, from/to, note.
import { WEEKDAYS } from '../../../../domain/offices';
import { SHIFT_KINDS } from '../../../../domain/rota/types';
import type { RecurringPattern } from '../../../../domain/rota/types';
import { api } from '../../api/client';
import { DateField } from '../../components/DateField';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { EditDialog } from '../../components/EditDialog';
import { SelectField, TextField } from '../../components/fields';
import { TimeField } from '../../components/TimeField';
import { useAction } from '../../components/use-action';
import { useT } from '../../i18n';
import { capitalise, shiftKindName, weekdayName } from '../../i18n/labels';
import { newPatternForm, patternFormErrors, patternFormToInput, patternToForm } from './rota-form';
import type { PatternForm } from './rota-form';
import { bindPerson, PersonField, rotaLabels, useRotaForm } from './rota-fields';
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
  const { t } = useT();
  const { form, choices, officeOptions } = useRotaForm<PatternForm>({
    id: 'pattern',
    rota,
    keepStaffId: pattern?.staffId ?? null,
    initial: (people) => (pattern ? patternToForm(people, pattern) : newPatternForm(people, prefill)),
    validate: patternFormErrors,
  });
  const removal = useAction();
  const labels = {
    ...rotaLabels(t),
    weekdays: t('rota.weekdays'),
    intervalWeeks: t('rota.intervalWeeks'),
    from: t('rota.patternFrom'),
    to: t('rota.patternTo'),
  };

  async function save() {
    const saved = await form.submit(async () => {
      const input = patternFormToInput(form.values, choices);
      if (pattern) await api.call('rota.updatePattern', { ...input, id: pattern.id });
      else await api.call('rota.createPattern', input);
    });
    if (saved) onSaved({ kind: 'other', messageKey: 'rota.patternSaved' });
  }

  async function remove(existing: RecurringPattern) {
    if (await removal.run(() => api.call('rota.removePattern', { id: existing.id }))) onSaved({ kind: 'other', messageKey: 'rota.patternDeleted' });
  }

  return (
    <EditDialog
      title={pattern ? t('rota.editPatternTitle') : t('rota.newPatternTitle')}
      wide
      onClose={onClose}
      form={form}
      labelFor={labels}
      onSubmit={() => void save()}
      intro={<p className="field-hint">{t('rota.patternIntro')}</p>}
      action={removal}
      actionFailedTitle={t('rota.actionFailed')}
      remove={pattern ? { label: t('rota.deletePattern'), confirmText: t('rota.confirmDeletePattern'), onConfirm: () => void remove(pattern) } : undefined}
    >
      <PersonField {...bindPerson(form)} choices={choices} autoFocus />
      <div className="dialog-grid">
        <SelectField {...form.bind('officeId')} label={labels.officeId} placeholder={t('rota.chooseOffice')} options={officeOptions} />
        <SelectField {...form.bind('kind')} label={labels.kind} options={SHIFT_KINDS.map((kind) => ({ value: kind, label: shiftKindName(t, kind) }))} />
        <div className="dialog-grid dialog-grid--times">
          <TimeField {...form.bind('start')} label={labels.start} />
          <TimeField {...form.bind('end')} label={labels.end} />
        </div>
      </div>
      <CheckboxGroup
        {...form.bind<number[]>('weekdays')}
        legend={labels.weekdays}
        options={WEEKDAYS.map((day) => ({ value: day, label: capitalise(weekdayName(t, day)) }))}
      />
      <div className="dialog-grid">
        <TextField
          {...form.bind('intervalWeeks')}
          label={labels.intervalWeeks}
          hint={t('rota.intervalHint')}
          inputMode="numeric"
          width="short"
          maxLength={2}
          suffix={t('rota.weeksUnit')}
        />
        <DateField {...form.bind('from')} label={labels.from} />
        <DateField {...form.bind('to')} label={labels.to} hint={t('rota.patternToHint')} optional />
      </div>
      <TextField {...form.bind('note')} label={labels.note} optional maxLength={500} />
    </EditDialog>
  );
}
