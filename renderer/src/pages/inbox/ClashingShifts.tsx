// The shifts a leave clashes with, each with a link that opens its week in Turnus and (after approval) "Hvem kan dekke?" to hand it to someone else.
import { useState } from 'react';
import { isoWeekOf } from '../../../../domain/calendar/isoWeek';
import { gapFromShift } from '../../../../domain/rota/cover';
import type { CoverGap } from '../../../../domain/rota/cover';
import type { ApiOutput } from '../../../../backend/api-types';
import { navigate } from '../../app/router';
import { CoverDialog } from '../../components/CoverDialog';
import { capitalise, shiftKindName } from '../../i18n/labels';
import { formatDayLong } from '../../format/dates';
import { useT } from '../../i18n';
import { useList } from '../../stores/query';
import { useUi } from '../../stores/ui';

type ClashingShift = ApiOutput<'requests.preview'>['clashingShifts'][number];

/** `cover`: offer "Hvem kan dekke?" per shift (once the leave is approved; not inside another dialog). */
export function ClashingShifts({ shifts, cover = false }: { shifts: readonly ClashingShift[]; cover?: boolean }) {
  const { t, language } = useT();
  const offices = useList('offices.list');
  const staff = useList('staff.list');
  const [gap, setGap] = useState<CoverGap | null>(null);
  const [booked, setBooked] = useState<Record<string, string>>({});
  const officeName = (id: string) => offices.data?.find((office) => office.id === id)?.name ?? '';
  if (shifts.length === 0) return null;

  function openWeek(date: string) {
    useUi.getState().setWeek(isoWeekOf(date));
    navigate('/rota');
  }

  const gapOf = (shift: ClashingShift) => {
    const profession = staff.data?.find((member) => member.id === shift.staffId)?.profession;
    return cover && profession ? gapFromShift(shift, profession) : null;
  };

  return (
    <>
      <ul className="clashing-shifts">
        {shifts.map((shift) => {
          const shiftGap = booked[shift.id] ? null : gapOf(shift);
          return (
            <li key={shift.id}>
              <span>
                {capitalise(formatDayLong(t, shift.date, language))} {shift.start}–{shift.end} · {shiftKindName(t, shift.kind)} · {officeName(shift.officeId)}
              </span>{' '}
              {booked[shift.id] && <span>{t('cover.booked', { name: booked[shift.id]! })} </span>}
              {shiftGap && (
                <button type="button" className="button" onClick={() => setGap(shiftGap)}>
                  {t('cover.button')}
                </button>
              )}{' '}
              <button type="button" className="button" onClick={() => openWeek(shift.date)}>
                {t('inbox.decide.openWeek', { week: isoWeekOf(shift.date).week })}
              </button>
            </li>
          );
        })}
      </ul>
      {gap && (
        <CoverDialog
          gap={gap}
          onClose={() => setGap(null)}
          onBooked={(name) => {
            if (gap.replacesShiftId) setBooked((current) => ({ ...current, [gap.replacesShiftId!]: name }));
            setGap(null);
          }}
        />
      )}
    </>
  );
}
