// A form on a page or in a dialog (no browser validation bubbles, submit calls onSubmit) and its footer: save, cancel and extra buttons.
import type { KeyboardEvent, ReactNode } from 'react';
import { useT } from '../i18n';

interface FormProps {
  onSubmit: () => void;
  className?: string;
  /** Id of the heading that names the form (a page with several forms). */
  labelledBy?: string;
  onKeyDown?: (event: KeyboardEvent<HTMLFormElement>) => void;
  /** Any field of the form changed (React's change events bubble up from the inputs). */
  onChange?: () => void;
  children: ReactNode;
}

export function Form({ onSubmit, className, labelledBy, onKeyDown, onChange, children }: FormProps) {
  return (
    <form
      className={className}
      noValidate
      aria-labelledby={labelledBy}
      onKeyDown={onKeyDown}
      onChange={onChange}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

interface FormActionsProps {
  saving: boolean;
  /** The submit button's text; «Lagre» when not given. */
  submitLabel?: string;
  /** Its text while saving; «Lagrer …» when not given. */
  savingLabel?: string;
  /** A plain button instead of the primary one (a second form on the page). */
  secondary?: boolean;
  /** Where «Avbryt» leads; no cancel link when not given. */
  cancelHref?: string;
  /** After the buttons: another action, or a status line. */
  children?: ReactNode;
}

export function FormActions({ saving, submitLabel, savingLabel, secondary = false, cancelHref, children }: FormActionsProps) {
  const { t } = useT();
  return (
    <div className="form-actions">
      <button type="submit" className={secondary ? 'button' : 'button button--primary'} disabled={saving}>
        {saving ? (savingLabel ?? t('common.saving')) : (submitLabel ?? t('common.save'))}
      </button>
      {cancelHref && (
        <a className="button" href={cancelHref}>
          {t('common.cancel')}
        </a>
      )}
      {children}
    </div>
  );
}
