// Counts idle time for auto-lock (pure, testable): activity resets it, a report goes to the backend at most every 30 s, idle calls onIdle once.
import { ACTIVITY_REPORT_INTERVAL_MS } from '../../../domain/security';

export interface IdleTrackerOptions {
  now: () => number;
  /** Minutes without activity before onIdle; may change while running. */
  minutes: () => number;
  onIdle: () => void;
  /** Tells the backend the user is active (throttled here). */
  report: () => void;
}

export interface IdleTracker {
  /** A key press, click, scroll or touch. */
  activity(): void;
  /** Called by a timer: fires onIdle once when the idle time has passed. */
  check(): void;
  /** After an unlock: counting starts again. */
  reset(): void;
}

export function createIdleTracker(options: IdleTrackerOptions): IdleTracker {
  let lastActivity = options.now();
  let lastReport = lastActivity;
  let idleFired = false;
  return {
    activity() {
      if (idleFired) return; // locked: only unlocking starts the count again
      lastActivity = options.now();
      if (lastActivity - lastReport >= ACTIVITY_REPORT_INTERVAL_MS) {
        lastReport = lastActivity;
        options.report();
      }
    },
    check() {
      if (idleFired) return;
      if (options.now() - lastActivity >= options.minutes() * 60_000) {
        idleFired = true;
        options.onIdle();
      }
    },
    reset() {
      idleFired = false;
      lastActivity = options.now();
      lastReport = lastActivity;
    },
  };
}
