// The lock: counts idle time (useAutoLock) and covers the whole window with an opaque unlock form; the page underneath keeps its state.
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { ApiCallError, toClientError } from '../api/errors';
import type { ClientApiError } from '../api/errors';
import { TextField } from '../components/fields';
import { Form, FormActions } from '../components/Form';
import { Notice } from '../components/page';
import { useT } from '../i18n';
import { useLock } from '../stores/lock';
import { useSession } from '../stores/session';
import { createIdleTracker } from './idle-tracker';

const CHECK_EVERY_MS = 5_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

/** Locks the screen after this device's idle minutes and reports activity to the backend while the user works. */
export function useAutoLock(): void {
  const sessionToken = useSession((state) => state.sessionToken);
  useEffect(() => {
    if (!sessionToken) return;
    useLock.getState().reset();
    let stopped = false;
    const tracker = createIdleTracker({
      now: () => Date.now(),
      minutes: () => useLock.getState().autoLockMinutes,
      onIdle: () => void useLock.getState().lock('inactivity'),
      report: () => {
        api
          .call('session.activity', {})
          .then((result) => !stopped && useLock.getState().setAutoLockMinutes(result.autoLockMinutes))
          .catch(() => undefined); // auth.locked is handled by the client hook; other failures change nothing here
      },
    });
    void api
      .call('session.lockState', {})
      .then((state) => {
        if (stopped) return;
        useLock.getState().setAutoLockMinutes(state.autoLockMinutes);
        if (state.locked) useLock.getState().lockedByBackend();
      })
      .catch(() => undefined);
    const onActivity = () => tracker.activity();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    const timer = setInterval(() => tracker.check(), CHECK_EVERY_MS);
    const unsubscribe = useLock.subscribe((state, previous) => {
      if (previous.locked && !state.locked) tracker.reset();
    });
    return () => {
      stopped = true;
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      clearInterval(timer);
      unsubscribe();
    };
  }, [sessionToken]);
}

export function LockScreen() {
  const { t, errorText, fieldErrorText } = useT();
  const user = useSession((state) => state.user);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientApiError | null>(null);
  const inputRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    inputRef.current?.querySelector('input')?.focus();
  }, []);

  if (!user) return null;

  async function unlock() {
    if (password === '') {
      setError({ code: 'validation.failed', fields: { password: 'required' } });
      return;
    }
    setBusy(true);
    try {
      await useLock.getState().unlock(password);
    } catch (caught) {
      setError(caught instanceof ApiCallError ? caught.error : toClientError(caught));
      setPassword('');
      inputRef.current?.querySelector('input')?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <Form className="card lock-card" onSubmit={() => void unlock()}>
        <p className="brand-large" aria-hidden="true">
          {t('app.name')}
        </p>
        <h1 id="lock-title">{t('lock.title')}</h1>
        <p>{t('lock.intro', { name: user.name, username: user.username })}</p>
        {error && (
          <Notice kind="error" role="alert">
            <p>{error.code === 'validation.failed' ? `${t('lock.password')}: ${fieldErrorText('required')}` : errorText(error)}</p>
          </Notice>
        )}
        <div ref={inputRef}>
          <TextField id="lock-password" label={t('lock.password')} type="password" autoComplete="current-password" value={password} onChange={setPassword} />
        </div>
        <FormActions saving={busy} submitLabel={t('lock.unlock')} savingLabel={t('lock.unlocking')}>
          <button type="button" className="button" onClick={() => void useSession.getState().signOut()}>
            {t('lock.switchUser')}
          </button>
        </FormActions>
        <p className="field-hint">{t('lock.switchHint', { name: user.name })}</p>
      </Form>
    </div>
  );
}
