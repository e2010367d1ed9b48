// Innboks: one line per thing waiting for the user, with its buttons on the line; new leave, swap and (leads) open-shift requests.
import { useRef, useState } from 'react';
import type { InboxAction, InboxItem } from '../../../../domain/inbox';
import { toClientError } from '../../api/errors';
import { can } from '../../app/permissions';
import { navigate } from '../../app/router';
import { itemPath } from '../../app/routes';
import { FeedbackRegion } from '../../components/Feedback';
import type { Feedback } from '../../components/Feedback';
import { EmptyState, Loaded, PageHeader } from '../../components/page';
import { useT } from '../../i18n';
import { useInbox } from '../../stores/inbox';
import { useSession } from '../../stores/session';
import { ClashingShifts } from './ClashingShifts';
import { DecideDialog } from './DecideDialog';
import type { Decided } from './DecideDialog';
import { InboxLine, runImmediate } from './InboxLine';
import { LeaveRequestDialog } from './LeaveRequestDialog';
import { OfferSwapDialog } from './OfferSwapDialog';
import { OpenShiftDialog } from './OpenShiftDialog';
import '../../styles/inbox.css';

/** Where an inbox line's "Åpne" goes (its action's requestId names the screen). */
const INBOX_TARGETS: Record<string, string> = { prescriptions: itemPath('routines', 'prescriptions') };

type Dialog = { kind: 'leave' } | { kind: 'swap' } | { kind: 'openShift' } | { kind: 'decide'; item: InboxItem; action: InboxAction & { kind: 'approve' | 'decline' } };

export function InboxPage() {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const inbox = useInbox();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [clashes, setClashes] = useState<Decided['clashingShifts'] | null>(null);
  const [busy, setBusy] = useState(false);
  const listTitle = useRef<HTMLHeadingElement>(null);

  async function act(item: InboxItem, action: InboxAction) {
    if (action.kind === 'open') {
      navigate(INBOX_TARGETS[action.requestId] ?? '/inbox');
      return;
    }
    if (action.kind === 'approve' || action.kind === 'decline') {
      setDialog({ kind: 'decide', item, action: { ...action, kind: action.kind } });
      return;
    }
    setBusy(true);
    try {
      await runImmediate(action);
      setFeedback({ kind: 'success', key: 'inbox.done' });
      // The line (and its button) goes away: keep the keyboard in the list rather than losing focus to the page.
      listTitle.current?.focus();
    } catch (caught) {
      setFeedback({ kind: 'error', key: 'inbox.actionFailed', error: toClientError(caught) });
    } finally {
      setBusy(false);
    }
  }

  function sent(key: Feedback['key']) {
    setDialog(null);
    setClashes(null);
    setFeedback({ kind: 'success', key });
  }

  function decided(result: Decided, item: InboxItem) {
    sent(result.decision === 'approve' ? 'inbox.decide.approved' : 'inbox.decide.declined');
    // The decided line goes away with its buttons: after the dialog has given focus back, move it to the list.
    setTimeout(() => listTitle.current?.focus(), 0);
    if (item.kind === 'leaveToDecide' && result.decision === 'approve') setClashes(result.clashingShifts);
  }

  return (
    <div className="page inbox-page">
      <PageHeader
        title={t('inbox.title')}
        actions={
          <>
            <button type="button" className="button" onClick={() => setDialog({ kind: 'leave' })}>
              {t('inbox.newLeave')}
            </button>
            <button type="button" className="button" onClick={() => setDialog({ kind: 'swap' })}>
              {t('inbox.newSwap')}
            </button>
            {can(user, 'planRota') && (
              <button type="button" className="button" onClick={() => setDialog({ kind: 'openShift' })}>
                {t('inbox.newOpenShift')}
              </button>
            )}
          </>
        }
      />
      <p>{t('inbox.intro')}</p>
      <FeedbackRegion feedback={feedback}>
        {clashes && (
          <div className="inbox-clashes">
            <p>{clashes.length === 0 ? t('inbox.clash.none') : t('inbox.clash.title')}</p>
            <ClashingShifts shifts={clashes} cover />
          </div>
        )}
      </FeedbackRegion>
      <section aria-labelledby="inbox-list-title">
        <h2 id="inbox-list-title" ref={listTitle} tabIndex={-1}>
          {t('inbox.listTitle')}
        </h2>
        <Loaded query={inbox}>
          {({ items }) =>
            items.length === 0 ? (
              <EmptyState>
                <p>{t('inbox.empty')}</p>
              </EmptyState>
            ) : (
              <ul className="inbox-list">
                {items.map((item) => (
                  <InboxLine key={item.id} item={item} busy={busy} onAction={(line, action) => void act(line, action)} />
                ))}
              </ul>
            )
          }
        </Loaded>
        <p className="inbox-offline">{t('inbox.offline')}</p>
      </section>
      {dialog?.kind === 'leave' && <LeaveRequestDialog onClose={() => setDialog(null)} onSent={() => sent('inbox.leave.sent')} />}
      {dialog?.kind === 'swap' && <OfferSwapDialog onClose={() => setDialog(null)} onSent={() => sent('inbox.swap.sent')} />}
      {dialog?.kind === 'openShift' && <OpenShiftDialog onClose={() => setDialog(null)} onSent={() => sent('inbox.open.sent')} />}
      {dialog?.kind === 'decide' && (
        <DecideDialog
          item={dialog.item}
          requestId={dialog.action.requestId}
          staffId={dialog.action.staffId ?? null}
          decision={dialog.action.kind}
          onClose={() => setDialog(null)}
          onDone={(result) => decided(result, dialog.item)}
        />
      )}
    </div>
  );
}
