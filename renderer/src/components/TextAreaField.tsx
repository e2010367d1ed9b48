// A labelled text area with hint and error wired to aria-describedby, like the text fields in fields.tsx.
import type { ReactNode } from 'react';
import { FieldError } from './fields';

export interface TextAreaFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | undefined;
  hint?: ReactNode;
  rows?: number;
  maxLength?: number;
  autoFocus?: boolean;
}

export function TextAreaField(props: TextAreaFieldProps) {
  const { id, label, error, hint } = props;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field field--textarea${error ? ' field--error' : ''}`}>
      <div className="field-label-row">
        <label htmlFor={id}>{label}</label>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        className="input input--textarea"
        value={props.value}
        rows={props.rows ?? 3}
        maxLength={props.maxLength}
        onChange={(event) => props.onChange(event.target.value)}
        onBlur={props.onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        autoFocus={props.autoFocus}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}
