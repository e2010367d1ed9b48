// How a handler is declared: who may call it, how its input is validated, and what it does.
import type { z } from 'zod';
import type { Area } from '../../domain/areas';
import type { Role } from '../../domain/roles';
import type { LocalStore } from '../../db/open';
import type { SyncEngine } from '../../sync/engine';
import type { Session, SessionStore } from './sessions';

/** Who may call: anyone (sign-in, first run), any signed-in user, or users holding one of the listed roles. */
export type Access = 'public' | 'signedIn' | readonly Role[];

export interface BackendEvents {
  /** Tells every window that data in an area changed, so open screens can refresh. */
  emit(event: BackendEvent): void;
}

export type BackendEvent = { type: 'data.changed'; area: Area };

export interface CallContext {
  store: LocalStore;
  /** This device's sync engine (status, sync now, enrolment, device administration), given by whoever created the backend. */
  sync: SyncEngine;
  sessions: SessionStore;
  events: BackendEvents;
  /** The caller's session; null only in public handlers. */
  session: Session | null;
  /** The token the call came with, so sign-out can end exactly this session. */
  sessionToken: string | null;
  now: () => Date;
  /** Epoch ms for inactivity and sign-in lockouts: real elapsed time, separate from `now` (tests move the business date). */
  clockMs: () => number;
}

/** A context where the session is known to exist (signed-in and role-restricted handlers). */
export type SignedInContext = CallContext & { session: Session };

export interface HandlerDef<S extends z.ZodType, R, A extends Access> {
  access: A;
  /** The area whose data the handler writes: after a successful call the backend tells every window it changed. */
  changes?: Area;
  input: S;
  /** May be called by a locked session (unlock, sign-out, lock itself); every other handler answers auth.locked. */
  whileLocked?: true;
  run: (ctx: A extends 'public' ? CallContext : SignedInContext, input: z.output<S>) => R | Promise<R>;
}

export function defineHandler<S extends z.ZodType, R, A extends Access>(def: HandlerDef<S, R, A>): HandlerDef<S, R, A> {
  return def;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the map holds handlers of every input and result type
export type AnyHandler = HandlerDef<z.ZodType, any, Access>;
