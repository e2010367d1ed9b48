// Innstillinger › Automatisk låsing: minutes without use before this device's screen locks (admins), and the sign-in limits.
import { useState } from 'react';
import { autoLockSchema, MAX_FAILED_SIGN_INS, SIGN_IN_LOCKOUT_MINUTES } from '../../../../domain/security';
import { validate } from '../../../../domain/validation';
import { api } from '../../api/client';
import { ApiCallError } from '../../api/errors';
import { TextField } from '../../components/fields';
import { useT } from '../../i18n';
import type { FormFieldErrorCode } from '../../i18n/codes';
import { invalidateArea } from '../../stores/query';
import { useLock } from '../../stores/lock';
import { SectionForm } from './SectionForm';
import type { SaveStatus } from './SectionForm';

export function AutoLockSection({ minutes }: { minutes: number }) {
  const { t, fieldErrorText } = useT();
  const [text, setText] = useState(String(minutes));
  const [error, setError] = useState<FormFieldErrorCode | null>(null);
  const [status, setStatus] = useState<SaveStatus>('idle');

  async function save() {
    const checked = validate(autoLockSchema, { minutes: text.trim() === '' ? Number.NaN : Number(text.replace(',', '.')) });
    setError(checked.ok ? null : ((checked.fields.minutes ?? 'invalidFormat') as FormFieldErrorCode));
    if (!checked.ok) return;
    setStatus('saving');
    try {
      await api.call('settings.setAutoLock', checked.value);
      useLock.getState().setAutoLockMinutes(checked.value.minutes);
      invalidateArea('settings');
      setStatus('saved');
    } catch (caught) {
      if (caught instanceof ApiCallError && caught.error.fields?.minutes) setError(caught.error.fields.minutes as FormFieldErrorCode);
      setStatus('failed');
    }
  }

  return (
    <SectionForm
      id="auto-lock"
      title={t('settings.securityTitle')}
      hint={t('settings.securityHint')}
      status={status}
      submitLabel={t('settings.autoLockSave')}
      savedText={t('settings.autoLockSaved')}
      onSubmit={() => void save()}
      onEdit={() => setStatus('idle')}
    >
      <TextField
        id="auto-lock-minutes"
        label={t('settings.autoLockMinutes')}
        inputMode="numeric"
        width="short"
        value={text}
        onChange={setText}
        error={error ? fieldErrorText(error) : undefined}
        suffix={t('common.minutes')}
      />
      <p className="field-hint">{t('settings.signInLimits', { max: MAX_FAILED_SIGN_INS, minutes: SIGN_IN_LOCKOUT_MINUTES })}</p>
    </SectionForm>
  );
}
