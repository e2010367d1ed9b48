// Filter fields shared by the log, the statistics and the access log: a from–to date range, and a select whose empty choice is "Alle".
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/fields';
import type { SelectOption } from '../../components/fields';
import { useT } from '../../i18n';

interface PeriodFieldsProps {
  /** Ids are `<idPrefix>-from` and `<idPrefix>-to`. */
  idPrefix: string;
  from: string;
  to: string;
  onFrom: (date: string) => void;
  onTo: (date: string) => void;
}

/** "Fra og med" and "Til og med" as date fields. */
export function PeriodFields({ idPrefix, from, to, onFrom, onTo }: PeriodFieldsProps) {
  const { t } = useT();
  return (
    <>
      <DateField id={`${idPrefix}-from`} label={t('consultations.filter.from')} value={from} onChange={onFrom} filter />
      <DateField id={`${idPrefix}-to`} label={t('consultations.filter.to')} value={to} onChange={onTo} filter />
    </>
  );
}

interface AnySelectProps {
  id: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
}

/** A filter select that starts at "Alle" (the empty value). */
export function AnySelect(props: AnySelectProps) {
  const { t } = useT();
  return <SelectField {...props} placeholder={t('consultations.filter.all')} />;
}

/** Id and name pairs (offices, nurses) as select options. */
export function namedOptions(items: readonly { id: string; name: string }[]): SelectOption[] {
  return items.map((item) => ({ value: item.id, label: item.name }));
}
