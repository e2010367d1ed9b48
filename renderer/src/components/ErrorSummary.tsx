// The error box at the top of a form: role="alert", what failed, and a link to each field that needs fixing.
import type { FormState } from './use-form';
import type { FormFieldErrorCode } from '../i18n/codes';
import { useT } from '../i18n';
import { Notice } from './page';

interface ErrorSummaryProps<V> {
  form: FormState<V>;
  /**
   * The field's label as shown in the form, for "Telefon: …" lines: a function, or the labels by path (a dotted path
   * such as 'roles.2' falls back to the label of its first part).
   */
  labelFor: ((path: string) => string) | Readonly<Record<string, string>>;
  /** The text for an error at a field; the form's own (useForm's `messageFor` option, else the shared text) by default. */
  messageFor?: (path: string, code: FormFieldErrorCode) => string;
  /** First line of the box; "Ikke lagret." unless the form does something else (e.g. signing in). */
  title?: string;
  /** Whether to reassure that the typed values are still there after a failed call (true for forms that save). */
  keepsInput?: boolean;
}

function labelText(labelFor: ErrorSummaryProps<unknown>['labelFor'], path: string): string {
  if (typeof labelFor === 'function') return labelFor(path);
  return labelFor[path] ?? labelFor[path.split('.')[0]!] ?? path;
}

export function ErrorSummary<V>({ form, labelFor, messageFor = form.messageFor, title, keepsInput = true }: ErrorSummaryProps<V>) {
  const { t, errorText } = useT();
  const { submitted, generalError: general, summaryRef, fieldId, restoredDraft } = form;
  const fieldErrors = submitted ? form.shownErrors() : [];
  if (fieldErrors.length === 0 && !general) {
    return restoredDraft && !submitted ? (
      <Notice kind="info" role="status">
        <p>{t('form.draftRestored')}</p>
      </Notice>
    ) : null;
  }
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
      <p className="error-summary-title">
        <span aria-hidden="true">⚠ </span>
        {title ?? t('form.notSaved')}
      </p>
      {general && (
        <p>
          {errorText(general)}
          {keepsInput && ` ${t('form.inputKept')}`}
        </p>
      )}
      {fieldErrors.length > 0 && (
        <>
          <p>{t('form.fixFields', { count: fieldErrors.length })}</p>
          <ul>
            {fieldErrors.map(([path, code]) => (
              <li key={path}>
                <a
                  href={`#${fieldId(path)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(fieldId(path))?.focus();
                  }}
                >
                  {t('form.fieldError', { label: labelText(labelFor, path), message: messageFor(path, code) })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
