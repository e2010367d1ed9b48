// How the client engine reaches the shared service: an interface, and its HTTP implementation over fetch.
import { SYNC_ERROR_CODES, SYNC_PROTOCOL_VERSION } from './protocol';
import type {
  CreateEnrolmentCodeRequest,
  CreateEnrolmentCodeResponse,
  DeviceListResponse,
  DigestResponse,
  EnrolRequest,
  EnrolResponse,
  PullResponse,
  PushRequest,
  PushResponse,
  RevokeDeviceResponse,
  SetDeviceOfficesResponse,
  SnapshotResponse,
  SyncErrorCode,
} from './protocol';

/** A device's credential as sent to the server. */
export interface DeviceAuth {
  deviceId: string;
  secret: string;
}

/** Why a request failed: a server error code, or 'network' when the server could not be reached. */
export class SyncTransportError extends Error {
  constructor(
    readonly code: SyncErrorCode | 'network',
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SyncTransportError';
  }
}

export interface SyncTransport {
  enrol(request: EnrolRequest): Promise<EnrolResponse>;
  push(auth: DeviceAuth, request: PushRequest): Promise<PushResponse>;
  pull(auth: DeviceAuth, query: { cooperation: string; after: number; limit?: number }): Promise<PullResponse>;
  snapshot(auth: DeviceAuth, query: { cooperation: string; after?: string; asOf?: number; total?: number; limit?: number }): Promise<SnapshotResponse>;
  /** The agreement digest of the cells this device may hold (docs/sync-protocol.md). */
  digest(auth: DeviceAuth, query: { cooperation: string }): Promise<DigestResponse>;
  /** Device administration for the device's own cooperation (the app lets only admins call these). */
  createEnrolmentCode(auth: DeviceAuth, request: CreateEnrolmentCodeRequest): Promise<CreateEnrolmentCodeResponse>;
  listDevices(auth: DeviceAuth, query: { cooperation: string }): Promise<DeviceListResponse>;
  revokeDevice(auth: DeviceAuth, request: { cooperation: string; deviceId: string }): Promise<RevokeDeviceResponse>;
  setDeviceOffices(auth: DeviceAuth, request: { cooperation: string; deviceId: string; offices: string[] }): Promise<SetDeviceOfficesResponse>;
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

const TIMEOUT_MS = 60_000;

export function createHttpTransport(serverUrl: string, fetchImpl: FetchLike = fetch as unknown as FetchLike): SyncTransport {
  const base = serverUrl.replace(/\/+$/, '');

  async function request<T>(method: 'GET' | 'POST', path: string, auth: DeviceAuth | null, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { 'x-samvakt-protocol': String(SYNC_PROTOCOL_VERSION), accept: 'application/json' };
    if (auth) headers.authorization = `Bearer ${auth.deviceId}.${auth.secret}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Awaited<ReturnType<FetchLike>>;
    let text: string;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      throw new SyncTransportError('network', 0, `Could not reach ${base}: ${error instanceof Error ? error.message : String(error)}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new SyncTransportError(response.status >= 500 ? 'server.unavailable' : 'request.malformed', response.status, `Not a sync service answer (HTTP ${response.status}).`);
    }
    if (response.status >= 200 && response.status < 300) return parsed as T;
    const error = (parsed as { error?: { code?: unknown; message?: unknown } }).error;
    const code = SYNC_ERROR_CODES.find((known) => known === error?.code) ?? 'server.unavailable';
    throw new SyncTransportError(code, response.status, typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`);
  }

  const query = (params: Record<string, string | number | undefined>) =>
    Object.entries(params)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
      .join('&');

  return {
    enrol: (body) => request('POST', '/v1/enrol', null, body),
    push: (auth, body) => request('POST', '/v1/push', auth, body),
    pull: (auth, params) => request('GET', `/v1/pull?${query({ ...params, protocol: SYNC_PROTOCOL_VERSION })}`, auth),
    snapshot: (auth, params) => request('GET', `/v1/snapshot?${query({ ...params, protocol: SYNC_PROTOCOL_VERSION })}`, auth),
    digest: (auth, params) => request('GET', `/v1/digest?${query({ ...params, protocol: SYNC_PROTOCOL_VERSION })}`, auth),
    createEnrolmentCode: (auth, body) => request('POST', '/v1/devices/enrolment-codes', auth, body),
    listDevices: (auth, params) => request('GET', `/v1/devices?${query({ ...params, protocol: SYNC_PROTOCOL_VERSION })}`, auth),
    revokeDevice: (auth, { cooperation, deviceId }) =>
      request('POST', `/v1/devices/${encodeURIComponent(deviceId)}/revoke`, auth, { protocol: SYNC_PROTOCOL_VERSION, cooperationId: cooperation }),
    setDeviceOffices: (auth, { cooperation, deviceId, offices }) =>
      request('POST', `/v1/devices/${encodeURIComponent(deviceId)}/offices`, auth, { protocol: SYNC_PROTOCOL_VERSION, cooperationId: cooperation, offices }),
  };
}
