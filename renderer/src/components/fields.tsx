// Labelled form fields with hint and error text wired to aria-describedby, so every input has a name and its errors are announced.
import type { ReactNode } from 'react';
import { useT } from '../i18n';

interface FieldBase {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  optional?: boolean;
  disabled?: boolean;
  onBlur?: () => void;
  className?: string;
}

function describedBy(id: string, hint: unknown, error: unknown, optional?: boolean): string | undefined {
  const ids = [optional ? `${id}-optional` : null, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldError({ id, error }: { id: string; error?: string | undefined }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      <span className="field-error-icon" aria-hidden="true">
        ⚠
      </span>{' '}
      {error}
    </p>
  );
}

function LabelRow({ id, label, optional }: { id: string; label: string; optional?: boolean }) {
  const { t } = useT();
  return (
    <div className="field-label-row">
      <label htmlFor={id}>{label}</label>
      {optional && (
        <span id={`${id}-optional`} className="field-optional">
          {t('common.optional')}
        </span>
      )}
    </div>
  );
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <p id={`${id}-hint`} className="field-hint">
      {hint}
    </p>
  );
}

export interface TextFieldProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'number' | 'tel' | 'search' | 'date';
  /** Id of a <datalist> with suggestions (a person picker that filters as you type). */
  list?: string;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'tel' | 'search';
  width?: 'time' | 'short' | 'medium' | 'long';
  min?: number;
  max?: number;
  step?: number;
  maxLength?: number;
  autoFocus?: boolean;
  /** Hides the label visually; screen readers still read it (used in dense grids with visible column headers). */
  hideLabel?: boolean;
  /** A unit shown after the input, e.g. "min". */
  suffix?: string;
  /** 'external': the caller renders <FieldError> elsewhere (e.g. below a row of inputs); the input still refers to it. */
  errorPlacement?: 'inline' | 'external';
}

export function TextField(props: TextFieldProps) {
  const { id, label, error, hint, optional, type = 'text', width = 'long', hideLabel, suffix } = props;
  const input = (
    <input
      id={id}
      className={`input input--${width}`}
      type={type}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
      onBlur={props.onBlur}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(id, hint, error, optional && !hideLabel)}
      autoComplete={props.autoComplete ?? 'off'}
      inputMode={props.inputMode}
      disabled={props.disabled}
      min={props.min}
      max={props.max}
      step={props.step}
      maxLength={props.maxLength}
      list={props.list}
      autoFocus={props.autoFocus}
      spellCheck={false}
    />
  );
  return (
    <div className={['field', error ? 'field--error' : '', props.className ?? ''].filter(Boolean).join(' ')}>
      {hideLabel ? (
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
      ) : (
        <LabelRow id={id} label={label} optional={optional} />
      )}
      <Hint id={id} hint={hint} />
      {suffix ? (
        <div className="input-with-suffix">
          {input}
          <span className="input-suffix" aria-hidden="true">
            {suffix}
          </span>
        </div>
      ) : (
        input
      )}
      {props.errorPlacement !== 'external' && <FieldError id={id} error={error} />}
    </div>
  );
}

/** A whole number (minutes, percent) in a short box: a number input with the numeric keyboard, in steps of 1. */
export function NumberField(props: Omit<TextFieldProps, 'type' | 'inputMode' | 'step'>) {
  return <TextField width="short" {...props} type="number" inputMode="numeric" step={1} />;
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectFieldProps extends FieldBase {
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  /** A first, empty option such as "Velg yrke". */
  placeholder?: string;
}

export function SelectField(props: SelectFieldProps) {
  const { id, label, error, hint, optional } = props;
  return (
    <div className={['field', error ? 'field--error' : '', props.className ?? ''].filter(Boolean).join(' ')}>
      <LabelRow id={id} label={label} optional={optional} />
      <Hint id={id} hint={hint} />
      <select
        id={id}
        className="input input--medium"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        onBlur={props.onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error, optional)}
        disabled={props.disabled}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

export interface CheckboxFieldProps extends Omit<FieldBase, 'optional'> {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField(props: CheckboxFieldProps) {
  const { id, label, error, hint } = props;
  return (
    <div className={['field field--checkbox', error ? 'field--error' : '', props.className ?? ''].filter(Boolean).join(' ')}>
      <input
        id={id}
        type="checkbox"
        className="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
        onBlur={props.onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        disabled={props.disabled}
      />
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <FieldError id={id} error={error} />
    </div>
  );
}
