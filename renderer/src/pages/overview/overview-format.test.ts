// Tests for week headings, day headers, the freshness line, short warning texts and warning groups.
import { enGB } from 'date-fns/locale/en-GB';
import { nb as nbLocale } from 'date-fns/locale/nb';
import { describe, expect, it } from 'vitest';
import type { RotaWarning } from '../../../../domain/rota/warnings';
import { getTranslator } from '../../i18n';
import { formatDayHeader, formatStamp, formatWeekRange, osloToday } from '../../format/dates';
import { groupWarnings, mergeCellWarnings, warningShortText } from '../../format/warnings';
import { freshnessText, printLineEstimate, printZoomStep } from './overview-format';

const nb = getTranslator('nb');
const en = getTranslator('en');

describe('week heading', () => {
  it('writes the dates of a week the Norwegian way', () => {
    expect(formatWeekRange('2026-11-23', '2026-11-29', 'nb', nbLocale)).toBe('23.–29. november 2026');
    expect(formatWeekRange('2026-11-30', '2026-12-06', 'nb', nbLocale)).toBe('30. november – 6. desember 2026');
    expect(formatWeekRange('2026-12-28', '2027-01-03', 'nb', nbLocale)).toBe('28. desember 2026 – 3. januar 2027');
    expect(formatWeekRange('2026-11-23', '2026-11-29', 'en', enGB)).toBe('23–29 November 2026');
    expect(nb.t('week.title', { week: 48, dates: '23.–29. november 2026' })).toBe('Uke 48 · 23.–29. november 2026');
  });

  it('heads day columns with weekday and date', () => {
    expect(formatDayHeader(nb.t, '2026-11-23', 'nb')).toBe('Man 23.11.');
    expect(formatDayHeader(en.t, '2026-11-29', 'en')).toBe('Sun 29/11');
  });
});

describe('freshness line', () => {
  it('says when it was printed, how fresh the data is and that it is not synchronised', () => {
    // 08:12 and 08:10 UTC are 09:12 and 09:10 in Oslo (winter time).
    const text = freshnessText(nb.t, { printedAt: '2026-11-23T08:12:30Z', dataAsOf: '2026-11-23T08:10:00Z', lastSyncedAt: null });
    expect(text).toBe('Skrevet ut 23.11.2026 09:12 · data per 09:10 (ikke synkronisert ennå)');
  });

  it('gives the date when the data or the sync is from another day, and uses summer time', () => {
    expect(formatStamp('2026-07-01T22:30:00Z')).toBe('02.07.2026 00:30');
    const text = freshnessText(nb.t, { printedAt: '2026-11-23T08:12:00Z', dataAsOf: '2026-11-22T13:00:00Z', lastSyncedAt: '2026-11-23T08:05:00Z' });
    expect(text).toBe('Skrevet ut 23.11.2026 09:12 · data per 22.11.2026 14:00 (sist synkronisert 09:05)');
  });

  it('knows today’s date in Norway around midnight UTC', () => {
    expect(osloToday(Date.parse('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
  });
});

const warning = (partial: Partial<RotaWarning>): RotaWarning =>
  ({ id: 'w', kind: 'noDoctor', severity: 'error', officeId: 'o1', staffIds: [], date: '2026-11-24', shiftIds: [], message: 'm', details: {}, ...partial }) as RotaWarning;

describe('warnings', () => {
  it('has a few words per kind, with names and periods', () => {
    const names = (id: string) => ({ a: 'Astrid Lyng', b: 'Eirik Solberg' })[id] ?? '?';
    expect(warningShortText(nb.t, warning({ kind: 'doubleBooking', staffIds: ['a'] }), names)).toBe('Dobbeltbooket: Astrid Lyng');
    expect(
      warningShortText(nb.t, warning({ kind: 'doctorGap', details: { open: '08:00', close: '15:30', uncovered: [{ start: '12:00', end: '15:30' }] } } as Partial<RotaWarning>), names),
    ).toBe('Lege mangler 12:00–15:30');
    expect(warningShortText(nb.t, warning({ kind: 'dayHours', staffIds: ['b'], details: { workedMinutes: 600, limitMinutes: 540 } } as Partial<RotaWarning>), names)).toBe('Over 9 t: Eirik Solberg');
  });

  it('groups by office in the given order (person-only warnings last) and then by day', () => {
    const groups = groupWarnings(
      [
        warning({ id: '1', officeId: 'o2', date: '2026-11-25' }),
        warning({ id: '2', officeId: null, date: '2026-11-23' }),
        warning({ id: '3', officeId: 'o1', date: '2026-11-26' }),
        warning({ id: '4', officeId: 'o2', date: '2026-11-23' }),
      ],
      ['o1', 'o2'],
    );
    expect(groups.map((group) => [group.officeId, group.days.map((day) => day.date)])).toEqual([
      ['o1', ['2026-11-26']],
      ['o2', ['2026-11-23', '2026-11-25']],
      [null, ['2026-11-23']],
    ]);
  });
});

describe('printing on one sheet', () => {
  const cell = (names: number, detail: string | null = null) => Array.from({ length: names }, () => ({ text: 'Ola Nordmann', detail }));
  const block = (officeId: string, rows: number[][]) => ({ officeId, rows: rows.map((counts) => ({ cells: counts.map((count) => cell(count)) })) });
  const dates = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];

  it('counts the tallest cell of each row, office headings and warning lines', () => {
    const overview = { showWeekend: false, dates, warnings: [], offices: [block('o1', [[3, 2, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0]])] };
    // Page heading, column headings and footer (4), the office heading (1.3), a row of 3 names and an empty row.
    expect(printLineEstimate(overview)).toBeCloseTo(4 + 1.3 + 3 + 1);
    const withWarnings = { ...overview, warnings: [warning({ officeId: 'o1', date: '2026-11-24' }), warning({ id: 'x', officeId: 'o1', date: '2026-11-24' })] };
    expect(printLineEstimate(withWarnings)).toBeGreaterThan(printLineEstimate(overview));
  });

  it('keeps normal size when it fits and shrinks in steps when it does not', () => {
    const rows = (names: number) => Array.from({ length: 6 }, () => [names, names, names, names, names, 0, 0]);
    const overview = (names: number) => ({ showWeekend: false, dates, warnings: [], offices: ['a', 'b', 'c', 'd'].map((id) => block(id, rows(names))) });
    expect(printZoomStep(overview(1))).toBe(100); // 4 offices × 6 one-line rows: 33.2 lines
    expect(printZoomStep(overview(2))).toBe(90); // 57.2 lines would need 72 %: never below 90 (small text ≥ 8 pt), two sheets
    expect(printZoomStep(overview(9))).toBe(90);
    expect(printLineEstimate(overview(1), 0.5)).toBe(printLineEstimate(overview(1), 1));
  });

  it('merges warnings of the same kind about different people into one line', () => {
    const merged = mergeCellWarnings([
      warning({ id: '1', kind: 'absence', staffIds: ['a'], message: 'A' }),
      warning({ id: '2', kind: 'absence', staffIds: ['b'], message: 'B' }),
      warning({ id: '3', kind: 'noDoctor', message: 'C' }),
    ]);
    expect(merged.map(({ warning: w, messages }) => [w.kind, w.staffIds, messages])).toEqual([
      ['absence', ['a', 'b'], ['A', 'B']],
      ['noDoctor', [], ['C']],
    ]);
  });
});
