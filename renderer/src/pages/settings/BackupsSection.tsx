// Innstillinger › Sikkerhetskopi (admins): this device's encrypted backups, the one being taken with its progress, "Ta sikkerhetskopi nå", and restoring one after a clear confirmation.
import { format } from 'date-fns';
import { useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { api } from '../../api/client';
import { ApiCallError, toClientError } from '../../api/errors';
import type { ClientApiError } from '../../api/errors';
import { navigate } from '../../app/router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice, LoadError, Loading } from '../../components/page';
import { TitledSection } from '../../components/TitledSection';
import { useT } from '../../i18n';
import { useQuery } from '../../stores/query';
import { useSession } from '../../stores/session';

type Backup = ApiOutput<'backups.list'>['backups'][number];
type BackupRun = NonNullable<ApiOutput<'backups.list'>['inProgress']>;

/** The backup being taken now: a progress bar and the rows copied; work goes on meanwhile. */
function BackupProgress({ run }: { run: BackupRun }) {
  const { t, language } = useT();
  const megabytes = (bytes: number) => (bytes / 1024 / 1024).toLocaleString(language === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 1 });
  const percent = run.bytesTotal > 0 ? Math.floor((run.bytesCopied / run.bytesTotal) * 100) : 0;
  return (
    <div className="backup-progress">
      <progress max={100} value={percent} aria-label={t('backups.progressLabel')} />
      <p className="field-hint" aria-live="polite">
        {t('backups.progress', { percent, copied: megabytes(run.bytesCopied), total: megabytes(run.bytesTotal) })}
      </p>
    </div>
  );
}

export function BackupsSection() {
  const { t, dateLocale } = useT();
  const query = useQuery('backups.list', {}, ['backups']);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ClientApiError | null>(null);
  const [chosen, setChosen] = useState<Backup | null>(null);
  const when = (iso: string) => format(new Date(iso), 'd.M.yyyy HH:mm:ss', { locale: dateLocale });

  async function createNow() {
    setBusy(true);
    setMessage(null);
    setError(null);
    try {
      const backup = await api.call('backups.create', {});
      setMessage(t('backups.created', { file: backup.fileName }));
      await query.reload();
    } catch (caught) {
      setError(caught instanceof ApiCallError ? caught.error : toClientError(caught));
    } finally {
      setBusy(false);
    }
  }

  async function restore(backup: Backup) {
    setBusy(true);
    setError(null);
    try {
      await api.call('backups.restore', { fileName: backup.fileName });
      setChosen(null);
      // Everyone was signed out by the restore: sign in again, with a note of what happened.
      navigate('/settings', { replace: true, flash: { key: 'backups.restored', params: { takenAt: when(backup.takenAt) } } });
      useSession.getState().sessionLost();
    } catch (caught) {
      setChosen(null);
      setError(caught instanceof ApiCallError ? caught.error : toClientError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <TitledSection titleId="backups-title" title={t('backups.title')} className="form form--section">
      {query.data && <p className="field-hint">{t('backups.intro', { weeks: query.data.retention.weeks })}</p>}
      {query.data && <p className="field-hint">{t('backups.folder', { folder: query.data.folder })}</p>}
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={busy || Boolean(query.data?.inProgress)} onClick={() => void createNow()}>
          {busy && !chosen ? t('backups.creating') : t('backups.createNow')}
        </button>
        <p role="status" className="field-hint">
          {message ?? ''}
        </p>
      </div>
      {query.data?.inProgress && <BackupProgress run={query.data.inProgress} />}
      {error && <ErrorNotice error={error} />}
      {query.error && !query.data && <LoadError error={query.error} onRetry={() => void query.reload()} />}
      {!query.data && !query.error && <Loading />}
      {query.data && query.data.backups.length === 0 && <p>{t('backups.none')}</p>}
      {query.data && query.data.backups.length > 0 && (
        <DataTable
          className="backup-table"
          wrap={false}
          columns={[t('backups.colTakenAt'), t('backups.colKind'), t('backups.colSize'), t('backups.colFile'), { label: t('backups.restore'), hidden: true }]}
        >
          {query.data.backups.map((backup) => (
            <tr key={backup.fileName}>
              <td>{when(backup.takenAt)}</td>
              <td>{t(`backups.kind.${backup.kind}`)}</td>
              <td>{`${Math.max(1, Math.round(backup.sizeBytes / 1024))} kB`}</td>
              <td className="backup-file">{backup.fileName}</td>
              <td>
                <button type="button" className="button" aria-label={t('backups.restoreLabel', { takenAt: when(backup.takenAt) })} onClick={() => setChosen(backup)}>
                  {t('backups.restore')}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <ConfirmDialog
        open={chosen !== null}
        title={chosen ? t('backups.confirmTitle', { takenAt: when(chosen.takenAt) }) : ''}
        text={chosen ? t('backups.confirmBody', { takenAt: when(chosen.takenAt) }) : ''}
        confirmLabel={t('backups.confirmButton')}
        cancelLabel={t('common.cancel')}
        busy={busy}
        onConfirm={() => chosen && void restore(chosen)}
        onCancel={() => setChosen(null)}
      />
    </TitledSection>
  );
}
