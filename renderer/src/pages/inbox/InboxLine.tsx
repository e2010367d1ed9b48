// One inbox line: its sentence and, on the same line, its buttons (ask, accept and "read" act at once; approve and decline open the decision dialog).
import type { InboxAction, InboxItem } from '../../../../domain/inbox';
import { api } from '../../api/client';
import { formatStamp } from '../../format/dates';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { inboxItemNote, inboxItemText } from './inbox-text';

const LABELS: Record<InboxAction['kind'], MessageKey> = {
  approve: 'inbox.action.approve',
  decline: 'inbox.action.decline',
  accept: 'inbox.action.accept',
  ask: 'inbox.action.ask',
  open: 'inbox.action.open',
  dismiss: 'inbox.action.dismiss',
};

/** Calls the one handler an immediate action needs; approve and decline go through the dialog instead. */
export async function runImmediate(action: InboxAction): Promise<void> {
  if (action.kind === 'ask') await api.call('requests.ask', { requestId: action.requestId });
  else if (action.kind === 'accept') await api.call('requests.acceptSwap', { requestId: action.requestId });
  else if (action.kind === 'dismiss') await api.call('rota.markNoticeRead', { id: action.requestId });
}

interface InboxLineProps {
  item: InboxItem;
  busy: boolean;
  onAction: (item: InboxItem, action: InboxAction) => void;
}

export function InboxLine({ item, busy, onAction }: InboxLineProps) {
  const { t, language } = useT();
  const textId = `inbox-${item.id.replace(/[^\w-]/g, '-')}`;
  const note = inboxItemNote(item);
  return (
    <li className="inbox-line" data-kind={item.kind}>
      <div className="inbox-line-text" id={textId}>
        <span>{inboxItemText(t, language, item)}</span>
        {note && <span className="inbox-line-note"> {t('inbox.note', { note })}</span>}
        <span className="inbox-line-time"> {formatStamp(item.at)}</span>
      </div>
      {item.actions.length > 0 && (
        <div className="inbox-line-actions">
          {item.actions.map((action) => (
            <button
              key={`${action.kind}:${action.staffId ?? ''}`}
              type="button"
              className={`button${action.kind === 'approve' || action.kind === 'ask' || action.kind === 'accept' ? ' button--primary' : ''}`}
              aria-describedby={textId}
              disabled={busy}
              onClick={() => onAction(item, action)}
            >
              {t(LABELS[action.kind])}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}
