// The status line after an action on a page (saved, deleted, exported …): a notice in a polite live region, with the reason when it failed.
import type { ReactNode } from 'react';
import type { ClientApiError } from '../api/errors';
import { useT } from '../i18n';
import type { MessageKey, MessageParams } from '../i18n';
import { Notice } from './page';

export interface Feedback {
  kind: 'success' | 'warning' | 'error';
  key: MessageKey;
  params?: MessageParams;
  /** A failure: its text follows the message. */
  error?: ClientApiError;
}

interface FeedbackRegionProps {
  feedback: Feedback | null;
  /** A sentence after the message (e.g. how many warnings the saved shift has). */
  detail?: string;
  /** Shown under the message (e.g. the warnings themselves). */
  children?: ReactNode;
}

/** Always rendered, so screen readers hear each new message in the region. */
export function FeedbackRegion({ feedback, detail, children }: FeedbackRegionProps) {
  const { t, errorText } = useT();
  return (
    <div className="feedback-region" role="status" aria-live="polite">
      {feedback && (
        <Notice kind={feedback.kind}>
          <p>
            {t(feedback.key, feedback.params)}
            {feedback.error && ` ${errorText(feedback.error)}`}
            {detail && ` ${detail}`}
          </p>
          {children}
        </Notice>
      )}
    </div>
  );
}
