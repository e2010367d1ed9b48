// Tests for the consultation list's paging line: exact totals, the "av over" text when the count stopped, and the next-page button.
import { describe, expect, it } from 'vitest';
import { getTranslator } from '../../i18n';
import { hasNextPage, logCountText } from './log-paging';

const { t } = getTranslator('nb');

describe('consultation list paging', () => {
  it('shows the exact total and ends at the last page when everything was counted', () => {
    expect(logCountText(t, { offset: 0, pageSize: 50, total: 123, totalIsExact: true })).toBe('Viser 1–50 av 123');
    expect(logCountText(t, { offset: 100, pageSize: 50, total: 123, totalIsExact: true })).toBe('Viser 101–123 av 123');
    expect(hasNextPage({ offset: 50, pageSize: 50, total: 123, totalIsExact: true })).toBe(true);
    expect(hasNextPage({ offset: 100, pageSize: 50, total: 123, totalIsExact: true })).toBe(false);
    expect(hasNextPage({ offset: 50, pageSize: 50, total: 100, totalIsExact: true })).toBe(false);
  });

  it('says "av over" and always offers the next page when the count stopped early', () => {
    expect(logCountText(t, { offset: 0, pageSize: 50, total: 1000, totalIsExact: false })).toBe('Viser 1–50 av over 1000');
    expect(hasNextPage({ offset: 950, pageSize: 50, total: 1000, totalIsExact: false })).toBe(true);
    expect(getTranslator('en').t('consultations.logCountAtLeast', { from: 1, to: 50, total: 1000 })).toBe('Showing 1–50 of more than 1000');
  });
});
