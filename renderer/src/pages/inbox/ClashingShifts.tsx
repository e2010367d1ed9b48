// The shifts a leave clashes with, each with a link that opens its week in Turnus (where "Hvem kan dekke?" finds cover).
import { isoWeekOf } from '../../../../domain/calendar/isoWeek';
import type { ApiOutput } from '../../../../backend/api-types';
import { navigate } from '../../app/router';
import { capitalise, shiftKindName } from '../../i18n/labels';
import { formatDayLong } from '../../format/dates';
import { useT } from '../../i18n';
import { useList } from '../../stores/query';
import { useUi } from '../../stores/ui';

type ClashingShift = ApiOutput<'requests.preview'>['clashingShifts'][number];

export function ClashingShifts({ shifts }: { shifts: readonly ClashingShift[] }) {
  const { t, language } = useT();
  const offices = useList('offices.list');
  const officeName = (id: string) => offices.data?.find((office) => office.id === id)?.name ?? '';
  if (shifts.length === 0) return null;

  function openWeek(date: string) {
    useUi.getState().setWeek(isoWeekOf(date));
    navigate('/rota');
  }

  return (
    <ul className="clashing-shifts">
      {shifts.map((shift) => (
        <li key={shift.id}>
          <span>
            {capitalise(formatDayLong(t, shift.date, language))} {shift.start}–{shift.end} · {shiftKindName(t, shift.kind)} · {officeName(shift.officeId)}
          </span>{' '}
          <button type="button" className="button" onClick={() => openWeek(shift.date)}>
            {t('inbox.decide.openWeek', { week: isoWeekOf(shift.date).week })}
          </button>
        </li>
      ))}
    </ul>
  );
}
