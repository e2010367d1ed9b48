// Hybrid logical clock: timestamps that order changes across devices even when wall clocks disagree.
//
// A timestamp is `<wall ms, 15 digits>-<counter, 6 digits>-<device id>` so plain string comparison
// orders them: first by wall time, then counter, then device id as a tie-breaker.

export interface HlcState {
  /** Highest wall time (ms since epoch) this clock has issued or seen. */
  wallMs: number;
  /** Counter for several events within the same wallMs. */
  counter: number;
}

export interface HlcTimestamp extends HlcState {
  deviceId: string;
}

export const DEFAULT_MAX_DRIFT_MS = 24 * 60 * 60 * 1000;
const MAX_COUNTER = 999_999;

export class ClockDriftError extends Error {
  constructor(
    readonly remoteWallMs: number,
    readonly localWallMs: number,
  ) {
    super(`A clock is ${Math.round((remoteWallMs - localWallMs) / 60000)} minutes ahead of this device, beyond the allowed drift`);
  }
}

export function formatHlc(ts: HlcTimestamp): string {
  return `${String(ts.wallMs).padStart(15, '0')}-${String(ts.counter).padStart(6, '0')}-${ts.deviceId}`;
}

export function parseHlc(text: string): HlcTimestamp {
  const match = /^(\d{15})-(\d{6})-(.+)$/.exec(text);
  if (!match) throw new Error(`Not a hybrid logical clock timestamp: ${text}`);
  return { wallMs: Number(match[1]), counter: Number(match[2]), deviceId: match[3] as string };
}

/** The next local timestamp: never lower than any timestamp issued or received before, even if the wall clock went back. */
export function hlcTick(state: HlcState, nowMs: number): HlcState {
  if (nowMs > state.wallMs) return { wallMs: nowMs, counter: 0 };
  return bumpCounter(state.wallMs, state.counter + 1);
}

/**
 * Merges a timestamp received from another device so later local timestamps sort after it.
 * Refuses a remote clock further ahead of our wall clock than maxDriftMs: it would win every conflict.
 */
export function hlcReceive(state: HlcState, remote: HlcState, nowMs: number, maxDriftMs = DEFAULT_MAX_DRIFT_MS): HlcState {
  if (remote.wallMs - nowMs > maxDriftMs) throw new ClockDriftError(remote.wallMs, nowMs);
  const wallMs = Math.max(state.wallMs, remote.wallMs, nowMs);
  if (wallMs === state.wallMs && wallMs === remote.wallMs) return bumpCounter(wallMs, Math.max(state.counter, remote.counter) + 1);
  if (wallMs === state.wallMs) return bumpCounter(wallMs, state.counter + 1);
  if (wallMs === remote.wallMs) return bumpCounter(wallMs, remote.counter + 1);
  return { wallMs, counter: 0 };
}

function bumpCounter(wallMs: number, counter: number): HlcState {
  // A counter overflow only happens after a million events in one millisecond; move time forward instead.
  if (counter > MAX_COUNTER) return { wallMs: wallMs + 1, counter: 0 };
  return { wallMs, counter };
}
