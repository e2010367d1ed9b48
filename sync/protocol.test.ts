// The hand-written push check accepts exactly what the protocol's zod schema accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPushRequest, pushRequestSchema } from './protocol';

const hlc = fc.oneof(fc.constant('001764244800000-000000-device-1'), fc.string({ maxLength: 40 }));
const name = fc.oneof(fc.constantFrom('shifts', 'note', 'Shifts', '1x', 'a'.repeat(64)), fc.string({ maxLength: 10 }));
const value = fc.oneof(fc.string({ maxLength: 5 }), fc.double(), fc.integer(), fc.constant(null), fc.boolean(), fc.constant('x'.repeat(100_001)), fc.array(fc.nat(), { maxLength: 2 }));
const change = fc.oneof(
  fc.record({ hlc, table: name, row: fc.string({ maxLength: 3 }), column: name, value }),
  fc.record({ hlc, table: name, row: fc.string({ maxLength: 3 }), column: name, value, extra: fc.nat() }, { requiredKeys: ['hlc', 'table'] }),
  fc.anything(),
);
const body = fc.oneof(
  fc.record({ protocol: fc.oneof(fc.constant(1), fc.double()), cooperationId: fc.string({ maxLength: 101 }), changes: fc.array(change, { maxLength: 4 }) }, { requiredKeys: [] }),
  fc.anything(),
);

describe('push request check', () => {
  it('agrees with the zod schema on random bodies', () => {
    fc.assert(
      fc.property(body, (candidate) => {
        expect(checkPushRequest(candidate).ok).toBe(pushRequestSchema.safeParse(candidate).success);
      }),
      { numRuns: 3000 },
    );
  });
});
