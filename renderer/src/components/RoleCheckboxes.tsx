// A fieldset of role checkboxes (resepsjonist … administrator) with one error for the group.
import { ROLES } from '../../../domain/roles';
import type { Role } from '../../../domain/roles';
import { useT } from '../i18n';
import { capitalise, roleName } from '../i18n/labels';
import { FieldError } from './fields';

interface RoleCheckboxesProps {
  /** Id of the first checkbox, so the error summary can move focus to the group. */
  id: string;
  legend: string;
  hint: string;
  value: readonly Role[];
  onChange: (role: Role, checked: boolean) => void;
  onBlur?: () => void;
  error?: string | undefined;
}

export function RoleCheckboxes({ id, legend, hint, value, onChange, onBlur, error }: RoleCheckboxesProps) {
  const { t } = useT();
  return (
    <fieldset className={`fieldset fieldset--compact${error ? ' field--error' : ''}`} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend>{legend}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div className="checkbox-row">
        {ROLES.map((role, index) => {
          const inputId = index === 0 ? id : `${id}-${role}`;
          return (
            <div className="field field--checkbox" key={role}>
              <input
                id={inputId}
                type="checkbox"
                className="checkbox"
                checked={value.includes(role)}
                onChange={(event) => onChange(role, event.target.checked)}
                onBlur={onBlur}
                aria-invalid={error ? true : undefined}
              />
              <label htmlFor={inputId}>{capitalise(roleName(t, role))}</label>
            </div>
          );
        })}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
