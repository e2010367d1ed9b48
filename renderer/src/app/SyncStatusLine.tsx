// The compact sync line in the header: online or not, last successful sync, changes waiting, first-download progress, an error in plain words, and "Synkroniser nå".
import { useState } from 'react';
import { api } from '../api/client';
import { useT } from '../i18n';
import '../styles/sync.css';
import { describeStatus, formatSyncTime, syncErrorText, useSyncStatus } from '../stores/sync-status';

export function SyncStatusLine() {
  const { t } = useT();
  const status = useSyncStatus();
  const [busy, setBusy] = useState(false);
  const data = status.data;
  if (!data) return null;
  const { state, detail } = describeStatus(t, data, formatSyncTime);

  async function syncNow() {
    setBusy(true);
    try {
      await api.call('sync.now', {});
    } catch {
      // The status below shows what went wrong.
    } finally {
      setBusy(false);
      void status.reload();
    }
  }

  const tone = !data.enrolled ? 'off' : data.lastErrorCode && data.lastErrorCode !== 'sync.offline' ? 'error' : data.online ? 'ok' : 'offline';
  return (
    <div className={`sync-line sync-line--${tone}`} role="status" aria-label={t('sync.title')}>
      <span className="sync-line-state">
        <span aria-hidden="true">{tone === 'ok' ? '● ' : tone === 'error' ? '⚠ ' : '○ '}</span>
        {state}
      </span>
      {detail.map((part) => (
        <span key={part} className="sync-line-detail">
          {part}
        </span>
      ))}
      {data.enrolled && data.lastErrorCode && <span className="sync-line-error">{syncErrorText(t, data.lastErrorCode)}</span>}
      {data.enrolled && (
        <button type="button" className="button button--small" onClick={() => void syncNow()} disabled={busy || data.state === 'syncing'}>
          {busy ? t('sync.syncing') : t('sync.syncNow')}
        </button>
      )}
    </div>
  );
}
