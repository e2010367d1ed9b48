// ICPC-2-koder: import the office's official code file (FinnKode's tab-separated text, CSV or XLSX) with a preview, a report of rejected lines and the yearly reminder.
import { useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { ICPC2_REJECT_MESSAGES_NB } from '../../../../domain/consultations/icpc2-import';
import { api } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { Icpc2ReminderNotice } from '../../components/Icpc2ReminderNotice';
import { ErrorNotice, Notice } from '../../components/page';
import { TitledSection } from '../../components/TitledSection';
import { useAction } from '../../components/use-action';
import { formatDate } from '../../format/dates';
import { useT } from '../../i18n';
import { useQuery } from '../../stores/query';
import { fileToBase64 } from './consultation-format';

type Preview = ApiOutput<'consultations.icpc2ImportPreview'>;
type Imported = ApiOutput<'consultations.icpc2Import'>;

export function Icpc2ImportView() {
  const { t, language } = useT();
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const { busy, error, run } = useAction();
  const lastImportDate = useQuery('consultations.icpc2Codes', {}, ['consultations']).data?.lastImportDate ?? null;

  async function choose(chosen: File | undefined) {
    setPreview(null);
    setImported(null);
    await run(async () => {
      if (!chosen) return;
      const content = { fileName: chosen.name, contentBase64: await fileToBase64(chosen) };
      setFile(content);
      setPreview(await api.call('consultations.icpc2ImportPreview', content));
    });
  }

  async function importFile() {
    if (!file) return;
    await run(async () => {
      setImported(await api.call('consultations.icpc2Import', file));
      setPreview(null);
    });
  }

  return (
    <TitledSection titleId="icpc2-import-title" title={t('consultations.importTitle')}>
      <p>{t('consultations.importIntro')}</p>
      <Icpc2ReminderNotice withNever />
      {lastImportDate && <p>{t('consultations.importLastDate', { date: formatDate(lastImportDate, language) })}</p>}
      <div className="field">
        <label htmlFor="icpc2-file">{t('consultations.importFile')}</label>
        <p className="field-hint" id="icpc2-file-hint">
          {t('consultations.importFileHint')}
        </p>
        <input id="icpc2-file" type="file" accept=".csv,.txt,.xlsx" aria-describedby="icpc2-file-hint" onChange={(event) => void choose(event.target.files?.[0])} disabled={busy} />
      </div>
      {busy && (
        <p role="status" className="field-hint">
          {t('consultations.importReading')}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      {imported && (
        <Notice kind="success" role="status">
          <p>{t('consultations.importDone', { added: imported.added, updated: imported.updated, unchanged: imported.unchanged, rejected: imported.rejected })}</p>
          {imported.skipped > 0 && <p>{t('consultations.importSkipped', { skipped: imported.skipped })}</p>}
        </Notice>
      )}
      {preview && file && (
        <div className="import-preview">
          <h3>{t('consultations.importPreviewTitle', { file: file.fileName })}</h3>
          <p>{t('consultations.importPreviewSummary', { accepted: preview.acceptedCount, rejected: preview.rejected.length })}</p>
          {preview.skipped > 0 && <p>{t('consultations.importSkipped', { skipped: preview.skipped })}</p>}
          <DataTable caption={t('consultations.importSampleCaption')} showCaption wrap={false} columns={[t('consultations.importCode'), t('consultations.importText')]}>
            {preview.sample.map((row) => (
              <tr key={row.code}>
                <td>{row.code}</td>
                <td>{row.text}</td>
              </tr>
            ))}
          </DataTable>
          {preview.rejected.length > 0 && (
            <DataTable
              caption={t('consultations.importRejectedCaption')}
              showCaption
              className="table import-rejected"
              wrap={false}
              columns={[t('consultations.importLine'), t('consultations.importReason'), t('consultations.importContent')]}
            >
              {preview.rejected.map((row) => (
                <tr key={row.line}>
                  <td>{row.line}</td>
                  <td>{language === 'nb' ? ICPC2_REJECT_MESSAGES_NB[row.reason] : t(`consultations.importReject.${row.reason}`)}</td>
                  <td className="mono">{row.content}</td>
                </tr>
              ))}
            </DataTable>
          )}
          <div className="form-actions">
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void importFile()}>
              {t('consultations.importConfirm', { count: preview.acceptedCount })}
            </button>
          </div>
        </div>
      )}
    </TitledSection>
  );
}
