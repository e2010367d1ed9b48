// Draft and published weeks for leads on Turnus and Oversikt: "Utkast" per office, "Publiser uke 12–15" and "Planlegg som utkast" with confirmation, and the printed draft mark.
import { useState } from 'react';
import type { ApiOutput } from '../../../backend/api-types';
import { compareIsoWeeks } from '../../../domain/calendar/isoWeek';
import type { IsoWeek } from '../../../domain/calendar/isoWeek';
import { api } from '../api/client';
import { useT } from '../i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { Notice } from './page';
import { useAction } from './use-action';
import '../styles/rota-publication.css';

export type WeekPublication = ApiOutput<'rota.week'>['publication'];
type OfficeState = WeekPublication[number];

interface PublicationBarProps {
  /** The week's state per office (empty for staff: they never see drafts, so nothing shows). */
  publication: WeekPublication;
  week: IsoWeek;
  /** The offices the screen shows, in order. */
  officeIds: readonly string[];
  officeName(id: string): string;
  /** Offer "Planlegg som utkast" (only where one office is shown, so four offices do not get four buttons). */
  offerDraft: boolean;
}

type Pending = { kind: 'publish'; office: OfficeState; from: IsoWeek } | { kind: 'draft'; office: OfficeState };

/** "12–15", or "12" for one week. */
export function weekRange(from: IsoWeek, through: IsoWeek): string {
  return compareIsoWeeks(from, through) === 0 ? String(through.week) : `${from.week}–${through.week}`;
}

export function PublicationBar({ publication, week, officeIds, officeName, offerDraft }: PublicationBarProps) {
  const { t, errorText } = useT();
  const action = useAction();
  const [pending, setPending] = useState<Pending | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const shown = officeIds.map((id) => publication.find((state) => state.officeId === id)).filter((state): state is OfficeState => state !== undefined);
  const drafts = shown.filter((state) => state.draft);
  const draftable = offerDraft ? shown.filter((state) => state.mayDraft) : [];
  if (drafts.length === 0 && draftable.length === 0 && !done && !action.error) return null;

  const range = (pendingPublish: { from: IsoWeek }) => weekRange(pendingPublish.from, week);
  async function confirm() {
    if (!pending) return;
    const office = officeName(pending.office.officeId);
    const ok = await action.run(async () => {
      if (pending.kind === 'publish') {
        const result = await api.call('rota.publishWeeks', { officeId: pending.office.officeId, fromWeek: pending.from, throughWeek: week });
        setDone(result.weeks === 0 ? t('publication.nothingToPublish') : t('publication.published', { weeks: range(pending), office, count: result.notified }));
      } else {
        await api.call('rota.makeDraft', { officeId: pending.office.officeId, fromWeek: week });
        setDone(t('publication.draftMade', { week: week.week, office }));
      }
    });
    setPending(null);
    if (!ok) setDone(null);
  }

  return (
    <div className="publication-bar">
      {drafts.map((state) => {
        const from = state.firstDraftWeek && compareIsoWeeks(state.firstDraftWeek, week) < 0 ? state.firstDraftWeek : week;
        return (
          <div key={state.officeId} className="notice notice--warning publication-draft no-print">
            <span className="publication-badge">{t('publication.draftBadge')}</span>
            <p>{t('publication.draftNotice', { office: officeName(state.officeId), week: week.week })}</p>
            {state.mayPublish && (
              <button type="button" className="button button--primary" onClick={() => setPending({ kind: 'publish', office: state, from })}>
                {t('publication.publish', { weeks: weekRange(from, week) })}
                {shown.length > 1 && <span className="visually-hidden"> {t('publication.publishAbout', { office: officeName(state.officeId) })}</span>}
              </button>
            )}
          </div>
        );
      })}
      {drafts.length > 0 && (
        <p className="print-only publication-print-mark">{t('publication.printDraft', { offices: drafts.map((state) => officeName(state.officeId)).join(', ') })}</p>
      )}
      {draftable.map((state) => (
        <p key={state.officeId} className="publication-make-draft no-print">
          <button type="button" className="button" onClick={() => setPending({ kind: 'draft', office: state })}>
            {t('publication.makeDraft', { week: week.week })}
          </button>
        </p>
      ))}
      <div className="no-print" aria-live="polite">
        {done && (
          <Notice kind="success" role="status">
            <p>{done}</p>
          </Notice>
        )}
        {action.error && (
          <Notice kind="error" role="alert">
            <p>{errorText(action.error)}</p>
          </Notice>
        )}
      </div>
      <ConfirmDialog
        open={pending !== null}
        busy={action.busy}
        title={
          pending?.kind === 'publish' ? t('publication.publishTitle', { weeks: range(pending) }) : pending ? t('publication.makeDraftTitle', { week: week.week }) : ''
        }
        text={
          pending?.kind === 'publish'
            ? t('publication.publishText', { weeks: range(pending), office: officeName(pending.office.officeId) })
            : pending
              ? t('publication.makeDraftText', { week: week.week, office: officeName(pending.office.officeId) })
              : ''
        }
        confirmLabel={pending?.kind === 'publish' ? t('publication.publishConfirm') : t('publication.makeDraftConfirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      />
    </div>
  );
}
