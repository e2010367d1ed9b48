// The sync status from the backend, reloaded on sync events and every few seconds (the background engine changes it without a call), and its one-line description.
import { useEffect } from 'react';
import { format } from 'date-fns';
import type { ApiOutput } from '../../../backend/api-types';
import type { Translator } from '../i18n';
import { useQuery } from './query';
import type { QueryState } from './query';

export type SyncStatus = ApiOutput<'sync.status'>;
export type SyncErrorCode = NonNullable<SyncStatus['lastErrorCode']>;

const REFRESH_MS = 3000;

export function useSyncStatus(): QueryState<'sync.status'> {
  const query = useQuery('sync.status', {}, ['sync']);
  const { reload } = query;
  useEffect(() => {
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return query;
}

export function formatSyncTime(iso: string): string {
  return format(new Date(iso), 'd.M. HH:mm');
}

/** What went wrong with sync, in plain words. */
export function syncErrorText(t: Translator['t'], code: SyncErrorCode): string {
  return t(`sync.errors.${code}`);
}

/** One line saying how sync stands, for the header and the settings screen. */
export function describeStatus(t: Translator['t'], status: SyncStatus, formatTime: (iso: string) => string): { state: string; detail: string[] } {
  if (!status.enrolled) return { state: t('sync.notEnrolled'), detail: [] };
  const detail: string[] = [];
  if (status.firstDownload) {
    const { done, total } = status.firstDownload;
    const percent = Math.min(100, Math.floor((done / total) * 100));
    const reason = status.download?.reason ?? 'first';
    if (reason === 'scope') {
      const offices = status.download?.offices.join(', ') ?? '';
      detail.push(total > 0 ? t('sync.download.scope', { offices, percent }) : t('sync.download.scopeStarting', { offices }));
    } else if (reason === 'repair') detail.push(t('sync.download.repair', { percent: total > 0 ? percent : 0 }));
    else detail.push(total > 0 ? t('sync.firstDownload', { percent }) : t('sync.firstDownloadStarting'));
  }
  detail.push(status.lastSuccessAt ? t('sync.lastSync', { time: formatTime(status.lastSuccessAt) }) : t('sync.neverSynced'));
  detail.push(status.pendingChanges === 0 ? t('sync.nothingPending') : t('sync.pending', { count: status.pendingChanges }));
  const state = status.state === 'syncing' ? t('sync.syncing') : status.state === 'stopped' ? t('sync.stopped') : status.online ? t('sync.online') : t('sync.offline');
  return { state, detail };
}
