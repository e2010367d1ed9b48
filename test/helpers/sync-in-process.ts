// Test helper: a sync transport that calls the shared service in this process, with faults (lost, duplicated, delayed messages) on demand.
import { createDeviceAdmin } from '../../server/device-admin';
import { SyncServiceError } from '../../server/request-checks';
import type { SyncService } from '../../server/service';
import { SYNC_PROTOCOL_VERSION } from '../../sync/protocol';
import type { PushRequest } from '../../sync/protocol';
import { SyncTransportError } from '../../sync/transport';
import type { DeviceAuth, SyncTransport } from '../../sync/transport';

export type Fault = 'none' | 'loseRequest' | 'loseResponse' | 'duplicate' | 'delay';

export interface FaultyTransportOptions {
  /** Decides the fault for each request; 'none' when absent. */
  fault?: () => Fault;
  /** Where delayed pushes wait to be delivered later (shared by all devices, so they arrive out of order). */
  delayed?: { auth: DeviceAuth; request: PushRequest }[];
  /** Tells whether the device is offline (every request fails as unreachable). */
  offline?: () => boolean;
}

const PROTOCOL = String(SYNC_PROTOCOL_VERSION);
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    // A JSON round trip, like the wire: nothing is shared by reference between client and server.
    return copy(await fn());
  } catch (error) {
    if (error instanceof SyncServiceError) throw new SyncTransportError(error.code, error.status, error.message);
    throw error;
  }
}

function unreachable(): never {
  throw new SyncTransportError('network', 0, 'simulated: request lost');
}

export function createInProcessTransport(service: SyncService, options: FaultyTransportOptions = {}): SyncTransport {
  const fault = () => (options.offline?.() ? 'loseRequest' : (options.fault?.() ?? 'none'));
  const device = (auth: DeviceAuth) => service.authenticate(`Bearer ${auth.deviceId}.${auth.secret}`);
  const admin = createDeviceAdmin(service);
  const reachable = () => {
    if (fault() === 'loseRequest') unreachable();
  };
  /** A read that may be lost on its way to the service or on its way back. */
  async function lossyRead<T>(send: () => Promise<T>): Promise<T> {
    const chosen = fault();
    if (chosen === 'loseRequest') unreachable();
    const response = await call(send);
    if (chosen === 'loseResponse') unreachable();
    return response;
  }
  return {
    async createEnrolmentCode(auth, request) {
      reachable();
      return call(async () => admin.createEnrolmentCode(await device(auth), copy(request)));
    },
    async listDevices(auth, query) {
      reachable();
      return call(async () => admin.listDevices(await device(auth), { protocol: PROTOCOL, cooperation: query.cooperation }));
    },
    async revokeDevice(auth, { cooperation, deviceId }) {
      reachable();
      return call(async () => admin.revokeDevice(await device(auth), deviceId, { protocol: SYNC_PROTOCOL_VERSION, cooperationId: cooperation }));
    },
    digest: (auth, query) => lossyRead(async () => service.digest(await device(auth), { cooperation: query.cooperation, protocol: PROTOCOL })),
    async setDeviceOffices(auth, { cooperation, deviceId, offices }) {
      reachable();
      return call(async () => admin.setDeviceOffices(await device(auth), deviceId, { protocol: SYNC_PROTOCOL_VERSION, cooperationId: cooperation, offices }));
    },
    enrol: (request) => call(() => service.enrol(copy(request))),
    async push(auth, request) {
      const chosen = fault();
      if (chosen === 'loseRequest') unreachable();
      if (chosen === 'delay') {
        options.delayed?.push({ auth, request: copy(request) });
        unreachable();
      }
      const response = await call(async () => service.push(await device(auth), copy(request)));
      if (chosen === 'duplicate') await call(async () => service.push(await device(auth), copy(request)));
      if (chosen === 'loseResponse') unreachable();
      return response;
    },
    pull: (auth, query) =>
      lossyRead(async () =>
        service.pull(await device(auth), { cooperation: query.cooperation, after: String(query.after), protocol: PROTOCOL, ...(query.limit ? { limit: String(query.limit) } : {}) }),
      ),
    snapshot: (auth, query) =>
      lossyRead(async () =>
        service.snapshot(await device(auth), {
          cooperation: query.cooperation,
          protocol: PROTOCOL,
          ...(query.after ? { after: query.after } : {}),
          ...(query.asOf !== undefined ? { asOf: String(query.asOf) } : {}),
          ...(query.total !== undefined ? { total: String(query.total) } : {}),
          ...(query.limit ? { limit: String(query.limit) } : {}),
        }),
      ),
  };
}

/** Delivers the delayed pushes (in the order given) as if they finally arrived. */
export async function deliverDelayed(service: SyncService, delayed: { auth: DeviceAuth; request: PushRequest }[]): Promise<void> {
  for (const { auth, request } of delayed.splice(0)) {
    const device = await service.authenticate(`Bearer ${auth.deviceId}.${auth.secret}`);
    await service.push(device, request);
  }
}
