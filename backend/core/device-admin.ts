// Device administration from the app: calls the shared service as this enrolled device and turns its refusals into app error codes.
import type Database from 'better-sqlite3';
import { getCooperation } from '../../db/cooperation';
import { listOffices } from '../../db/offices';
import { listStaff } from '../../db/staff';
import { countUsers } from '../../db/users';
import { SyncError } from '../../sync/engine';
import type { SyncEngine } from '../../sync/engine';
import { SYNC_PROTOCOL_VERSION } from '../../sync/protocol';
import type { CreateEnrolmentCodeResponse, DeviceInfo, RevokeDeviceResponse, SetDeviceOfficesResponse } from '../../sync/protocol';
import { SyncTransportError } from '../../sync/transport';
import type { DeviceAuth, SyncTransport } from '../../sync/transport';
import { AppError } from '../errors';
import type { AppErrorCode } from '../errors';

/** What this device holds of its own before it is enrolled: enrolling sends it all to the service and merges it there. */
export interface LocalData {
  hasLocalData: boolean;
  offices: number;
  staff: number;
  users: number;
}

export function localData(db: Database.Database): LocalData {
  const offices = listOffices(db).length;
  const staff = listStaff(db).length;
  const users = countUsers(db);
  return { hasLocalData: getCooperation(db) !== null || offices + staff + users > 0, offices, staff, users };
}

/** The service's refusals as the app explains them; anything unexpected is the service refusing. */
function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof SyncError && error.code === 'sync.credentialInvalid') return new AppError('sync.deviceRejected');
  if (!(error instanceof SyncTransportError)) throw error;
  const map: Partial<Record<SyncTransportError['code'], AppErrorCode>> = {
    network: 'sync.unreachable',
    'server.unavailable': 'sync.unreachable',
    'auth.revoked': 'sync.deviceRejected',
    'auth.invalid': 'sync.deviceRejected',
    'auth.missing': 'sync.deviceRejected',
    'sync.wrongCooperation': 'sync.deviceRejected',
    'device.notFound': 'sync.deviceNotFound',
    'device.cannotRevokeSelf': 'sync.cannotRevokeSelf',
    'device.unknownOffice': 'offices.notFound',
  };
  return new AppError(map[error.code] ?? 'sync.serviceRefused');
}

/** Runs a call to the service as this device; refuses with sync.notEnrolled when the device is not enrolled. */
async function asThisDevice<T>(sync: SyncEngine, call: (access: { transport: SyncTransport; auth: DeviceAuth; cooperation: string }) => Promise<T>): Promise<T> {
  try {
    const access = await sync.credentials();
    if (!access) throw new AppError('sync.notEnrolled');
    return await call(access);
  } catch (error) {
    throw toAppError(error);
  }
}

export function listDevices(sync: SyncEngine): Promise<DeviceInfo[]> {
  return asThisDevice(sync, async ({ transport, auth, cooperation }) => (await transport.listDevices(auth, { cooperation })).devices);
}

export function createEnrolmentCode(sync: SyncEngine, offices: string[], validHours: number): Promise<CreateEnrolmentCodeResponse> {
  return asThisDevice(sync, ({ transport, auth, cooperation }) =>
    transport.createEnrolmentCode(auth, { protocol: SYNC_PROTOCOL_VERSION, cooperationId: cooperation, offices, validHours }),
  );
}

/** Sets the offices another computer (or this one) serves; returns it as listed before (for the audit log) with the offices now served. */
export function setDeviceOffices(sync: SyncEngine, deviceId: string, offices: string[]): Promise<{ device: DeviceInfo; result: SetDeviceOfficesResponse }> {
  return asThisDevice(sync, async ({ transport, auth, cooperation }) => {
    const device = (await transport.listDevices(auth, { cooperation })).devices.find((each) => each.id === deviceId);
    if (!device) throw new AppError('sync.deviceNotFound');
    return { device, result: await transport.setDeviceOffices(auth, { cooperation, deviceId, offices }) };
  });
}

/** Revokes a device of this cooperation; returns it as listed before (for the audit log) with the revocation. */
export function revokeDevice(sync: SyncEngine, deviceId: string): Promise<{ device: DeviceInfo; result: RevokeDeviceResponse }> {
  return asThisDevice(sync, async ({ transport, auth, cooperation }) => {
    const device = (await transport.listDevices(auth, { cooperation })).devices.find((each) => each.id === deviceId);
    if (!device) throw new AppError('sync.deviceNotFound');
    if (device.self) throw new AppError('sync.cannotRevokeSelf');
    return { device, result: await transport.revokeDevice(auth, { cooperation, deviceId }) };
  });
}
