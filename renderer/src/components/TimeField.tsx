// A time-of-day text field that tidies what was typed ("830" → "08:30") when it is left: `<TimeField {...form.bind('start')} label=… />`.
import { normaliseTime } from './parse';
import { TextField } from './fields';
import type { TextFieldProps } from './fields';

/** The bind props (id, value, onChange, onBlur, error), a label, and any other text-field props but the input's shape. */
type TimeFieldProps = Omit<TextFieldProps, 'inputMode' | 'width' | 'maxLength' | 'type'>;

export function TimeField(props: TimeFieldProps) {
  const { value, onChange, onBlur } = props;
  return (
    <TextField
      {...props}
      inputMode="numeric"
      width="time"
      maxLength={5}
      onBlur={() => {
        const tidy = normaliseTime(value);
        if (tidy !== value) onChange(tidy);
        onBlur?.();
      }}
    />
  );
}
