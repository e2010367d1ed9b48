// The service's refusals and the checks every endpoint shares: protocol version, the device's own cooperation, a body against its schema.
import type { z } from 'zod';
import { MIN_SUPPORTED_PROTOCOL_VERSION, SYNC_PROTOCOL_VERSION } from '../sync/protocol';
import type { SyncErrorCode } from '../sync/protocol';
import type { StoredDevice } from './storage';

/** A refusal with an HTTP status and a code from the protocol's list. */
export class SyncServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: SyncErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncServiceError';
  }
}

export function checkProtocol(version: unknown): void {
  const number = typeof version === 'number' ? version : Number(version);
  if (!Number.isInteger(number) || number < MIN_SUPPORTED_PROTOCOL_VERSION || number > SYNC_PROTOCOL_VERSION) {
    throw new SyncServiceError(
      400,
      'protocol.unsupported',
      `Protocol version ${String(version)} is not supported; this server speaks ${MIN_SUPPORTED_PROTOCOL_VERSION}–${SYNC_PROTOCOL_VERSION}.`,
    );
  }
}

/** A device only ever reaches its own cooperation. */
export function checkCooperation(device: StoredDevice, cooperationId: string | undefined): void {
  if (cooperationId !== device.cooperationId) {
    throw new SyncServiceError(403, 'sync.wrongCooperation', 'This device belongs to another cooperation than the request names.');
  }
}

export function parseRequest<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new SyncServiceError(400, 'request.malformed', `Malformed request: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid'}`);
  }
  return result.data;
}
