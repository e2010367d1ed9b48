// Starts the app's machinery once: API transport, session hooks, router, change events, and the first status check.
import { api, configureApiClient, initApiTransport } from '../api/client';
import { invalidateArea } from '../stores/query';
import { useLock } from '../stores/lock';
import { useSession } from '../stores/session';
import { startRouter } from './router';

export function bootstrap(): void {
  // First, so the harness token leaves the address bar before the router reads the hash.
  initApiTransport();
  configureApiClient({
    getSessionToken: () => useSession.getState().sessionToken,
    onSessionLost: () => useSession.getState().sessionLost(),
    onLocked: () => useLock.getState().lockedByBackend(),
  });
  startRouter();
  api.subscribe((event) => {
    invalidateArea(event.area);
    // Another window finished first-run setup: this one should offer sign-in instead.
    if (event.area === 'setup' && useSession.getState().phase === 'firstRun') void useSession.getState().start();
  });
  void useSession.getState().start();
}
