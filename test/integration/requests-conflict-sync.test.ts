// Two leads approve different nurses for one open shift on two computers before syncing: after sync both computers keep the later approval, the rota agrees with it, and the overruled nurse and both leads are told.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar/dates';
import { osloToday } from '../../domain/calendar/oslo';
import type { InboxItem } from '../../domain/inbox';
import { getShift } from '../../db/rota';
import { startSyncServer } from '../../server/http';
import type { RunningSyncServer } from '../../server/http';
import { createSyncService } from '../../server/service';
import { createSqliteStorage } from '../../server/sqlite-storage';
import { syncingComputer } from '../helpers/syncing-computer';

function computer() {
  const { store, sync, call, signIn } = syncingComputer();
  const syncNow = async () => expect((await sync.syncNow()).lastErrorCode).toBeNull();
  const inbox = async (token: string) => (await call<{ items: InboxItem[] }>('requests.inbox', {}, token)).items;
  return { store, sync, call, signIn, syncNow, inbox };
}

describe('two leads approving one open shift offline', () => {
  let server: RunningSyncServer;
  let grong: ReturnType<typeof computer>;
  let lierne: ReturnType<typeof computer>;
  const person: Record<string, string> = {};

  beforeAll(async () => {
    const service = createSyncService({ storage: createSqliteStorage(':memory:'), log: () => undefined });
    server = await startSyncServer({ service, port: 0, log: () => undefined, rateLimit: { perSecond: 1000, burst: 5000 } });
    grong = computer();
    await grong.call('setup.loadExample', {});
    const admin = await grong.signIn('admin');
    for (const member of await grong.call<{ id: string; name: string }[]>('staff.list', {}, admin)) person[member.name] = member.id;
    // A second lead at Grong (Gunn Jørsdal) and a second nurse (Jonas Sandmo).
    await grong.call('users.create', { staffId: person['Gunn Jørsdal'], username: 'leder2', password: 'demo-samvakt', roles: ['lead'] }, admin);
    await grong.call('users.create', { staffId: person['Jonas Sandmo'], username: 'sykepleier2', password: 'demo-samvakt', roles: ['nurse'] }, admin);
    const first = await service.createEnrolmentCode({ cooperationId: 'indre-namdal', office: 'Grong legekontor' });
    await grong.call('sync.enrol', { serverUrl: server.url, code: first.code, confirmMerge: true }, admin);
    lierne = computer();
    const second = await service.createEnrolmentCode({ cooperationId: 'indre-namdal', office: 'Lierne legekontor' });
    expect((await lierne.sync.enrol({ serverUrl: server.url, code: second.code })).lastErrorCode).toBeNull();
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    grong?.store.close();
    lierne?.store.close();
  });

  it('keeps the later approval on both computers, the shift agrees, and everyone concerned is told', async () => {
    const leadA = await grong.signIn('leder');
    const offices = await grong.call<{ id: string; name: string }[]>('offices.list', {}, leadA);
    const grongOffice = offices.find((office) => office.name === 'Grong legekontor')!.id;
    const date = addDays(osloToday(), 10);
    const { id } = await grong.call<{ id: string }>(
      'requests.publishOpenShift',
      { officeId: grongOffice, date, start: '18:00', end: '22:00', kind: 'clinic', profession: 'nurse', requiredCompetenceTypeIds: [], note: null },
      leadA,
    );
    await grong.call('requests.ask', { requestId: id }, await grong.signIn('sykepleier'));
    await grong.syncNow();
    await lierne.syncNow();
    await lierne.call('requests.ask', { requestId: id }, await lierne.signIn('sykepleier2'));
    await lierne.syncNow();
    await grong.syncNow();

    // Neither syncs between the two decisions: Grong's lead approves Marte, then the second lead at Lierne approves Jonas.
    await grong.call('requests.decide', { requestId: id, decision: 'approve', staffId: person['Marte Kvernmo'], note: null }, leadA);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const leadB = await lierne.signIn('leder2');
    await lierne.call('requests.decide', { requestId: id, decision: 'approve', staffId: person['Jonas Sandmo'], note: null }, leadB);
    await grong.syncNow();
    await lierne.syncNow();
    await grong.syncNow();

    for (const [place, pc] of [['Grong', grong], ['Lierne', lierne]] as const) {
      // The rota's last-writer-wins and the inbox's rule name the same person.
      expect(getShift(pc.store.db, id)?.staffId, place).toBe(person['Jonas Sandmo']);
      const answerTo = async (username: string) => (await pc.inbox(await pc.signIn(username))).filter((item) => item.id.startsWith(id));
      const marte = await answerTo('sykepleier');
      expect(marte.map((item) => item.kind).sort(), place).toEqual(['decisionOverruled', 'openShiftTakenByOther']);
      expect(marte.find((item) => item.kind === 'decisionOverruled')?.params, place).toMatchObject({ keptPerson: 'Jonas Sandmo', overruledPerson: 'Marte Kvernmo' });
      expect((await answerTo('sykepleier2')).map((item) => item.kind), place).toEqual(['openShiftGranted']);
      expect((await answerTo('leder')).map((item) => item.kind), place).toEqual(['decisionOverruled']);
      expect((await answerTo('leder2')).map((item) => item.kind), place).toEqual(['decisionOverruled']);
    }
  }, 120_000);
});
