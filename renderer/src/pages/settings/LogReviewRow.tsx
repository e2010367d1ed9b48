// One sampled access in a log review: person, role, action in words, time, masked patient, why it is unusual, and its mark ("OK" or "Fulgt opp" with a note).
import { useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { AUDIT_ACTIONS } from '../../../../domain/audit/actions';
import type { AuditAction } from '../../../../domain/audit/actions';
import { api } from '../../api/client';
import { ApiCallError } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { FeedbackRegion } from '../../components/Feedback';
import type { Feedback } from '../../components/Feedback';
import { TextField } from '../../components/fields';
import { formatStamp } from '../../format/dates';
import { useT } from '../../i18n';
import { roleNames } from '../../i18n/labels';

type Item = ApiOutput<'logReview.get'>['items'][number];

function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

export function LogReviewRow({ reviewId, item, onMarked }: { reviewId: string; item: Item; onMarked: () => void }) {
  const { t, fieldErrorText } = useT();
  const [writing, setWriting] = useState(false);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const time = item.found ? formatStamp(item.at) : '';
  const about = t('logReview.markAbout', { time, person: item.personName });
  const noteId = `log-review-note-${item.auditEventId}`;

  async function mark(verdict: 'ok' | 'followedUp') {
    if (verdict === 'followedUp' && note.trim() === '') {
      setNoteError(true);
      document.getElementById(noteId)?.focus();
      return;
    }
    setFeedback(null);
    try {
      await api.call('logReview.mark', { reviewId, auditEventId: item.auditEventId, verdict, note: verdict === 'followedUp' ? note : '' });
      setWriting(false);
      setNote('');
      setFeedback({ kind: 'success', key: 'logReview.marked' });
      onMarked();
    } catch (caught) {
      if (!(caught instanceof ApiCallError)) throw caught;
      setFeedback({ kind: 'error', key: 'logReview.markFailed', error: caught.error });
    }
  }

  if (!item.found) {
    return (
      <tr>
        <td colSpan={6}>{t('logReview.notSynced')}</td>
      </tr>
    );
  }
  return (
    <tr>
      <td>{time}</td>
      <td>
        {item.personName}
        <br />
        <span className="field-hint">{roleNames(t, item.roles)}</span>
      </td>
      <td>{isAuditAction(item.action) ? t(`audit.actions.${item.action}`) : item.action}</td>
      <td>{item.patientMasked ? t('logReview.patient', { ref: item.patientMasked }) : t('logReview.noPatient')}</td>
      <td>{item.flags.length === 0 ? t('logReview.flag.none') : item.flags.map((flag) => t(`logReview.flag.${flag}`)).join(', ')}</td>
      <td className="log-review-mark">
        <p className="log-review-verdict">
          {item.mark
            ? t('logReview.markBy', { verdict: t(`logReview.verdict.${item.mark.verdict}`), by: item.mark.byName, at: formatStamp(item.mark.at) })
            : t('logReview.unmarked')}
        </p>
        {item.mark?.note && <p className="log-review-note">{item.mark.note}</p>}
        <div className="no-print">
          {!writing && (
            <div className="log-review-actions">
              <ActionButton label={t('logReview.markOk')} about={about} onClick={() => void mark('ok')} />
              <ActionButton label={t('logReview.markFollowUp')} about={about} onClick={() => setWriting(true)} />
            </div>
          )}
          {writing && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void mark('followedUp');
              }}
            >
              <TextField
                id={noteId}
                label={t('logReview.note')}
                hint={t('logReview.noteHint')}
                value={note}
                maxLength={1000}
                autoFocus
                onChange={(value) => {
                  setNote(value);
                  setNoteError(false);
                }}
                error={noteError ? fieldErrorText('required') : undefined}
              />
              <div className="log-review-actions">
                <button type="submit" className="button button--small button--primary">
                  {t('logReview.saveFollowUp')}
                </button>
                <button type="button" className="button button--small" onClick={() => setWriting(false)}>
                  {t('logReview.cancel')}
                </button>
              </div>
            </form>
          )}
          <FeedbackRegion feedback={feedback} />
        </div>
      </td>
    </tr>
  );
}
