// Tests for the date rule of a consultation: the exact 30-day edge, a mistyped year, future and impossible dates.
import { describe, expect, it } from 'vitest';
import { checkConsultationDate } from './consultation-date';

describe('checkConsultationDate', () => {
  const today = '2026-12-03';

  it('saves today and up to 30 days back without asking', () => {
    expect(checkConsultationDate(today, today)).toBe('ok');
    expect(checkConsultationDate('2026-11-03', today)).toBe('ok');
  });

  it('asks from 31 days back, and for a year typed as 0072', () => {
    expect(checkConsultationDate('2026-11-02', today)).toBe('farPast');
    expect(checkConsultationDate('0072-12-03', today)).toBe('farPast');
    expect(checkConsultationDate('1999-01-01', today)).toBe('farPast');
  });

  it('calls a date after today future, also across the new year', () => {
    expect(checkConsultationDate('2026-12-04', today)).toBe('future');
    expect(checkConsultationDate('2027-01-01', '2026-12-31')).toBe('future');
    expect(checkConsultationDate('2207-12-03', today)).toBe('future');
  });

  it('calls dates that do not exist impossible', () => {
    expect(checkConsultationDate('2026-02-29', today)).toBe('impossible');
    expect(checkConsultationDate('0000-01-01', today)).toBe('impossible');
    expect(checkConsultationDate('', today)).toBe('impossible');
    expect(checkConsultationDate('03.12.2026', today)).toBe('impossible');
  });
});
