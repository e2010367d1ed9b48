// Draft weeks and rota notices across two computers and the real service: a draft stays hidden from a nurse at the other office, the published week and its notice reach her after sync, and "Lest" there clears it on the lead's computer too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addIsoWeeks, isoWeekDates, isoWeekOf } from '../../domain/calendar/isoWeek';
import { osloToday } from '../../domain/calendar/oslo';
import type { InboxItem } from '../../domain/inbox';
import { startSyncServer } from '../../server/http';
import type { RunningSyncServer } from '../../server/http';
import { createSyncService } from '../../server/service';
import { createSqliteStorage } from '../../server/sqlite-storage';
import { rotaNoticesFor } from '../../backend/read-models/rota-notices';
import { syncingComputer } from '../helpers/syncing-computer';

function computer() {
  const { store, sync, call, signIn } = syncingComputer();
  const syncNow = async () => expect((await sync.syncNow()).lastErrorCode).toBeNull();
  return { store, sync, call, signIn, syncNow };
}

describe('draft weeks and rota notices across computers', () => {
  let server: RunningSyncServer;
  let grong: ReturnType<typeof computer>;
  let lierne: ReturnType<typeof computer>;
  let grongId: string;
  let marte: string;
  let nurseUserId: string;
  const week = addIsoWeeks(isoWeekOf(osloToday()), 2);

  beforeAll(async () => {
    const service = createSyncService({ storage: createSqliteStorage(':memory:'), log: () => undefined });
    server = await startSyncServer({ service, port: 0, log: () => undefined, rateLimit: { perSecond: 1000, burst: 5000 } });
    grong = computer();
    await grong.call('setup.loadExample', {});
    const admin = await grong.signIn('admin');
    const first = await service.createEnrolmentCode({ cooperationId: 'indre-namdal', office: 'Grong legekontor' });
    await grong.call('sync.enrol', { serverUrl: server.url, code: first.code, confirmMerge: true }, admin);
    lierne = computer();
    const second = await service.createEnrolmentCode({ cooperationId: 'indre-namdal', office: 'Lierne legekontor' });
    expect((await lierne.sync.enrol({ serverUrl: server.url, code: second.code })).lastErrorCode).toBeNull();
    const offices = await grong.call<{ id: string; name: string }[]>('offices.list', {}, admin);
    grongId = offices.find((office) => office.name === 'Grong legekontor')!.id;
    marte = (await grong.call<{ id: string; name: string }[]>('staff.list', {}, admin)).find((member) => member.name === 'Marte Kvernmo')!.id;
    nurseUserId = (await grong.call<{ id: string; username: string }[]>('users.list', {}, admin)).find((user) => user.username === 'sykepleier')!.id;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    grong?.store.close();
    lierne?.store.close();
  });

  it('keeps a draft from the nurse on the other computer, then brings her the week and the notice; Lest there clears it here', async () => {
    const lead = await grong.signIn('leder');
    await grong.call('rota.makeDraft', { officeId: grongId, fromWeek: week }, lead);
    const { id: shiftId } = await grong.call<{ id: string }>('rota.createShift', { staffId: marte, officeId: grongId, date: isoWeekDates(week)[2]!, start: '09:15', end: '14:45', kind: 'clinic' }, lead);
    await grong.syncNow();
    await lierne.syncNow();

    const nurse = await lierne.signIn('sykepleier');
    const shiftsThere = async () => (await lierne.call<{ shifts: { id: string; officeId: string }[] }>('rota.week', { week }, nurse)).shifts;
    expect(lierne.store.db.prepare('SELECT count(*) FROM shifts WHERE id = ?').pluck().get(shiftId)).toBe(1);
    expect((await shiftsThere()).filter((shift) => shift.officeId === grongId)).toEqual([]);

    await grong.call('rota.publishWeeks', { officeId: grongId, fromWeek: week, throughWeek: week }, lead);
    await grong.syncNow();
    await lierne.syncNow();
    expect((await shiftsThere()).map((shift) => shift.id)).toContain(shiftId);
    const inbox = await lierne.call<{ items: InboxItem[] }>('requests.inbox', {}, nurse);
    const notice = inbox.items.find((item) => item.kind === 'rotaPublished');
    expect(notice?.params).toMatchObject({ weeks: String(week.week), office: 'Grong legekontor' });

    await lierne.call('rota.markNoticeRead', { id: notice!.actions[0]!.requestId }, nurse);
    await lierne.syncNow();
    expect(rotaNoticesFor(grong.store, nurseUserId, new Date()).filter((item) => item.kind === 'rotaPublished')).toHaveLength(1);
    await grong.syncNow();
    expect(rotaNoticesFor(grong.store, nurseUserId, new Date()).filter((item) => item.kind === 'rotaPublished')).toEqual([]);
  }, 60_000);
});
