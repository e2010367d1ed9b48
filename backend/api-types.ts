// Types of the API that the renderer and transports use: method names, inputs, outputs and results.
import type { z } from 'zod';
import type { ApiError } from './errors';
import type { BackendEvent } from './core/handler';
import type { Handlers } from './handlers/index';

export type { ApiError, AppErrorCode } from './errors';
export type { BackendEvent } from './core/handler';
export type { SignedInUser } from './handlers/session';
export type { Handlers };

export type ApiMethod = keyof Handlers;
export type ApiInput<M extends ApiMethod> = z.input<Handlers[M]['input']>;
export type ApiOutput<M extends ApiMethod> = Awaited<ReturnType<Handlers[M]['run']>>;
export type ApiResult<M extends ApiMethod> = { ok: true; value: ApiOutput<M> } | { ok: false; error: ApiError };

/** What a transport offers the renderer: one call channel and one event channel. */
export interface ApiTransport {
  call(method: string, input: unknown, sessionToken: string | null): Promise<{ ok: true; value: unknown } | { ok: false; error: ApiError }>;
  subscribe(listener: (event: BackendEvent) => void): () => void;
}
