// A date typed as dd.mm.åååå in a text box (Chromium's own date input follows the computer's language, not the app's),
// handed to the form as 'YYYY-MM-DD' when it is a real date, else as typed so the form's check names the error.
import { useState } from 'react';
import type { ReactNode } from 'react';
import { isLocalDate } from '../../../domain/calendar/dates';
import { parseDisplayDate, toDisplayDate } from '../format/date-input';
import { useT } from '../i18n';
import { TextField } from './fields';

interface DateFieldProps {
  id: string;
  label: string;
  /** 'YYYY-MM-DD', '' or what was typed that is not yet a date. */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | undefined;
  /** Shown before the format hint ("dd.mm.åååå"). */
  hint?: ReactNode;
  optional?: boolean;
  autoFocus?: boolean;
  /** A filter: only a whole date or '' is handed on, so a half-typed date never reaches a query; left unreadable, the field says so. */
  filter?: boolean;
}

export function DateField({ value, onChange, hint, filter = false, ...props }: DateFieldProps) {
  const { t, fieldErrorText } = useT();
  const [text, setText] = useState(() => toDisplayDate(value));
  const [unreadable, setUnreadable] = useState(false);
  // A value set from outside (a prefill, "to" following "from") replaces what is shown; what is typed stays while it means the same date.
  const shownValue = parseDisplayDate(text) ?? text;
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    if (value !== shownValue) {
      setText(toDisplayDate(value));
      setUnreadable(false);
    }
  }

  return (
    <TextField
      {...props}
      type="text"
      width="medium"
      inputMode="text"
      maxLength={10}
      value={text}
      hint={hint ? <>{hint} ({t('date.format')})</> : t('date.format')}
      error={props.error ?? (unreadable ? fieldErrorText('invalidFormat') : undefined)}
      onChange={(typed) => {
        setText(typed);
        setUnreadable(false);
        const parsed = parseDisplayDate(typed) ?? typed.trim();
        if (filter && parsed !== '' && !isLocalDate(parsed)) return;
        setLastValue(parsed);
        onChange(parsed);
      }}
      onBlur={() => {
        // Tidy a typed 4.3.27 into 04.03.2027 once the person leaves the field.
        const parsed = parseDisplayDate(text);
        if (parsed) setText(toDisplayDate(parsed));
        else if (filter && text.trim() !== '') setUnreadable(true);
        props.onBlur?.();
      }}
    />
  );
}
