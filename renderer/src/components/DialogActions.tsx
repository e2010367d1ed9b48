// The footer of a dialog: submit (save or another label, plain or danger) and cancel, an optional delete button, and the inline "really delete?" confirmation.
import type { ReactNode } from 'react';
import { useT } from '../i18n';
import type { ActionState } from './use-action';

export interface DialogDelete {
  /** The delete button's text, also the confirmation group's accessible name. */
  label: string;
  /** The question shown while confirming. */
  confirmText: string;
  onConfirm: () => void;
}

interface DialogActionsProps {
  saving: boolean;
  /** The submit button's text; «Lagre» when not given. */
  submitLabel?: string;
  /** Its text while saving; «Lagrer …» when not given. */
  savingLabel?: string;
  /** A destructive or irreversible action: the submit button is solid red instead of primary. */
  danger?: boolean;
  /** Disables the submit button for another reason than saving (nothing to do). */
  submitDisabled?: boolean;
  /** Outside a form: the submit button is a plain button that calls this. Cancel then gets autoFocus, as the routine dialogs had,
   * though FormDialog's showModal() runs after it and focuses the first button. */
  onSubmit?: () => void;
  /** Another action (delete, restore…) is running: save and delete are disabled. */
  busy?: boolean;
  /** The dialog's delete (or other) action from useAction: supplies `busy` and the confirmation state. */
  action?: ActionState;
  onCancel: () => void;
  /** Shows a delete button when given. */
  delete?: DialogDelete | undefined;
  /** Whether the inline delete confirmation is shown instead of the buttons (state kept by the dialog). */
  confirmingDelete?: boolean;
  onConfirmingDeleteChange?: (confirming: boolean) => void;
  /** Extra buttons between cancel and delete. */
  children?: ReactNode;
}

export function DialogActions({
  saving,
  submitLabel,
  savingLabel,
  danger = false,
  submitDisabled = false,
  onSubmit,
  action,
  busy = action?.busy ?? false,
  onCancel,
  delete: del,
  confirmingDelete = action?.confirming ?? false,
  onConfirmingDeleteChange = action?.setConfirming,
  children,
}: DialogActionsProps) {
  const { t } = useT();
  if (confirmingDelete && del) {
    return (
      <div className="form-actions confirm-inline" role="group" aria-label={del.label}>
        <p className="confirm-text">{del.confirmText}</p>
        <button type="button" className="button button--danger-solid" onClick={del.onConfirm} disabled={busy} autoFocus>
          {t('common.confirmDelete')}
        </button>
        <button type="button" className="button" onClick={() => onConfirmingDeleteChange?.(false)}>
          {t('common.cancel')}
        </button>
      </div>
    );
  }
  return (
    <div className="form-actions">
      <button
        type={onSubmit ? 'button' : 'submit'}
        className={danger ? 'button button--danger-solid' : 'button button--primary'}
        onClick={onSubmit}
        disabled={saving || busy || submitDisabled}
      >
        {saving ? (savingLabel ?? t('common.saving')) : (submitLabel ?? t('common.save'))}
      </button>
      <button type="button" className="button" onClick={onCancel} autoFocus={Boolean(onSubmit)}>
        {t('common.cancel')}
      </button>
      {children}
      {del && (
        <button type="button" className="button button--danger button--push" onClick={() => onConfirmingDeleteChange?.(true)} disabled={busy}>
          {del.label}
        </button>
      )}
    </div>
  );
}
