// A modal dialog for a form (native <dialog>): open while mounted, Esc closes, focus stays inside and returns to the opener.
import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { Form } from './Form';

interface FormDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Wider dialog for forms with many fields. */
  wide?: boolean;
}

export function FormDialog({ title, onClose, children, wide }: FormDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      // Back to the button that opened the dialog, if it is still there (a deleted shift's button is not).
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--form${wide ? ' dialog--wide' : ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

/** Enter saves from anywhere in the form: text fields do it natively, selects and checkboxes need this. */
export function submitOnEnter(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key !== 'Enter' || event.defaultPrevented) return;
  const target = event.target;
  if (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio'))) {
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }
}

/** The form inside a dialog: no browser validation bubbles, Enter saves (also from selects and checkboxes). */
export function DialogForm({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) {
  return (
    <Form className="form dialog-form" onKeyDown={submitOnEnter} onSubmit={onSubmit}>
      {children}
    </Form>
  );
}
