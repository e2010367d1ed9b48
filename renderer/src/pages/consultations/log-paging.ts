// The consultation list's paging line and buttons from a page of results: exact totals, or "av over N" when the count stopped early.
import type { Translator } from '../../i18n';

export interface LogPage {
  offset: number;
  pageSize: number;
  /** How many match; a lower bound when totalIsExact is false (the backend stops counting a while past the page). */
  total: number;
  totalIsExact: boolean;
}

/** "Viser 51–100 av 1234", or "Viser 1–50 av over 1000" when there are more than the backend counted. */
export function logCountText(t: Translator['t'], page: LogPage): string {
  const params = { from: page.offset + 1, to: Math.min(page.offset + page.pageSize, page.total), total: page.total };
  return page.totalIsExact ? t('consultations.logCount', params) : t('consultations.logCountAtLeast', params);
}

/** Whether there is a next page: beyond a lower bound there always is. */
export function hasNextPage(page: LogPage): boolean {
  return !page.totalIsExact || page.offset + page.pageSize < page.total;
}
