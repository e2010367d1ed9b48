// The root component: shows starting, unreachable, first run, sign-in or the signed-in shell depending on the session phase.
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { LanguageSelect } from '../components/LanguageSelect';
import { Notice, PageTitle } from '../components/page';
import { useT } from '../i18n';
import { FirstRunPage } from '../pages/first-run/FirstRunPage';
import { SignInPage } from '../pages/sign-in/SignInPage';
import { useLock } from '../stores/lock';
import { useSession } from '../stores/session';
import { LockScreen, useAutoLock } from './LockScreen';
import { Shell } from './Shell';

const RETRY_MS = 5000;

export function App() {
  const phase = useSession((state) => state.phase);
  switch (phase) {
    case 'starting':
      return (
        <PublicFrame>
          <Starting />
        </PublicFrame>
      );
    case 'unreachable':
      return (
        <PublicFrame>
          <Unreachable />
        </PublicFrame>
      );
    case 'firstRun':
      return (
        <PublicFrame>
          <FirstRunPage />
        </PublicFrame>
      );
    case 'signIn':
      return (
        <PublicFrame>
          <SignInPage />
        </PublicFrame>
      );
    case 'signedIn':
      return <SignedIn />;
  }
}

/** The shell, and the lock over it: the shell stays mounted (forms keep what was typed) but inert and hidden while locked. */
function SignedIn() {
  useAutoLock();
  const locked = useLock((state) => state.locked);
  return (
    <>
      <div className="lock-underlay" inert={locked} aria-hidden={locked || undefined}>
        <Shell />
      </div>
      {locked && <LockScreen />}
    </>
  );
}

/** Screens before sign-in: just the name and the language switch above the page. */
function PublicFrame({ children }: { children: ReactNode }) {
  const { t } = useT();
  return (
    <div className="public">
      <header className="public-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSelect id="public-language" />
      </header>
      {children}
    </div>
  );
}

function Starting() {
  const { t } = useT();
  return (
    <main className="centered-page" id="main">
      <p className="loading" role="status">
        {t('app.loading')}
      </p>
    </main>
  );
}

function Unreachable() {
  const { t, errorText } = useT();
  const error = useSession((state) => state.startError);
  useEffect(() => {
    // Keep trying quietly: the backend may still be starting or restarting.
    const timer = setInterval(() => void useSession.getState().start(), RETRY_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <main className="centered-page" id="main">
      <PageTitle>{t('app.unreachableTitle')}</PageTitle>
      <Notice kind="error" role="alert">
        <p>{errorText(error ?? { code: 'client.unreachable' })}</p>
      </Notice>
      <button type="button" className="button button--primary" onClick={() => void useSession.getState().start()}>
        {t('app.retry')}
      </button>
    </main>
  );
}
