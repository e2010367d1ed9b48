// Device administration over the sync protocol: an enrolled device makes enrolment codes, lists and revokes devices of its own cooperation.
import { z } from 'zod';
import { createEnrolmentCodeRequestSchema } from '../sync/protocol';
import type { CreateEnrolmentCodeResponse, DeviceInfo, DeviceListResponse, RevokeDeviceResponse } from '../sync/protocol';
import { checkCooperation, checkProtocol, parseRequest, SyncServiceError } from './request-checks';
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
}

const revokeBodySchema = z.strictObject({ protocol: z.number().int(), cooperationId: z.string().min(1).max(100) });

/** What a device may see of another: no secret hash and no clock id. */
function toInfo(device: StoredDevice, caller: StoredDevice): DeviceInfo {
  return { id: device.id, name: device.name, office: device.office, offices: [], enrolledAt: device.enrolledAt, revokedAt: device.revokedAt, self: device.id === caller.id };
}

export function createDeviceAdmin(service: SyncService, now: () => number = Date.now): DeviceAdmin {
  return {
    async createEnrolmentCode(device, body) {
      const request = parseRequest(createEnrolmentCodeRequestSchema, body);
      checkProtocol(request.protocol);
      checkCooperation(device, request.cooperationId);
      return service.createEnrolmentCode({
        cooperationId: device.cooperationId,
        office: request.offices.join(', '),
        ...(request.validHours !== undefined ? { validHours: request.validHours } : {}),
      });
    },

    async listDevices(device, query) {
      checkProtocol(query.protocol);
      checkCooperation(device, query.cooperation);
      const devices = await service.listDevices(device.cooperationId);
      return { devices: devices.map((each) => toInfo(each, device)), serverTime: now() };
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
  };
}
