// ICPC-2-koder: import the office's official code file (CSV or XLSX: code, text) with a preview and a report of rejected lines.
import { useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { ICPC2_REJECT_MESSAGES_NB } from '../../../../domain/consultations/icpc2-import';
import { api } from '../../api/client';
import { toClientError } from '../../api/errors';
import type { ClientApiError } from '../../api/errors';
import { Notice } from '../../components/page';
import { useT } from '../../i18n';
import { fileToBase64 } from './consultation-format';

type Preview = ApiOutput<'consultations.icpc2ImportPreview'>;
type Imported = ApiOutput<'consultations.icpc2Import'>;

export function Icpc2ImportView() {
  const { t, errorText, language } = useT();
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientApiError | null>(null);

  async function choose(chosen: File | undefined) {
    setPreview(null);
    setImported(null);
    setError(null);
    if (!chosen) return;
    setBusy(true);
    try {
      const content = { fileName: chosen.name, contentBase64: await fileToBase64(chosen) };
      setFile(content);
      setPreview(await api.call('consultations.icpc2ImportPreview', content));
    } catch (failure) {
      setError(toClientError(failure));
    } finally {
      setBusy(false);
    }
  }

  async function importFile() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setImported(await api.call('consultations.icpc2Import', file));
      setPreview(null);
    } catch (failure) {
      setError(toClientError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="icpc2-import-title">
      <h2 id="icpc2-import-title">{t('consultations.importTitle')}</h2>
      <p>{t('consultations.importIntro')}</p>
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
      {error && (
        <Notice kind="error" role="alert">
          <p>{errorText(error)}</p>
        </Notice>
      )}
      {imported && (
        <Notice kind="success" role="status">
          <p>{t('consultations.importDone', { added: imported.added, updated: imported.updated, unchanged: imported.unchanged, rejected: imported.rejected })}</p>
        </Notice>
      )}
      {preview && file && (
        <div className="import-preview">
          <h3>{t('consultations.importPreviewTitle', { file: file.fileName })}</h3>
          <p>{t('consultations.importPreviewSummary', { accepted: preview.acceptedCount, rejected: preview.rejected.length })}</p>
          <table className="table">
            <caption>{t('consultations.importSampleCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('consultations.importCode')}</th>
                <th scope="col">{t('consultations.importText')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((row) => (
                <tr key={row.code}>
                  <td>{row.code}</td>
                  <td>{row.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.rejected.length > 0 && (
            <table className="table import-rejected">
              <caption>{t('consultations.importRejectedCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('consultations.importLine')}</th>
                  <th scope="col">{t('consultations.importReason')}</th>
                  <th scope="col">{t('consultations.importContent')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rejected.map((row) => (
                  <tr key={row.line}>
                    <td>{row.line}</td>
                    <td>{language === 'nb' ? ICPC2_REJECT_MESSAGES_NB[row.reason] : t(`consultations.importReject.${row.reason}`)}</td>
                    <td className="mono">{row.content}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="form-actions">
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void importFile()}>
              {t('consultations.importConfirm', { count: preview.acceptedCount })}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
