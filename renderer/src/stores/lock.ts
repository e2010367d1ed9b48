// Whether the screen is locked (the lock covers the page, which keeps its state underneath) and this device's auto-lock minutes.
import { create } from 'zustand';
import { AUTO_LOCK_DEFAULT_MINUTES } from '../../../domain/security';
import type { LockReason } from '../../../domain/security';
import { api } from '../api/client';
import { ApiCallError } from '../api/errors';
import { useSession } from './session';

interface LockState {
  locked: boolean;
  autoLockMinutes: number;
  /** Covers the screen at once, then tells the backend (which refuses every other call until unlock). */
  lock(reason: LockReason): Promise<void>;
  /** Throws ApiCallError when the password is refused; too many tries end the session. */
  unlock(password: string): Promise<void>;
  /** The backend answered auth.locked (it locked on its own): show the lock. */
  lockedByBackend(): void;
  setAutoLockMinutes(minutes: number): void;
  /** A new sign-in or sign-out: nothing is locked. */
  reset(): void;
}

export const useLock = create<LockState>((set) => ({
  locked: false,
  autoLockMinutes: AUTO_LOCK_DEFAULT_MINUTES,

  async lock(reason) {
    set({ locked: true });
    try {
      await api.call('session.lock', { reason });
    } catch {
      // Covered locally either way; the backend locks on its own shortly after (activity reports have stopped).
    }
  },

  async unlock(password) {
    try {
      await api.call('session.unlock', { password });
      set({ locked: false });
    } catch (error) {
      if (error instanceof ApiCallError && error.error.code === 'auth.tooManyAttempts') {
        // The backend ended the session: back to sign-in, which explains the lockout when someone tries.
        set({ locked: false });
        useSession.getState().sessionLost();
      }
      throw error;
    }
  },

  lockedByBackend: () => set({ locked: true }),
  setAutoLockMinutes: (minutes) => set({ autoLockMinutes: minutes }),
  reset: () => set({ locked: false }),
}));
