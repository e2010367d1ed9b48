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

export function AutoLockSection({ minutes }: { minutes: number }) {
  const { t, fieldErrorText } = useT();
  const [text, setText] = useState(String(minutes));
  const [error, setError] = useState<FormFieldErrorCode | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');

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
    <form
      className="form form--section"
      noValidate
      aria-labelledby="auto-lock-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="auto-lock-title">{t('settings.securityTitle')}</h2>
      <p className="field-hint">{t('settings.securityHint')}</p>
      <TextField
        id="auto-lock-minutes"
        label={t('settings.autoLockMinutes')}
        inputMode="numeric"
        width="short"
        value={text}
        onChange={(value) => {
          setText(value);
          setStatus('idle');
        }}
        error={error ? fieldErrorText(error) : undefined}
        suffix={t('common.minutes')}
      />
      <p className="field-hint">{t('settings.signInLimits', { max: MAX_FAILED_SIGN_INS, minutes: SIGN_IN_LOCKOUT_MINUTES })}</p>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={status === 'saving'}>
          {status === 'saving' ? t('common.saving') : t('settings.autoLockSave')}
        </button>
        <p role="status" className="field-hint">
          {status === 'saved' ? t('settings.autoLockSaved') : status === 'failed' ? `${t('form.notSaved')} ${t('form.inputKept')}` : ''}
        </p>
      </div>
    </form>
  );
}
