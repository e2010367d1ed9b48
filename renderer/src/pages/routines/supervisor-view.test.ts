// Tests for the supervising-doctor note's content: on site / video / none with legevakt, and "until" as a time or a date and time.
import { describe, expect, it } from 'vitest';
import { osloToUtcIso } from '../../../../domain/calendar/oslo';
import { supervisorLine, untilText } from './supervisor-view';

const NOW = osloToUtcIso('2026-12-03', '10:00');

describe('supervisor note', () => {
  it('shows the time only when the shift ends today, else the date too', () => {
    expect(untilText(osloToUtcIso('2026-12-03', '15:30'), NOW, 'nb')).toBe('15:30');
    expect(untilText(osloToUtcIso('2026-12-04', '08:00'), NOW, 'nb')).toBe('04.12.2026 08:00');
  });

  it('names the doctor on site or by video with office, end and phone', () => {
    const doctor = { kind: 'video' as const, staffId: 'd', name: 'Lars Erik Vassdal', officeId: 'o', officeName: 'Røyrvik legekontor', until: osloToUtcIso('2026-12-03', '15:30'), phone: '924 18 302' };
    expect(supervisorLine({ officeId: 'o', officeName: 'Røyrvik legekontor', doctor }, NOW, 'nb')).toEqual({
      kind: 'video', name: 'Lars Erik Vassdal', office: 'Røyrvik legekontor', until: '15:30', phone: '924 18 302', legevakt: null,
    });
  });

  it('says none for the office and names the legevakt doctor on duty, if any', () => {
    const legevakt = { staffId: 'd', name: 'Anders Tunheim', until: osloToUtcIso('2026-12-04', '08:00'), phone: null };
    expect(supervisorLine({ officeId: 'o', officeName: 'Lierne legekontor', doctor: { kind: 'none', legevakt } }, NOW, 'nb')).toMatchObject({
      kind: 'none', office: 'Lierne legekontor', legevakt: { name: 'Anders Tunheim', until: '04.12.2026 08:00', phone: null },
    });
    expect(supervisorLine({ officeId: 'o', officeName: 'Lierne legekontor', doctor: { kind: 'none', legevakt: null } }, NOW, 'nb').legevakt).toBeNull();
  });
});
