// Innstillinger › Turnusgrenser: the rest, day and week limits and legevakt counting the rota warnings use (leads and admins).
import { useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { rotaLimitsSchema } from '../../../../domain/rota/limits';
import { validate } from '../../../../domain/validation';
import type { FieldErrors } from '../../../../domain/validation';
import { api } from '../../api/client';
import { ApiCallError } from '../../api/errors';
import { CheckboxField, TextField } from '../../components/fields';
import { useT } from '../../i18n';
import type { FormFieldErrorCode } from '../../i18n/codes';
import { invalidateArea } from '../../stores/query';
import { SectionForm } from './SectionForm';
import type { SaveStatus } from './SectionForm';

type Limits = ApiOutput<'settings.get'>['rotaLimits'];
const NUMBER_FIELDS = ['minRestHours', 'maxDayHours', 'maxWeekHours', 'coverageGapToleranceMinutes'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

/** Commas are decimal separators in Norwegian; an empty or unreadable field stays NaN so validation names it. */
function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.replace(',', '.'));
}

export function RotaLimitsSection({ limits }: { limits: Limits }) {
  const { t, fieldErrorText } = useT();
  const [texts, setTexts] = useState<Record<NumberField, string>>(() => ({
    minRestHours: String(limits.minRestHours),
    maxDayHours: String(limits.maxDayHours),
    maxWeekHours: String(limits.maxWeekHours),
    coverageGapToleranceMinutes: String(limits.coverageGapToleranceMinutes),
  }));
  const [legevakt, setLegevakt] = useState(limits.legevaktCountsTowardsHours);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<SaveStatus>('idle');

  const input = () => ({ ...Object.fromEntries(NUMBER_FIELDS.map((name) => [name, toNumber(texts[name])])), legevaktCountsTowardsHours: legevakt });

  async function save() {
    const checked = validate(rotaLimitsSchema, input());
    setErrors(checked.ok ? {} : checked.fields);
    if (!checked.ok) return;
    setStatus('saving');
    try {
      await api.call('settings.setRotaLimits', checked.value);
      invalidateArea('settings');
      setStatus('saved');
    } catch (error) {
      if (error instanceof ApiCallError && error.error.fields) setErrors(error.error.fields);
      setStatus('failed');
    }
  }

  const errorFor = (name: string) => {
    const code = errors[name];
    return code ? fieldErrorText(code as FormFieldErrorCode) : undefined;
  };

  return (
    <SectionForm
      id="rota-limits"
      title={t('settings.rotaLimitsTitle')}
      hint={t('settings.rotaLimitsHint')}
      status={status}
      submitLabel={t('settings.rotaLimitsSave')}
      savedText={t('settings.rotaLimitsSaved')}
      onSubmit={() => void save()}
      onEdit={() => setStatus('idle')}
    >
      {NUMBER_FIELDS.map((name) => (
        <TextField
          key={name}
          id={`rota-limits-${name}`}
          label={t(`settings.rotaLimits.${name}`)}
          inputMode="numeric"
          width="short"
          value={texts[name]}
          onChange={(value) => setTexts((current) => ({ ...current, [name]: value }))}
          error={errorFor(name)}
          suffix={name === 'coverageGapToleranceMinutes' ? t('common.minutes') : t('settings.rotaLimits.hoursUnit')}
        />
      ))}
      <CheckboxField
        id="rota-limits-legevakt"
        label={t('settings.rotaLimits.legevaktCountsTowardsHours')}
        hint={t('settings.rotaLimits.legevaktHint')}
        checked={legevakt}
        onChange={setLegevakt}
        error={errorFor('legevaktCountsTowardsHours')}
      />
    </SectionForm>
  );
}
