// Innstillinger › Synkronisering: the service this computer syncs with, its status, "Synkroniser nå", and (admins) connect or disconnect.
import { useState } from 'react';
import { api } from '../../api/client';
import { can } from '../../app/permissions';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Notice } from '../../components/page';
import { useT } from '../../i18n';
import { useQuery } from '../../stores/query';
import { useSession } from '../../stores/session';
import { EnrolForm } from '../../components/EnrolForm';
import { describeStatus, formatSyncTime, syncErrorText, useSyncStatus } from '../../stores/sync-status';
import { SyncAgreementSection } from './SyncAgreementSection';

export function SyncSettingsSection() {
  const { t } = useT();
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

  const described = data ? describeStatus(t, data, formatSyncTime) : null;
  return (
    <div className="form form--section" aria-labelledby="sync-settings-title">
      <h2 id="sync-settings-title">{t('sync.title')}</h2>
      <p className="field-hint">{t('sync.intro')}</p>
      {forgotten && (
        <Notice kind="success" role="status">
          <p>{t('sync.forgotten')}</p>
        </Notice>
      )}
      {data && described && data.enrolled && (
        <>
          <dl className="details">
            <dt>{t('sync.statusLabel')}</dt>
            <dd>{[described.state, ...described.detail].join(' · ')}</dd>
            <dt>{t('sync.server')}</dt>
            <dd>
              <code>{data.serverUrl}</code>
            </dd>
            <dt>{t('sync.cooperation')}</dt>
            <dd>{data.cooperationName}</dd>
            <dt>{t('sync.office')}</dt>
            <dd>{data.office}</dd>
          </dl>
          {data.lastErrorCode && (
            <Notice kind="warning">
              <p>{syncErrorText(t, data.lastErrorCode)}</p>
            </Notice>
          )}
          <div className="form-actions">
            <button type="button" className="button" onClick={() => void api.call('sync.now', {}).finally(() => void status.reload())}>
              {t('sync.syncNow')}
            </button>
            {admin && (
              <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
                {t('sync.forget')}
              </button>
            )}
          </div>
          <SyncAgreementSection status={data} admin={admin} onChanged={() => void status.reload()} />
          <ConfirmDialog
            open={confirming}
            title={t('sync.forget')}
            text={t('sync.forgetConfirm')}
            confirmLabel={t('sync.forget')}
            cancelLabel={t('common.cancel')}
            onConfirm={() => void forget()}
            onCancel={() => setConfirming(false)}
          />
        </>
      )}
      {data && !data.enrolled && (
        <>
          <p>{t('sync.notEnrolledLong')}</p>
          {admin ? <AdminEnrol onEnrolled={() => void status.reload()} /> : <p className="field-hint">{t('sync.adminOnly')}</p>}
        </>
      )}
    </div>
  );
}

/** An admin connects this computer; the form warns first when the computer holds data of its own. */
function AdminEnrol({ onEnrolled }: { onEnrolled: () => void }) {
  const { t } = useT();
  const local = useQuery('sync.localData', {}, ['sync', 'setup', 'offices', 'staff', 'users']);
  return (
    <>
      <h3>{t('sync.enrolTitle')}</h3>
      <p className="field-hint">{t('sync.enrolHint')}</p>
      <EnrolForm method="sync.enrol" localData={local.data} onEnrolled={onEnrolled} />
    </>
  );
}
