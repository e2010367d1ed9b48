// The footer of an edit dialog: save and cancel, an optional delete button, and the inline "really delete?" confirmation.
import type { ReactNode } from 'react';
import { useT } from '../i18n';

export interface DialogDelete {
  /** The delete button's text, also the confirmation group's accessible name. */
  label: string;
  /** The question shown while confirming. */
  confirmText: string;
  onConfirm: () => void;
}

interface DialogActionsProps {
  saving: boolean;
  /** Another action (delete, restore…) is running: save and delete are disabled. */
  busy?: boolean;
  onCancel: () => void;
  /** Shows a delete button when given. */
  delete?: DialogDelete | undefined;
  /** Whether the inline delete confirmation is shown instead of the buttons (state kept by the dialog). */
  confirmingDelete?: boolean;
  onConfirmingDeleteChange?: (confirming: boolean) => void;
  /** Extra buttons between cancel and delete. */
  children?: ReactNode;
}

export function DialogActions({ saving, busy = false, onCancel, delete: del, confirmingDelete = false, onConfirmingDeleteChange, children }: DialogActionsProps) {
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
      <button type="submit" className="button button--primary" disabled={saving || busy}>
        {saving ? t('common.saving') : t('common.save')}
      </button>
      <button type="button" className="button" onClick={onCancel}>
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
