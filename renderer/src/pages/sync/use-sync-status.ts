// The sync status from the backend, reloaded on sync events and every few seconds (the background engine changes it without a call).
import { useEffect } from 'react';
import { format } from 'date-fns';
import { useQuery } from '../../stores/query';
import type { QueryState } from '../../stores/query';

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
