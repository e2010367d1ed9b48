// Who is signed in: the phase of the app (first run, sign-in, signed in), the session token (memory only) and the user.
import { create } from 'zustand';
import type { ApiOutput, SignedInUser } from '../../../backend/api-types';
import { api } from '../api/client';
import { toClientError } from '../api/errors';
import type { ClientApiError } from '../api/errors';
import { useQueryCache } from './query';

export type SetupStatus = ApiOutput<'setup.status'>;
export type Phase = 'starting' | 'unreachable' | 'firstRun' | 'signIn' | 'signedIn';
/** Why the sign-in screen is shown again, so it can say so. */
export type SignInReason = 'signedOut' | 'sessionLost' | null;

interface SessionState {
  phase: Phase;
  status: SetupStatus | null;
  startError: ClientApiError | null;
  /** Never written to localStorage or sessionStorage: a reload means signing in again. */
  sessionToken: string | null;
  user: SignedInUser | null;
  signInReason: SignInReason;
  /** Asks the backend whether setup is needed and shows first run or sign-in. */
  start(reason?: SignInReason): Promise<void>;
  /** Throws ApiCallError when the credentials are refused. */
  signIn(username: string, password: string): Promise<void>;
  signedIn(result: { sessionToken: string; user: SignedInUser }): void;
  signOut(): Promise<void>;
  /** The backend no longer knows our session (restart, roles changed): back to sign-in with a message. */
  sessionLost(): void;
}

export const useSession = create<SessionState>((set, get) => ({
  phase: 'starting',
  status: null,
  startError: null,
  sessionToken: null,
  user: null,
  signInReason: null,

  async start(reason = null) {
    set({ startError: null });
    try {
      const status = await api.call('setup.status', {});
      // Signed in meanwhile (e.g. setup finished while this status check was under way): stay signed in.
      if (get().phase === 'signedIn') return;
      set({ status, phase: status.needsSetup ? 'firstRun' : 'signIn', signInReason: status.needsSetup ? null : reason });
    } catch (error) {
      if (get().phase === 'signedIn') return;
      set({ phase: 'unreachable', startError: toClientError(error) });
    }
  },

  async signIn(username, password) {
    const result = await api.call('session.signIn', { username, password });
    get().signedIn(result);
  },

  signedIn({ sessionToken, user }) {
    useQueryCache.getState().reset();
    set({ sessionToken, user, phase: 'signedIn', signInReason: null });
  },

  async signOut() {
    try {
      await api.call('session.signOut', {});
    } catch {
      // Signing out locally is what matters; an unreachable backend forgets sessions when it restarts.
    }
    useQueryCache.getState().reset();
    set({ sessionToken: null, user: null, phase: 'signIn', signInReason: 'signedOut' });
    await get().start('signedOut');
  },

  sessionLost() {
    if (get().phase !== 'signedIn') return;
    useQueryCache.getState().reset();
    set({ sessionToken: null, user: null, phase: 'signIn', signInReason: 'sessionLost' });
    void get().start('sessionLost');
  },
}));
