// This device's hybrid logical clock, persisted in local_meta so it stays monotonic across restarts.
import type Database from 'better-sqlite3';
import { formatHlc, hlcReceive, hlcTick } from '../domain/hlc';
import type { HlcState } from '../domain/hlc';
import { newId } from './ids';
import { getMeta, setMeta } from './local-meta';

export interface DeviceClock {
  readonly deviceId: string;
  /** Issues the next timestamp (as sortable text) and persists the clock state. */
  tick(): string;
  /** Merges a timestamp seen from another device. */
  receive(remote: HlcState): void;
  /** Wall time (ms) of the newest change this device has made or received; 0 before the first. */
  latestWallMs(): number;
}

export function createDeviceClock(db: Database.Database, now: () => number = Date.now): DeviceClock {
  let deviceId = getMeta(db, 'device.id');
  if (!deviceId) {
    deviceId = newId();
    setMeta(db, 'device.id', deviceId);
  }
  const saved = getMeta(db, 'hlc.state');
  let state: HlcState = saved ? (JSON.parse(saved) as HlcState) : { wallMs: 0, counter: 0 };
  const save = () => setMeta(db, 'hlc.state', JSON.stringify(state));
  const id = deviceId;
  return {
    deviceId: id,
    tick() {
      state = hlcTick(state, now());
      save();
      return formatHlc({ ...state, deviceId: id });
    },
    receive(remote) {
      state = hlcReceive(state, remote, now());
      save();
    },
    latestWallMs: () => state.wallMs,
  };
}
