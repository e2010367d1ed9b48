// A settings section that saves on its own, validated when saved: its heading and hint, the fields, and the save button with a "lagret" status line.
import type { ReactNode } from 'react';
import { Form, FormActions } from '../../components/Form';
import { useT } from '../../i18n';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

interface SectionFormProps {
  /** Prefix of the heading's id (`<id>-title`), which names the form. */
  id: string;
  title: string;
  hint: string;
  status: SaveStatus;
  submitLabel: string;
  /** The status line after a save that worked. */
  savedText: string;
  onSubmit: () => void;
  /** A field changed: the status line's "lagret" or "ikke lagret" no longer applies. */
  onEdit: () => void;
  children: ReactNode;
}

export function SectionForm({ id, title, hint, status, submitLabel, savedText, onSubmit, onEdit, children }: SectionFormProps) {
  const { t } = useT();
  return (
    <Form className="form form--section" labelledBy={`${id}-title`} onSubmit={onSubmit} onChange={onEdit}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="field-hint">{hint}</p>
      {children}
      <FormActions saving={status === 'saving'} submitLabel={submitLabel}>
        <p role="status" className="field-hint">
          {status === 'saved' ? savedText : status === 'failed' ? `${t('form.notSaved')} ${t('form.inputKept')}` : ''}
        </p>
      </FormActions>
    </Form>
  );
}
