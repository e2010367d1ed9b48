// Shared parts of the rota dialogs: their form (choices for people and offices, rota wording for errors), the person picker, and field labels.
import { useMemo } from 'react';
import { TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';
import type { FieldBinding, FormState } from '../../components/use-form';
import type { Translator } from '../../i18n';
import type { FormFieldErrorCode, FormFieldErrors } from '../../i18n/codes';
import { useT } from '../../i18n';
import { professionName } from '../../i18n/labels';
import { staffChoices } from './rota-form';
import type { StaffChoice } from './rota-form';
import type { RotaWeek } from './rota-view';

/** People ("Ingrid Solbakk – lege, Grong legekontor") and offices for the dialogs, from the rota week already loaded. */
function useRotaChoices(rota: RotaWeek, keepStaffId: string | null) {
  const { t } = useT();
  return useMemo(() => {
    const officeName = new Map(rota.offices.map((office) => [office.id, office.name]));
    const choices = staffChoices(
      rota.staff,
      (member) => [professionName(t, member.profession), member.baseOfficeId ? officeName.get(member.baseOfficeId) : null].filter(Boolean).join(', '),
      keepStaffId,
    );
    const officeOptions = rota.offices.map((office) => ({ value: office.id, label: office.name }));
    return { choices, officeOptions };
  }, [rota.offices, rota.staff, keepStaffId, t]);
}

interface RotaFormOptions<V> {
  /** The form's id (input id prefix). */
  id: string;
  rota: RotaWeek;
  /** The person of the shift, absence or pattern being changed: listed even when no longer active. */
  keepStaffId: string | null;
  initial: (choices: readonly StaffChoice[]) => V;
  validate: (values: V, choices: readonly StaffChoice[]) => FormFieldErrors;
}

/** A rota dialog's form with the people and offices to choose from; errors use the rota's own wording. */
export function useRotaForm<V extends { staffText: string }>({ id, rota, keepStaffId, initial, validate }: RotaFormOptions<V>) {
  const { t } = useT();
  const { choices, officeOptions } = useRotaChoices(rota, keepStaffId);
  const form = useForm<V>({
    id,
    initial: () => initial(choices),
    validate: (values) => validate(values, choices),
    messageFor: (path, code) => rotaFieldMessage(t, path, code),
  });
  return { form, choices, officeOptions };
}

/** The labels of the rota dialogs' fields, for the error summary; a dialog overrides the ones it words differently. */
export function rotaLabels(t: Translator['t']) {
  return {
    staffId: t('rota.person'),
    officeId: t('rota.office'),
    date: t('rota.date'),
    kind: t('rota.kind'),
    start: t('rota.start'),
    end: t('rota.end'),
    note: t('rota.note'),
  };
}

/** Binds the person picker: what is typed is `staffText`; its errors (and the error summary's link) are `staffId`'s. */
export function bindPerson<V extends { staffText: string }>(form: FormState<V>): FieldBinding<string> {
  return { ...form.bind('staffText', ['staffId']), id: form.fieldId('staffId'), onBlur: () => form.touch('staffId'), error: form.errorText('staffId') };
}

interface PersonFieldProps extends FieldBinding<string> {
  choices: readonly StaffChoice[];
  autoFocus?: boolean;
}

/** A text field with the people as suggestions: typing filters the list; the field accepts a listed text or a unique name. */
export function PersonField({ choices, ...field }: PersonFieldProps) {
  const { t } = useT();
  return (
    <>
      <TextField {...field} label={t('rota.person')} hint={t('rota.personHint')} list={`${field.id}-list`} maxLength={200} />
      <datalist id={`${field.id}-list`}>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.label} />
        ))}
      </datalist>
    </>
  );
}

/** Field-specific wording for the rota forms' error codes; undefined for the shared text. */
function rotaFieldMessage(t: Translator['t'], path: string, code: FormFieldErrorCode): string | undefined {
  if (path === 'staffId' && code === 'invalidChoice') return t('rota.staffInvalid');
  if ((path === 'start' || path === 'end') && code === 'invalidFormat') return t('rota.timeFormat');
  if ((path === 'date' || path === 'from' || path === 'to') && code === 'invalidFormat') return t('rota.dateFormat');
  if (path === 'to' && code === 'timeOrder') return t('rota.toBeforeFrom');
  if (path === 'weekdays' && code === 'required') return t('rota.weekdaysRequired');
  if (path === 'intervalWeeks' && code === 'outOfRange') return t('rota.intervalRange');
  return undefined;
}
