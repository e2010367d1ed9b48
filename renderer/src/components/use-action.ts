// State of a one-off action beside a form or list (delete, restore, revoke …): busy while it runs, its failure, and the inline "really?" step.
import { useState } from 'react';
import { toClientError } from '../api/errors';
import type { ClientApiError } from '../api/errors';

export interface ActionState {
  busy: boolean;
  /** The last run's failure, until the next run. */
  error: ClientApiError | null;
  /** Whether the "really delete?" confirmation is shown. */
  confirming: boolean;
  setConfirming(confirming: boolean): void;
  /** Runs the action; resolves true when it succeeded, false when it failed (the error is kept and the confirmation closed). */
  run(action: () => Promise<unknown>): Promise<boolean>;
}

export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientApiError | null>(null);
  const [confirming, setConfirming] = useState(false);
  return {
    busy,
    error,
    confirming,
    setConfirming,
    async run(action) {
      setBusy(true);
      setError(null);
      try {
        await action();
        return true;
      } catch (caught) {
        setConfirming(false);
        setError(toClientError(caught));
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}
