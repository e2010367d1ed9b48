// Week navigation shared by Oversikt and Turnus: ‹ "Uke 48 · 23.–29. november 2026" › "Denne uken", ←/→ keys, and "Gå til uke eller dato".
import { useEffect, useRef } from 'react';
import { isoWeekDates, isoWeekOf, nextIsoWeek, previousIsoWeek } from '../../../domain/calendar/isoWeek';
import type { IsoWeek } from '../../../domain/calendar/isoWeek';
import { useT } from '../i18n';
import { formatWeekRange, osloToday } from '../format/dates';
import { useUi } from '../stores/ui';
import { WeekJump } from './WeekJump';

/** The week both rota pages show: the one chosen last, or this week. */
export function useSelectedWeek(): [IsoWeek, (week: IsoWeek | null) => void] {
  const chosen = useUi((state) => state.week);
  const setWeek = useUi((state) => state.setWeek);
  return [chosen ?? isoWeekOf(osloToday()), setWeek];
}

/** "Uke 48 · 23.–29. november 2026". */
export function useWeekTitle(week: IsoWeek): string {
  const { t, language, dateLocale } = useT();
  const dates = isoWeekDates(week);
  return t('week.title', { week: week.week, dates: formatWeekRange(dates[0]!, dates[6]!, language, dateLocale) });
}

/** True when a key press belongs to something else: typing in a field, a menu, an open dialog, or a modified key. */
function keyBelongsElsewhere(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return true;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('input, select, textarea, [contenteditable="true"], [role="listbox"], [role="radiogroup"], dialog')) return true;
  return document.querySelector('dialog[open]') !== null;
}

export function WeekNav({ week, onChange }: { week: IsoWeek; onChange: (week: IsoWeek | null) => void }) {
  const { t } = useT();
  const title = useWeekTitle(week);
  const thisWeek = isoWeekOf(osloToday());
  const isThisWeek = thisWeek.year === week.year && thisWeek.week === week.week;
  // The key handler sees the newest week without re-subscribing on every change.
  const current = useRef({ week, onChange });
  useEffect(() => {
    current.current = { week, onChange };
  });

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') || keyBelongsElsewhere(event)) return;
      event.preventDefault();
      const { week: shown, onChange: change } = current.current;
      change(event.key === 'ArrowLeft' ? previousIsoWeek(shown) : nextIsoWeek(shown));
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="week-nav">
      <button type="button" className="button button--icon" onClick={() => onChange(previousIsoWeek(week))} aria-label={t('week.previous')} title={t('week.previousHint')}>
        <span aria-hidden="true">‹</span>
      </button>
      <h2 className="week-title" aria-live="polite">
        {title}
        {isThisWeek && <span className="tag week-current">{t('week.current')}</span>}
      </h2>
      <button type="button" className="button button--icon" onClick={() => onChange(nextIsoWeek(week))} aria-label={t('week.next')} title={t('week.nextHint')}>
        <span aria-hidden="true">›</span>
      </button>
      <button type="button" className="button" onClick={() => onChange(null)}>
        {t('week.thisWeek')}
      </button>
      <span className="week-keys-hint">{t('week.keysHint')}</span>
      <WeekJump week={week} onChange={onChange} />
    </div>
  );
}
