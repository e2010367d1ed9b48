// A dialog around one form: title, notices, the error summary, the fields, and the footer (save, cancel, an optional delete with its confirmation).
import type { ComponentProps, ReactNode } from 'react';
import { DialogActions } from './DialogActions';
import type { DialogDelete } from './DialogActions';
import { ErrorSummary } from './ErrorSummary';
import { DialogForm, FormDialog } from './FormDialog';
import { ErrorNotice } from './page';
import type { ActionState } from './use-action';
import type { FormState } from './use-form';

interface EditDialogProps<V> {
  title: string;
  /** Wider dialog for forms with many fields. */
  wide?: boolean;
  onClose: () => void;
  form: FormState<V>;
  /** The fields' labels for the error summary (see ErrorSummary). */
  labelFor: ComponentProps<typeof ErrorSummary<V>>['labelFor'];
  onSubmit: () => void;
  /** Shown above the form: what the dialog does, or what is being changed. */
  intro?: ReactNode;
  /** A delete (or other) action from useAction; its failure is shown above the form under `actionFailedTitle`. */
  action?: ActionState;
  actionFailedTitle?: string;
  /** Shows a delete button (with its inline confirmation) when given. */
  remove?: DialogDelete | undefined;
  /** The footer's own texts, when not «Lagre». */
  footer?: Pick<ComponentProps<typeof DialogActions>, 'submitLabel' | 'savingLabel' | 'submitDisabled'>;
  /** Extra footer buttons between cancel and delete. */
  buttons?: ReactNode;
  /** The fields. */
  children: ReactNode;
}

export function EditDialog<V>(props: EditDialogProps<V>) {
  const { form, action, onClose } = props;
  return (
    <FormDialog title={props.title} onClose={onClose} wide={props.wide}>
      {props.intro}
      {action?.error && <ErrorNotice error={action.error} title={props.actionFailedTitle} />}
      <DialogForm onSubmit={props.onSubmit}>
        <ErrorSummary form={form} labelFor={props.labelFor} />
        {props.children}
        <DialogActions saving={form.saving} onCancel={onClose} action={action} delete={props.remove} {...props.footer}>
          {props.buttons}
        </DialogActions>
      </DialogForm>
    </FormDialog>
  );
}
