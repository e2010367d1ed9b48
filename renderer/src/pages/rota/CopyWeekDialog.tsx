// "Kopier uken til de neste N ukene": how many one-off shifts would be copied, for one office or all, then how many were created.
import { addIsoWeeks } from '../../../../domain/calendar/isoWeek';
import { api } from '../../api/client';
import { EditDialog } from '../../components/EditDialog';
import { TextField } from '../../components/fields';
import { parseTypedNumber } from '../../components/parse';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import type { FormFieldErrors } from '../../i18n/codes';
import { copyableShiftCount } from './rota-view';
import type { RotaWeek } from './rota-view';
import type { SavedChange } from './saved-change';

const MAX_WEEKS = 26;

interface CopyForm {
  weeks: string;
  /** '' = all offices. */
  officeId: string;
}

function copyErrors(form: CopyForm): FormFieldErrors {
  const weeks = parseTypedNumber(form.weeks);
  if (weeks === null) return { weeks: 'required' };
  if (!Number.isInteger(weeks)) return { weeks: 'invalidFormat' };
  if (weeks < 1 || weeks > MAX_WEEKS) return { weeks: 'outOfRange' };
  return {};
}

export function CopyWeekDialog({ rota, officeId, onClose, onSaved }: { rota: RotaWeek; officeId: string | null; onClose: () => void; onSaved: (change: SavedChange) => void }) {
  const { t } = useT();
  const form = useForm<CopyForm>({
    id: 'copy',
    initial: { weeks: '1', officeId: officeId ?? '' },
    validate: copyErrors,
    messageFor: (_path, code) => (code === 'outOfRange' ? t('rota.copyWeeksRange', { max: MAX_WEEKS }) : undefined),
  });
  const values = form.values;
  const scope = values.officeId === '' ? null : values.officeId;
  const count = copyableShiftCount(rota, scope);
  const weeks = parseTypedNumber(values.weeks);
  const validWeeks = weeks !== null && Number.isInteger(weeks) && weeks >= 1 && weeks <= MAX_WEEKS ? weeks : null;
  const officeName = rota.offices.find((office) => office.id === officeId)?.name ?? '';

  async function copy() {
    const saved = await form.submit(() => api.call('rota.copyWeek', { week: rota.week, weeks: validWeeks ?? 1, officeId: scope }));
    if (!saved || validWeeks === null) return;
    const result = saved.value.created;
    const first = addIsoWeeks(rota.week, 1).week;
    const last = addIsoWeeks(rota.week, validWeeks).week;
    onSaved(
      result === 0
        ? { kind: 'other', messageKey: 'rota.copiedNone' }
        : { kind: 'other', messageKey: 'rota.copied', params: { count: result, weeks: first === last ? String(first) : `${first}–${last}` } },
    );
  }

  return (
    <EditDialog
      title={t('rota.copyTitle', { week: rota.week.week })}
      onClose={onClose}
      form={form}
      labelFor={() => t('rota.copyWeeks')}
      onSubmit={() => void copy()}
      footer={{ submitLabel: t('rota.copyConfirm'), savingLabel: t('rota.copying'), submitDisabled: count === 0 }}
    >
      <TextField
        {...form.bind('weeks')}
        label={t('rota.copyWeeks')}
        hint={t('rota.copyWeeksHint', { max: MAX_WEEKS })}
        inputMode="numeric"
        width="short"
        maxLength={2}
        suffix={t('rota.weeksUnit')}
        autoFocus
      />
      {officeId && (
        <fieldset className="fieldset fieldset--compact">
          <legend>{t('rota.copyScope')}</legend>
          <div className="checkbox-row">
            <div className="field field--checkbox">
              <input id="copy-scope-office" type="radio" name="copy-scope" checked={values.officeId !== ''} onChange={() => form.set('officeId', officeId)} />
              <label htmlFor="copy-scope-office">{t('rota.copyScopeOffice', { office: officeName })}</label>
            </div>
            <div className="field field--checkbox">
              <input id="copy-scope-all" type="radio" name="copy-scope" checked={values.officeId === ''} onChange={() => form.set('officeId', '')} />
              <label htmlFor="copy-scope-all">{t('overview.allOffices')}</label>
            </div>
          </div>
        </fieldset>
      )}
      <p className="copy-summary" role="status">
        {count === 0 ? t('rota.copyNothing') : t('rota.copySummary', { count, total: count * (validWeeks ?? 0), weeks: validWeeks ?? '–' })}
      </p>
      <p className="field-hint">{t('rota.copyPatternsNote')}</p>
    </EditDialog>
  );
}
