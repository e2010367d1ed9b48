// The access report on a computer that serves only some offices says which offices it does not cover; one serving every office (or not enrolled) says nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setMeta } from '../../db/local-meta';
import { listOffices } from '../../db/offices';
import { syntheticIdentityNumber } from '../../domain/consultations/synthetic';
import { openExampleBackend } from '../../test/helpers/example-backend';
import type { ExampleBackend } from '../../test/helpers/example-backend';

const patient = syntheticIdentityNumber('1975-05-05', 410)!;
const input = { identityNumber: patient, fromDate: '2027-02-01', toDate: '2027-02-28' };

let example: ExampleBackend;
let admin: string;

beforeEach(async () => {
  example = await openExampleBackend(() => new Date('2027-02-15T12:00:00Z'));
  admin = await example.signIn('admin');
});
afterEach(() => example.store.close());

describe('audit.accessReport and the offices this computer serves', () => {
  it('names the offices a one-office computer does not cover', async () => {
    const offices = listOffices(example.store.db);
    const grong = offices.find((office) => office.name.startsWith('Grong'))!;
    // What the engine keeps from the enrolment and every pull (sync/engine.ts): this computer serves Grong only.
    setMeta(example.store.db, 'sync.offices', JSON.stringify([grong.id]));
    const report = await example.ok<{ officesNotCovered: string[] }>('audit.accessReport', input, admin);
    expect(report.officesNotCovered).toEqual(offices.filter((office) => office.id !== grong.id).map((office) => office.name));
    expect(report.officesNotCovered).toHaveLength(offices.length - 1);
  });

  it('names none on an admin computer serving every office, nor on one that is not enrolled', async () => {
    expect((await example.ok<{ officesNotCovered: string[] }>('audit.accessReport', input, admin)).officesNotCovered).toEqual([]);
    const all = listOffices(example.store.db).map((office) => office.id);
    setMeta(example.store.db, 'sync.offices', JSON.stringify(all));
    expect((await example.ok<{ officesNotCovered: string[] }>('audit.accessReport', input, admin)).officesNotCovered).toEqual([]);
  });
});
