// Innstillinger › Synkronisering: the service this computer syncs with, its status, "Synkroniser nå", and (admins) connect or disconnect.
import { useState } from 'react';
import { api } from '../../api/client';
import { can } from '../../app/permissions';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Notice } from '../../components/page';
import { useSession } from '../../stores/session';
import { EnrolForm } from './EnrolForm';
import { describeStatus, useSyncText } from './sync-text';
import { formatSyncTime, useSyncStatus } from './use-sync-status';

export function SyncSettingsSection() {
  const text = useSyncText();
  const user = useSession((state) => state.user);
  const status = useSyncStatus();
  const [confirming, setConfirming] = useState(false);
  const [forgotten, setForgotten] = useState(false);
  const admin = can(user, 'editSettings');
  const data = status.data;

  async function forget() {
    setConfirming(false);
    await api.call('sync.forget', {});
    setForgotten(true);
    void status.reload();
  }

  return (
    <div className="form form--section" aria-labelledby="sync-settings-title">
      <h2 id="sync-settings-title">{text.title}</h2>
      <p className="field-hint">{text.intro}</p>
      {forgotten && (
        <Notice kind="success" role="status">
          <p>{text.forgotten}</p>
        </Notice>
      )}
      {data && data.enrolled && (
        <>
          <dl className="details">
            <dt>{text.statusLabel}</dt>
            <dd>{[describeStatus(text, data, formatSyncTime).state, ...describeStatus(text, data, formatSyncTime).detail].join(' · ')}</dd>
            <dt>{text.server}</dt>
            <dd>
              <code>{data.serverUrl}</code>
            </dd>
            <dt>{text.cooperation}</dt>
            <dd>{data.cooperationName}</dd>
            <dt>{text.office}</dt>
            <dd>{data.office}</dd>
          </dl>
          {data.lastErrorCode && (
            <Notice kind="warning">
              <p>{text.errors[data.lastErrorCode]}</p>
            </Notice>
          )}
          <div className="form-actions">
            <button type="button" className="button" onClick={() => void api.call('sync.now', {}).finally(() => void status.reload())}>
              {text.syncNow}
            </button>
            {admin && (
              <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
                {text.forget}
              </button>
            )}
          </div>
          <ConfirmDialog
            open={confirming}
            title={text.forget}
            text={text.forgetConfirm}
            confirmLabel={text.forget}
            cancelLabel={text.cancel}
            onConfirm={() => void forget()}
            onCancel={() => setConfirming(false)}
          />
        </>
      )}
      {data && !data.enrolled && (
        <>
          <p>{text.notEnrolledLong}</p>
          {admin ? (
            <>
              <h3>{text.enrolTitle}</h3>
              <p className="field-hint">{text.enrolHint}</p>
              <EnrolForm method="sync.enrol" onEnrolled={() => void status.reload()} />
            </>
          ) : (
            <p className="field-hint">{text.adminOnly}</p>
          )}
        </>
      )}
    </div>
  );
}
