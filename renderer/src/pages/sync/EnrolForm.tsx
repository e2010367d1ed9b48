// The form that connects this computer to the shared service with an address and a one-time code (settings for admins, first run for a new computer).
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api/client';
import { ApiCallError } from '../../api/errors';
import { Notice } from '../../components/page';
import { TextField } from '../../components/fields';
import { useT } from '../../i18n';
import { fill, useSyncText } from './sync-text';
import type { SyncErrorCode } from './sync-text';

export function EnrolForm({ method, onEnrolled }: { method: 'sync.enrol' | 'sync.enrolNewDevice'; onEnrolled?: () => void }) {
  const text = useSyncText();
  const { errorText } = useT();
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const [fields, setFields] = useState<{ serverUrl?: string; code?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function check(): boolean {
    const next: { serverUrl?: string; code?: string } = {};
    if (!serverUrl.trim()) next.serverUrl = text.fieldRequired;
    else if (!/^https?:\/\/\S+$/i.test(serverUrl.trim())) next.serverUrl = text.fieldUrl;
    if (!code.trim()) next.code = text.fieldRequired;
    else if (code.replace(/[^A-Za-z0-9]/g, '').length < 8) next.code = text.fieldCode;
    setFields(next);
    return Object.keys(next).length === 0;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setSuccess(null);
    if (!check()) return;
    setBusy(true);
    try {
      const result = await api.call(method, { serverUrl: serverUrl.trim(), code: code.trim() });
      if (result.errorCode) setFailure(text.errors[result.errorCode as SyncErrorCode]);
      else {
        setSuccess(fill(text.enrolled, { cooperation: result.status.cooperationName ?? '', office: result.status.office ?? '' }));
        setCode('');
        onEnrolled?.();
      }
    } catch (error) {
      if (error instanceof ApiCallError && error.error.fields) {
        setFields({
          ...(error.error.fields.serverUrl ? { serverUrl: text.fieldUrl } : {}),
          ...(error.error.fields.code ? { code: text.fieldCode } : {}),
        });
      } else setFailure(error instanceof ApiCallError ? errorText(error.error) : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <TextField id={`${method}-server`} label={text.serverUrl} hint={text.serverUrlHint} value={serverUrl} onChange={setServerUrl} error={fields.serverUrl} autoComplete="url" />
      <TextField id={`${method}-code`} label={text.code} hint={text.codeHint} value={code} onChange={setCode} error={fields.code} width="medium" />
      {failure && (
        <Notice kind="error" role="alert">
          <p>{failure}</p>
        </Notice>
      )}
      {success && (
        <Notice kind="success" role="status">
          <p>{success}</p>
        </Notice>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? text.enrolling : text.enrol}
        </button>
      </div>
    </form>
  );
}
