// The form that connects this computer to the shared service with an address and a one-time code (settings for admins, first run for a new computer); warns before merging a computer's own data.
import { useState } from 'react';
import type { ApiOutput } from '../../../backend/api-types';
import { api } from '../api/client';
import { ApiCallError } from '../api/errors';
import { Notice } from './page';
import { CheckboxField, TextField } from './fields';
import { Form, FormActions } from './Form';
import { useT } from '../i18n';
import { syncErrorText } from '../stores/sync-status';

type LocalData = ApiOutput<'sync.localData'>;

interface EnrolFormProps {
  method: 'sync.enrol' | 'sync.enrolNewDevice';
  /** For an admin's enrolment: what this computer already holds (null while unknown, which is treated as "has data"). */
  localData?: LocalData | null;
  onEnrolled?: () => void;
}

export function EnrolForm({ method, localData = null, onEnrolled }: EnrolFormProps) {
  const { t, errorText } = useT();
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const [confirmMerge, setConfirmMerge] = useState(false);
  const [fields, setFields] = useState<{ serverUrl?: string; code?: string; confirmMerge?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Enrolling sends everything on this computer to the service: an admin's computer with data of its own must confirm.
  const mustConfirm = method === 'sync.enrol' && (localData === null || localData.hasLocalData);

  function check(): boolean {
    const next: typeof fields = {};
    if (!serverUrl.trim()) next.serverUrl = t('sync.fieldRequired');
    else if (!/^https?:\/\/\S+$/i.test(serverUrl.trim())) next.serverUrl = t('sync.fieldUrl');
    if (!code.trim()) next.code = t('sync.fieldRequired');
    else if (code.replace(/[^A-Za-z0-9]/g, '').length < 8) next.code = t('sync.fieldCode');
    if (mustConfirm && !confirmMerge) next.confirmMerge = t('sync.mergeConfirmRequired');
    setFields(next);
    const first = (['serverUrl', 'code', 'confirmMerge'] as const).find((name) => next[name]);
    if (first) document.getElementById(`${method}-${first}`)?.focus();
    return first === undefined;
  }

  async function submit() {
    setFailure(null);
    setSuccess(null);
    if (!check()) return;
    setBusy(true);
    try {
      const input = { serverUrl: serverUrl.trim(), code: code.trim() };
      const result = method === 'sync.enrol' ? await api.call('sync.enrol', { ...input, confirmMerge }) : await api.call('sync.enrolNewDevice', input);
      if (result.errorCode) setFailure(syncErrorText(t, result.errorCode));
      else {
        setSuccess(t('sync.enrolled', { cooperation: result.status.cooperationName ?? '', office: result.status.office ?? '' }));
        setCode('');
        onEnrolled?.();
      }
    } catch (error) {
      if (error instanceof ApiCallError && error.error.fields) {
        setFields({
          ...(error.error.fields.serverUrl ? { serverUrl: t('sync.fieldUrl') } : {}),
          ...(error.error.fields.code ? { code: t('sync.fieldCode') } : {}),
        });
      } else if (error instanceof ApiCallError && error.code === 'sync.mergeNotConfirmed') {
        setFields({ confirmMerge: t('sync.mergeConfirmRequired') });
        setFailure(errorText(error.error));
      } else setFailure(error instanceof ApiCallError ? errorText(error.error) : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form className="form" onSubmit={() => void submit()}>
      <TextField id={`${method}-serverUrl`} label={t('sync.serverUrl')} hint={t('sync.serverUrlHint')} value={serverUrl} onChange={setServerUrl} error={fields.serverUrl} autoComplete="url" />
      <TextField id={`${method}-code`} label={t('sync.code')} hint={t('sync.codeHint')} value={code} onChange={setCode} error={fields.code} width="medium" />
      {mustConfirm && (
        <Notice kind="warning" title={t('sync.mergeTitle')}>
          {localData && <p>{t('sync.mergeWarning', { offices: localData.offices, staff: localData.staff, users: localData.users })}</p>}
          <CheckboxField className="merge-confirm" id={`${method}-confirmMerge`} label={t('sync.mergeConfirm')} checked={confirmMerge} onChange={setConfirmMerge} error={fields.confirmMerge} />
        </Notice>
      )}
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
      <FormActions saving={busy} submitLabel={t('sync.enrol')} savingLabel={t('sync.enrolling')} />
    </Form>
  );
}
