// A date typed as dd.mm.åååå in a text box (Chromium's own date input follows the computer's language, not the app's),
// handed to the form as 'YYYY-MM-DD' when it is a real date, else as typed so the form's check names the error.
import { useState } from 'react';
import type { ReactNode } from 'react';
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
}

export function DateField({ value, onChange, hint, ...props }: DateFieldProps) {
  const { t } = useT();
  const [text, setText] = useState(() => toDisplayDate(value));
  // A value set from outside (a prefill, "to" following "from") replaces what is shown; what is typed stays while it means the same date.
  const shownValue = parseDisplayDate(text) ?? text;
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    setLastValue(value);
    if (value !== shownValue) setText(toDisplayDate(value));
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
      onChange={(typed) => {
        setText(typed);
        const parsed = parseDisplayDate(typed) ?? typed.trim();
        setLastValue(parsed);
        onChange(parsed);
      }}
      onBlur={() => {
        // Tidy a typed 4.3.27 into 04.03.2027 once the person leaves the field.
        const parsed = parseDisplayDate(text);
        if (parsed) setText(toDisplayDate(parsed));
        props.onBlur?.();
      }}
    />
  );
}
