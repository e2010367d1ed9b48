// A lead's decision on one inbox line: the rules run again and show the warnings an approval would add (or a leave's shifts in its period) before the lead says yes or no.
import { useEffect, useState } from 'react';
import type { InboxItem } from '../../../../domain/inbox';
import type { ApiOutput } from '../../../../backend/api-types';
import { api } from '../../api/client';
import { toClientError } from '../../api/errors';
import type { ClientApiError } from '../../api/errors';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { TextField } from '../../components/fields';
import { ErrorNotice, Loading } from '../../components/page';
import { SeverityMark } from '../../components/WarningList';
import { useT } from '../../i18n';
import { inboxItemText } from './inbox-text';
import { ClashingShifts } from './ClashingShifts';

type Preview = ApiOutput<'requests.preview'>;
export type Decided = ApiOutput<'requests.decide'> & { decision: 'approve' | 'decline' };

interface DecideDialogProps {
  item: InboxItem;
  requestId: string;
  staffId: string | null;
  decision: 'approve' | 'decline';
  onClose: () => void;
  onDone: (result: Decided) => void;
}

export function DecideDialog({ item, requestId, staffId, decision, onClose, onDone }: DecideDialogProps) {
  const { t, language } = useT();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<ClientApiError | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const approving = decision === 'approve';
  const isLeave = item.kind === 'leaveToDecide';

  useEffect(() => {
    if (!approving) return;
    let live = true;
    api.call('requests.preview', { requestId, staffId: isLeave ? null : staffId }).then(
      (value) => live && setPreview(value),
      (caught: unknown) => live && setError(toClientError(caught)),
    );
    return () => {
      live = false;
    };
  }, [approving, isLeave, requestId, staffId]);

  async function submit() {
    setSaving(true);
    setError(null);
    try {
      const result = await api.call('requests.decide', { requestId, decision, staffId: isLeave ? null : staffId, note: note.trim() || null });
      onDone({ ...result, decision });
    } catch (caught) {
      setError(toClientError(caught));
      setSaving(false);
    }
  }

  const warnings = preview?.warnings ?? [];
  const ready = !approving || preview !== null;
  return (
    <FormDialog title={t(approving ? 'inbox.decide.approveTitle' : 'inbox.decide.declineTitle')} onClose={onClose} wide>
      <p>{inboxItemText(t, language, item)}</p>
      {error && <ErrorNotice error={error} title={t('inbox.actionFailed')} />}
      {approving && !preview && !error && <Loading />}
      {preview && !isLeave && (
        <section className="decide-warnings" aria-labelledby="decide-warnings-title">
          <h3 id="decide-warnings-title">{t('inbox.decide.warningsTitle')}</h3>
          {warnings.length === 0 ? (
            <p>{t('inbox.decide.noWarnings')}</p>
          ) : (
            <>
              <p>{t('inbox.decide.warningsIntro')}</p>
              <ul className="warning-list-plain">
                {warnings.map((warning) => (
                  <li key={warning.id} className={`warning warning--${warning.severity}`}>
                    <SeverityMark severity={warning.severity} visibleWord />
                    <span className="warning-message">{warning.message}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {preview && isLeave && (
        <section aria-labelledby="decide-clash-title">
          <h3 id="decide-clash-title">{t('inbox.decide.clashTitle')}</h3>
          <p>{preview.clashingShifts.length === 0 ? t('inbox.decide.noClash') : t('inbox.decide.clashIntro')}</p>
          <ClashingShifts shifts={preview.clashingShifts} />
        </section>
      )}
      <DialogForm onSubmit={() => void submit()}>
        <TextField id="decide-note" label={t('inbox.decide.note')} value={note} onChange={setNote} optional maxLength={500} autoFocus={!approving} />
        <div className="form-actions">
          <button type="submit" className={`button ${approving ? 'button--primary' : 'button--danger'}`} disabled={saving || !ready}>
            {approving ? t(warnings.length > 0 ? 'inbox.decide.approveAnyway' : 'inbox.decide.approve') : t('inbox.decide.decline')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </DialogForm>
    </FormDialog>
  );
}
