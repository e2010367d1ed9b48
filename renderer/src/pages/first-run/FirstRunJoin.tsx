// First run, third choice: join a cooperation already in use by connecting this new computer to the shared service; shows the download's progress.
import { useT } from '../../i18n';
import { EnrolForm } from '../../components/EnrolForm';
import { describeStatus, formatSyncTime, syncErrorText, useSyncStatus } from '../../stores/sync-status';

export function FirstRunJoin() {
  const { t } = useT();
  const status = useSyncStatus();
  const data = status.data;
  return (
    <section className="card" aria-labelledby="first-run-join">
      <h2 id="first-run-join">{t('sync.firstRunTitle')}</h2>
      <p>{t('sync.firstRunHint')}</p>
      {data?.enrolled && data.firstDownload && (
        <p role="status" className="field-hint">
          {describeStatus(t, data, formatSyncTime).detail[0]}
        </p>
      )}
      {data?.enrolled && data.lastErrorCode && (
        <p role="alert" className="field-hint">
          {syncErrorText(t, data.lastErrorCode)}
        </p>
      )}
      {/* No refresh here: the handler announces 'setup', and bootstrap restarts the session from first run. */}
      <EnrolForm method="sync.enrolNewDevice" />
    </section>
  );
}
