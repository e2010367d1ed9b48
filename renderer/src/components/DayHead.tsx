// A day's column heading in a week grid (Oversikt, Turnus): "man. 8.3." and, on a public holiday, its name underneath.
import { formatDayHeader } from '../format/dates';
import { useT } from '../i18n';

export function DayHead({ date, holiday }: { date: string; holiday: string | undefined }) {
  const { t, language } = useT();
  return (
    <th scope="col" className={holiday ? 'day-head day-head--holiday' : 'day-head'}>
      {formatDayHeader(t, date, language)}
      {holiday && <span className="holiday-name">{holiday}</span>}
    </th>
  );
}
