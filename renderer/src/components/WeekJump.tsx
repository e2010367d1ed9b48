// "Gå til uke eller dato" beside the week navigation: a week number (14, 14/2027) or a date (dd.mm.åååå), Enter goes there.
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { IsoWeek } from '../../../domain/calendar/isoWeek';
import { parseWeekOrDate } from '../format/date-input';
import { useT } from '../i18n';
import { TextField } from './fields';

export function WeekJump({ week, onChange }: { week: IsoWeek; onChange: (week: IsoWeek) => void }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);

  function go(event: FormEvent) {
    event.preventDefault();
    const target = parseWeekOrDate(text, week.year);
    if (!target) {
      setError(t('week.goToInvalid'));
      return;
    }
    setError(undefined);
    setText('');
    onChange(target);
  }

  return (
    <form className="week-jump no-print" onSubmit={go} noValidate>
      <TextField
        id="week-jump"
        label={t('week.goTo')}
        hint={t('week.goToHint')}
        value={text}
        onChange={(value) => {
          setText(value);
          if (error) setError(undefined);
        }}
        error={error}
        width="medium"
        inputMode="text"
      />
      <button type="submit" className="button">
        {t('week.goToButton')}
      </button>
    </form>
  );
}
