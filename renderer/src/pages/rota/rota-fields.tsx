// Shared parts of the rota dialogs: the person picker (type to filter), choices for people and offices, and field wording.
import { useMemo } from 'react';
import { TextField } from '../../components/fields';
import type { Translator } from '../../i18n';
import type { FormFieldErrorCode } from '../../i18n/codes';
import { useT } from '../../i18n';
import { professionName } from '../../i18n/labels';
import { staffChoices } from './rota-form';
import type { StaffChoice } from './rota-form';
import type { RotaWeek } from './rota-view';

/** People ("Ingrid Solbakk – lege, Grong legekontor") and offices for the dialogs, from the rota week already loaded. */
export function useRotaChoices(rota: RotaWeek, keepStaffId: string | null) {
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

interface PersonFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  error?: string | undefined;
  choices: readonly StaffChoice[];
  autoFocus?: boolean;
}

/** A text field with the people as suggestions: typing filters the list; the field accepts a listed text or a unique name. */
export function PersonField({ id, value, onChange, onBlur, error, choices, autoFocus }: PersonFieldProps) {
  const { t } = useT();
  return (
    <>
      <TextField
        id={id}
        label={t('rota.person')}
        hint={t('rota.personHint')}
        value={value}
        onChange={onChange}
        onBlur={onBlur}
        error={error}
        list={`${id}-list`}
        autoFocus={autoFocus}
        maxLength={200}
      />
      <datalist id={`${id}-list`}>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.label} />
        ))}
      </datalist>
    </>
  );
}

/** Field-specific wording for the rota forms' error codes. */
export function rotaFieldMessage(t: Translator['t'], fieldErrorText: Translator['fieldErrorText'], path: string, code: FormFieldErrorCode): string {
  if (path === 'staffId' && code === 'invalidChoice') return t('rota.staffInvalid');
  if ((path === 'start' || path === 'end') && code === 'invalidFormat') return t('rota.timeFormat');
  if ((path === 'date' || path === 'from' || path === 'to') && code === 'invalidFormat') return t('rota.dateFormat');
  if (path === 'to' && code === 'timeOrder') return t('rota.toBeforeFrom');
  if (path === 'weekdays' && code === 'required') return t('rota.weekdaysRequired');
  if (path === 'intervalWeeks' && code === 'outOfRange') return t('rota.intervalRange');
  return fieldErrorText(code);
}
