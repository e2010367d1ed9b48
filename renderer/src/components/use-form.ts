// Form state shared by every form: values, live validation shown after a field is left, server errors, and saving.
import { useRef, useState } from 'react';
import type { RefObject } from 'react';
import { toClientError } from '../api/errors';
import type { ClientApiError } from '../api/errors';
import { useRouter } from '../app/router';
import { useT } from '../i18n';
import type { FormFieldErrorCode, FormFieldErrors } from '../i18n/codes';
import { draftKey, keepDraft, takeDraft } from '../stores/drafts';
import { useSession } from '../stores/session';

export interface UseFormOptions<V> {
  /** Prefix for input ids: field 'openingHours.1.open' of form 'office' has id 'office-openingHours-1-open'. */
  id: string;
  initial: V | (() => V);
  /** Live validation of the current values (e.g. the domain's zod schema), keyed by input path. */
  validate: (values: V) => FormFieldErrors;
  /** A field's own text for an error code (e.g. "Brukernavnet er tatt"); undefined falls back to the shared text. */
  messageFor?: (path: string, code: FormFieldErrorCode) => string | undefined;
}

/** The five props that tie an input component (TextField, SelectField, TimeField …) to one field of a form. */
export interface FieldBinding<T> {
  id: string;
  value: T;
  onChange: (value: T) => void;
  onBlur: () => void;
  /** The error text to show now, in the user's language. */
  error: string | undefined;
}

/** Reads a dotted path ('openingHours.1.open') from plain objects and arrays. */
function valueAt(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], values);
}

/** A copy of `values` with the value at a dotted path replaced; objects and arrays on the way are copied, not changed. */
function withValueAt<V>(values: V, path: string, value: unknown): V {
  const [head, ...rest] = path.split('.');
  const node = values as unknown as Record<string, unknown>;
  const next = rest.length === 0 ? value : withValueAt(node[head!], rest.join('.'), value);
  if (Array.isArray(node)) return node.map((item, index) => (String(index) === head ? next : item)) as unknown as V;
  return { ...node, [head!]: next } as V;
}

/** What a successful submit resolves with: the save's own result. */
export interface Saved<R> {
  value: R;
}

export interface FormState<V> {
  values: V;
  /** Replaces values; `paths` are the fields the change touched, whose server errors are now out of date. */
  update(change: (values: V) => V, ...paths: string[]): void;
  set<K extends keyof V & string>(key: K, value: V[K]): void;
  touch(path: string): void;
  fieldId(path: string): string;
  /** The error code to show for a field now (server errors always; live errors once the field was left or a save tried). */
  errorCode(path: string): FormFieldErrorCode | undefined;
  /** The error text to show for a field now (the form's own text for the code, else the shared one). */
  errorText(path: string): string | undefined;
  /** The text for an error code at a field, for the error summary. */
  messageFor(path: string, code: FormFieldErrorCode): string;
  /**
   * Binds an input to a field: `<TextField label=… {...form.bind('name')} />`. `path` may be dotted
   * ('openingHours.1.open'); `alsoClears` names other fields whose server errors a change makes out of date.
   */
  bind<T = string>(path: string, alsoClears?: readonly string[]): FieldBinding<T>;
  /** Binds a CheckboxField: the same as `bind`, with `checked` in place of `value`. */
  bindCheckbox(path: string, alsoClears?: readonly string[]): Omit<FieldBinding<boolean>, 'value'> & { checked: boolean };
  /** Every error shown now, in a stable order, for the summary. */
  shownErrors(): [string, FormFieldErrorCode][];
  submitted: boolean;
  saving: boolean;
  /** A failure that is not about one field (network, not found, in use…). */
  generalError: ClientApiError | null;
  summaryRef: RefObject<HTMLDivElement | null>;
  /** True when the values were restored after the session ended during a save. */
  restoredDraft: boolean;
  /**
   * Validates, then runs the save; on failure keeps every value and shows what went wrong.
   * Resolves with what the save returned, as `{ value }` (so a save that returns nothing still reads as done), or null when
   * validation or the call failed: `const saved = await form.submit(() => api.call(…)); if (saved) use(saved.value)`.
   */
  submit<R>(save: () => Promise<R>): Promise<Saved<R> | null>;
  reset(values: V): void;
}

/**
 * Whether a mouse button or finger is down right now. A field's error appears when the field is left; if that
 * happens on pointer-down (clicking a checkbox further down), the error would push the target away before the
 * click lands. So while a pointer is down, showing the error waits until the click is over.
 */
let pointerIsDown = false;
if (typeof document !== 'undefined') {
  document.addEventListener('pointerdown', () => (pointerIsDown = true), true);
  document.addEventListener('pointerup', () => setTimeout(() => (pointerIsDown = false), 0), true);
  document.addEventListener('pointercancel', () => (pointerIsDown = false), true);
}

