// Device administration over the sync protocol: an enrolled device makes enrolment codes, lists and revokes devices of its own cooperation and sets the offices they serve.
import { z } from 'zod';
import { createEnrolmentCodeRequestSchema, setDeviceOfficesRequestSchema } from '../sync/protocol';
import type { CreateEnrolmentCodeResponse, DeviceInfo, DeviceListResponse, RevokeDeviceResponse, SetDeviceOfficesResponse } from '../sync/protocol';
import { checkCooperation, checkProtocol, parseRequest, SyncServiceError } from './request-checks';
import { officeDisplay } from './service';
import type { SyncService } from './service';
import type { StoredDevice } from './storage';

/**
 * The service trusts an enrolled, non-revoked device with its own cooperation's devices, as it trusts it with the
 * cooperation's data; who may press the buttons is decided on the device (the app allows admins only). A device never
 * reaches another cooperation: naming one is `sync.wrongCooperation`, and another cooperation's device is `device.notFound`,
 * so its existence is not revealed.
 */
export interface DeviceAdmin {
  createEnrolmentCode(device: StoredDevice, body: unknown): Promise<CreateEnrolmentCodeResponse>;
  listDevices(device: StoredDevice, query: Record<string, string | undefined>): Promise<DeviceListResponse>;
  revokeDevice(device: StoredDevice, targetId: string, body: unknown): Promise<RevokeDeviceResponse>;
  /**
   * Sets the offices another device (or this one) serves, authorised like revoking. A device may set its own: it could
   * make an enrolment code for any office just as well, so this gives it nothing new.
   */
  setDeviceOffices(device: StoredDevice, targetId: string, body: unknown): Promise<SetDeviceOfficesResponse>;
}

const revokeBodySchema = z.strictObject({ protocol: z.number().int(), cooperationId: z.string().min(1).max(100) });

/** What a device may see of another: no secret hash and no clock id. */
function toInfo(device: StoredDevice, caller: StoredDevice, names: ReadonlyMap<string, string>): DeviceInfo {
  return {
    id: device.id,
    name: device.name,
    office: officeDisplay(device, names),
    offices: [...device.offices].sort(),
    enrolledAt: device.enrolledAt,
    revokedAt: device.revokedAt,
    self: device.id === caller.id,
  };
}

/** Office ids must name synced offices of the cooperation (not deleted): a typo must not leave a device serving nothing. */
function checkOffices(offices: readonly string[], names: ReadonlyMap<string, string>): void {
  const unknown = offices.filter((id) => !names.has(id));
  if (unknown.length > 0) {
    throw new SyncServiceError(422, 'device.unknownOffice', `No office with id ${unknown.join(', ')} in this cooperation; sync the office first, then try again.`);
  }
}

export function createDeviceAdmin(service: SyncService, now: () => number = Date.now): DeviceAdmin {
  return {
    async createEnrolmentCode(device, body) {
      const request = parseRequest(createEnrolmentCodeRequestSchema, body);
      checkProtocol(request.protocol);
      checkCooperation(device, request.cooperationId);
      checkOffices(request.offices, await service.officeNames(device.cooperationId));
      return service.createEnrolmentCode({
        cooperationId: device.cooperationId,
        offices: request.offices,
        ...(request.validHours !== undefined ? { validHours: request.validHours } : {}),
      });
    },

    async listDevices(device, query) {
      checkProtocol(query.protocol);
      checkCooperation(device, query.cooperation);
      const devices = await service.listDevices(device.cooperationId);
      const names = await service.officeNames(device.cooperationId);
      return { devices: devices.map((each) => toInfo(each, device, names)), serverTime: now() };
    },

    async revokeDevice(device, targetId, body) {
      const request = parseRequest(revokeBodySchema, body);
      checkProtocol(request.protocol);
      checkCooperation(device, request.cooperationId);
      if (targetId === device.id) {
        throw new SyncServiceError(409, 'device.cannotRevokeSelf', 'A device cannot revoke itself; revoke it from another device of the cooperation.');
      }
      const target = (await service.listDevices(device.cooperationId)).find((each) => each.id === targetId);
      if (!target) throw new SyncServiceError(404, 'device.notFound', 'No device with this id in this cooperation.');
      await service.revokeDevice(target.id);
      // Revoking twice (a retried request whose answer was lost) answers with the first revocation.
      const after = (await service.listDevices(device.cooperationId)).find((each) => each.id === targetId);
      return { revoked: true, deviceId: target.id, revokedAt: after?.revokedAt ?? new Date(now()).toISOString() };
    },

    async setDeviceOffices(device, targetId, body) {
      const request = parseRequest(setDeviceOfficesRequestSchema, body);
      checkProtocol(request.protocol);
      checkCooperation(device, request.cooperationId);
      const target = (await service.listDevices(device.cooperationId)).find((each) => each.id === targetId);
      if (!target) throw new SyncServiceError(404, 'device.notFound', 'No device with this id in this cooperation.');
      checkOffices(request.offices, await service.officeNames(device.cooperationId));
      return { deviceId: target.id, offices: await service.setDeviceOffices(target.id, request.offices) };
    },
  };
}
