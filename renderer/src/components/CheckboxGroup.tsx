// A fieldset of checkboxes for one list-valued field (roles, professions, weekdays …) with a hint and one error for the group.
import { useT } from '../i18n';
import { FieldError } from './fields';

export interface CheckboxGroupProps<T extends string | number> {
  /** Id of the first checkbox, so the error summary can move focus to the group; the others are `<id>-<value>`. */
  id: string;
  legend: string;
  hint?: string;
  optional?: boolean;
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  /** The ticked values after a change, in the options' order. */
  onChange: (value: T[]) => void;
  onBlur?: () => void;
  error?: string | undefined;
  /** Extra classes for the fieldset. */
  className?: string;
}

/** `values` with `value` ticked or unticked, in the order of `order` (values not in `order` are dropped). */
export function toggleValue<T>(order: readonly T[], values: readonly T[], value: T, checked: boolean): T[] {
  return order.filter((candidate) => (candidate === value ? checked : values.includes(candidate)));
}

export function CheckboxGroup<T extends string | number>(props: CheckboxGroupProps<T>) {
  const { id, legend, hint, optional, options, value, onChange, onBlur, error, className } = props;
  const { t } = useT();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const order = options.map((option) => option.value);
  return (
    <fieldset className={['fieldset fieldset--compact', className, error ? 'field--error' : ''].filter(Boolean).join(' ')} aria-describedby={describedBy}>
      <legend>
        {legend}
        {optional && <span className="field-optional"> {t('common.optional')}</span>}
      </legend>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="checkbox-row">
        {options.map((option, index) => {
          const inputId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div className="field field--checkbox" key={option.value}>
              <input
                id={inputId}
                type="checkbox"
                className="checkbox"
                checked={value.includes(option.value)}
                onChange={(event) => onChange(toggleValue(order, value, option.value, event.target.checked))}
                onBlur={onBlur}
                aria-invalid={error ? true : undefined}
              />
              <label htmlFor={inputId}>{option.label}</label>
            </div>
          );
        })}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