function afterPointerRelease(action: () => void) {
  if (!pointerIsDown) {
    action();
    return;
  }
  // Runs after this pointerup and the click that follows it.
  document.addEventListener('pointerup', () => setTimeout(action, 0), { once: true, capture: true });
}

export function fieldIdFor(formId: string, path: string): string {
  return `${formId}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Where this form's values are kept if the session ends during a save; null before anyone is signed in. */
function currentDraftKey(formId: string): string | null {
  const user = useSession.getState().user;
  return user ? draftKey(user.userId, useRouter.getState().path, formId) : null;
}

export function useForm<V>(options: UseFormOptions<V>): FormState<V> {
  const [restored] = useState<{ values: V } | null>(() => {
    const key = currentDraftKey(options.id);
    const draft = key ? takeDraft<V>(key) : undefined;
    return draft === undefined ? null : { values: draft };
  });
  const [values, setValues] = useState<V>(restored ? restored.values : options.initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverFields, setServerFields] = useState<FormFieldErrors>({});
  const [generalError, setGeneralError] = useState<ClientApiError | null>(null);
  const summaryRef = useRef<HTMLDivElement | null>(null);
  const { fieldErrorText } = useT();
  const live = options.validate(values);

  function messageFor(path: string, code: FormFieldErrorCode): string {
    return options.messageFor?.(path, code) ?? fieldErrorText(code);
  }

  function touch(path: string) {
    afterPointerRelease(() => setTouched((current) => (current.has(path) ? current : new Set(current).add(path))));
  }

  function errorText(path: string): string | undefined {
    const code = errorCode(path);
    return code ? messageFor(path, code) : undefined;
  }

  function errorCode(path: string): FormFieldErrorCode | undefined {
    return serverFields[path] ?? (submitted || touched.has(path) ? live[path] : undefined);
  }

  function clearServerErrors(paths: string[]) {
    if (paths.length === 0) return;
    setServerFields((current) => {
      if (!paths.some((path) => path in current)) return current;
      const next = { ...current };
      for (const path of paths) delete next[path];
      return next;
    });
  }

function bind<T>(path: string, alsoClears: readonly string[] = []): FieldBinding<T> {
    return {
      id: fieldIdFor(options.id, path),
      value: valueAt(values, path) as T,
      onChange: (value: T) => {
        setValues((current) => withValueAt(current, path, value));
        clearServerErrors([path, ...alsoClears]);
      },
      onBlur: () => touch(path),
      error: errorText(path),
    };
  }

  function focusSummary() {
    // After React has rendered the summary.
    setTimeout(() => summaryRef.current?.focus(), 0);
  }

  return {
    values,
    update(change, ...paths) {
      setValues(change);
      clearServerErrors(paths);
    },
    set(key, value) {
      setValues((current) => ({ ...current, [key]: value }));
      clearServerErrors([key]);
    },
    touch,
    fieldId: (path) => fieldIdFor(options.id, path),
    errorCode,
    errorText,
    messageFor,
    bind,
    bindCheckbox(path, alsoClears) {
      const { value, ...rest } = bind<boolean>(path, alsoClears);
      return { ...rest, checked: value };
    },
    shownErrors() {
      const paths = new Set([...Object.keys(live), ...Object.keys(serverFields)]);
      return [...paths].flatMap((path) => {
        const code = errorCode(path);
        return code ? [[path, code] as [string, FormFieldErrorCode]] : [];
      });
    },
    submitted,
    saving,
    generalError,
    summaryRef,
    restoredDraft: restored !== null,
    async submit<R>(save: () => Promise<R>): Promise<Saved<R> | null> {
      setSubmitted(true);
      setGeneralError(null);
      if (Object.keys(live).length > 0) {
        focusSummary();
        return null;
      }
      setSaving(true);
      const keyBeforeSave = currentDraftKey(options.id);
      try {
        const value = await save();
        setServerFields({});
        return { value };
      } catch (error) {
        const failure = toClientError(error);
        // The session ended (backend restart): the page closes, so keep what was typed for the same user.
        if (failure.code === 'auth.signInRequired' && keyBeforeSave) keepDraft(keyBeforeSave, values);
        const fields = failure.fields ?? {};
        setServerFields(fields);
        // A plain 'validation.failed' is fully explained by the field errors; anything else gets its own message.
        if (!(failure.code === 'validation.failed' && Object.keys(fields).length > 0)) setGeneralError(failure);
        focusSummary();
        return null;
      } finally {
        setSaving(false);
      }
    },
    reset(next) {
      setValues(next);
      setTouched(new Set());
      setSubmitted(false);
      setServerFields({});
      setGeneralError(null);
    },
  };
}
