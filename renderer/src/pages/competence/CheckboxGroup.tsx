// A fieldset of checkboxes (professions, duties) with a hint and one error for the group; the first box carries the group's id.
import { FieldError } from '../../components/fields';
import { useT } from '../../i18n';

interface CheckboxGroupProps<T extends string> {
  /** Id of the first checkbox, so the error summary can move focus to the group. */
  id: string;
  legend: string;
  hint?: string;
  optional?: boolean;
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  onChange: (value: T, checked: boolean) => void;
  onBlur?: () => void;
  error?: string | undefined;
}

export function CheckboxGroup<T extends string>({ id, legend, hint, optional, options, value, onChange, onBlur, error }: CheckboxGroupProps<T>) {
  const { t } = useT();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`fieldset fieldset--compact competence-checkboxes${error ? ' field--error' : ''}`} aria-describedby={describedBy}>
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
                onChange={(event) => onChange(option.value, event.target.checked)}
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
