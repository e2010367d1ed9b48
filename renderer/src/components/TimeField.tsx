// A time-of-day text field bound to a form field, tidying what was typed ("830" → "08:30") when the field is left.
import { normaliseTime } from './parse';
import { TextField } from './fields';

/** The part of a form (see use-form) that a time field needs: a string value at `name`. */
interface TimeFieldForm<K extends string> {
  values: Record<K, string>;
  set(key: K, value: string): void;
  touch(path: string): void;
  fieldId(path: string): string;
}

interface TimeFieldProps<K extends string> {
  form: TimeFieldForm<NoInfer<K>>;
  name: K;
  label: string;
  error: string | undefined;
}

export function TimeField<K extends string>({ form, name, label, error }: TimeFieldProps<K>) {
  const value = form.values[name];
  return (
    <TextField
      id={form.fieldId(name)}
      label={label}
      inputMode="numeric"
      width="time"
      maxLength={5}
      value={value}
      onChange={(next) => form.set(name, next)}
      onBlur={() => {
        form.set(name, normaliseTime(value));
        form.touch(name);
      }}
      error={error}
    />
  );
}
