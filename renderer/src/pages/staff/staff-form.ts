// Staff form logic without React: form values ⇄ API input, live validation and the list filter.
import { staffInputSchema } from '../../../../domain/staff';
import type { Profession, StaffInput, StaffMember } from '../../../../domain/staff';
import { validate } from '../../../../domain/validation';
import { parseTypedNumber } from '../../components/parse';
import type { FormFieldErrors } from '../../i18n/codes';

export interface StaffForm {
  name: string;
  /** '' until a profession is chosen. */
  profession: Profession | '';
  hprNumber: string;
  homeMunicipality: string;
  /** '' means no base office. */
  baseOfficeId: string;
  positionPercent: string;
  active: boolean;
  /** How to reach the person; '' = none. */
  phone: string;
}

/** A new person: full time, active, based at this computer's office if it has one. */
export function emptyStaffForm(defaultOfficeId: string | null): StaffForm {
  return {
    name: '',
    profession: '',
    hprNumber: '',
    homeMunicipality: '',
    baseOfficeId: defaultOfficeId ?? '',
    positionPercent: '100',
    active: true,
    phone: '',
  };
}

export function staffToForm(member: StaffMember): StaffForm {
  return {
    name: member.name,
    profession: member.profession,
    hprNumber: member.hprNumber ?? '',
    homeMunicipality: member.homeMunicipality ?? '',
    baseOfficeId: member.baseOfficeId ?? '',
    positionPercent: String(member.positionPercent),
    active: member.active,
    phone: member.phone ?? '',
  };
}

/** The API input; an unchosen profession or an empty percentage is left for validation to report. */
export function staffFormToInput(form: StaffForm): StaffInput {
  return {
    name: form.name,
    profession: form.profession as Profession,
    hprNumber: form.hprNumber,
    homeMunicipality: form.homeMunicipality,
    baseOfficeId: form.baseOfficeId === '' ? null : form.baseOfficeId,
    positionPercent: parseTypedNumber(form.positionPercent) ?? Number.NaN,
    active: form.active,
    phone: form.phone,
  };
}

export function staffFormErrors(form: StaffForm): FormFieldErrors {
  const result = validate(staffInputSchema, staffFormToInput(form));
  const errors: FormFieldErrors = result.ok ? {} : { ...result.fields };
  if (form.profession === '') errors.profession = 'required';
  if (form.positionPercent.trim() === '') errors.positionPercent = 'required';
  else if (Number.isNaN(parseTypedNumber(form.positionPercent))) errors.positionPercent = 'invalidFormat';
  return errors;
}

/** Case-insensitive match on name, profession, base office, home municipality or HPR number. */
export function filterStaff(
  staff: readonly StaffMember[],
  filter: string,
  describe: { profession: (profession: Profession) => string; office: (officeId: string | null) => string },
): StaffMember[] {
  const words = filter.toLocaleLowerCase('nb').split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...staff];
  return staff.filter((member) => {
    const text = [member.name, describe.profession(member.profession), describe.office(member.baseOfficeId), member.homeMunicipality ?? '', member.hprNumber ?? '']
      .join(' ')
      .toLocaleLowerCase('nb');
    return words.every((word) => text.includes(word));
  });
}
