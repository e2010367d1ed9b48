// The routine form's words without React: each field's label (also for the error summary) and the field-specific error texts.
import type { Translator, MessageKey } from '../../i18n';
import type { FormFieldErrorCode } from '../../i18n/codes';
import { invalidIcpc2Codes } from './routine-form';

const LABELS: Record<string, MessageKey> = {
  title: 'routines.field.title',
  icpc2Codes: 'routines.field.icpc2Codes',
  indication: 'routines.field.indication',
  inclusionCriteria: 'routines.field.inclusionCriteria',
  exclusionCriteria: 'routines.field.exclusionCriteria',
  'medicine.name': 'routines.medicine.name',
  'medicine.atcCode': 'routines.medicine.atcCode',
  'medicine.strength': 'routines.medicine.strength',
  'medicine.form': 'routines.medicine.form',
  'medicine.route': 'routines.medicine.route',
  'medicine.dose': 'routines.medicine.dose',
  'medicine.frequency': 'routines.medicine.frequency',
  'medicine.durationDays': 'routines.medicine.durationDays',
  'medicine.maxQuantity': 'routines.medicine.maxQuantity',
  nurseMay: 'routines.field.nurseMay',
  followUpAdvice: 'routines.field.followUpAdvice',
  responsibleDoctorId: 'routines.field.responsibleDoctor',
  requiredCompetenceTypeIds: 'routines.field.requiredCompetences',
  validFrom: 'routines.field.validFrom',
  reviewDate: 'routines.field.reviewDate',
  expiresOn: 'routines.field.expiresOn',
};

/** A field's label by form path; an exclusion row ('exclusionCriteria.2.text') is "Eksklusjonskriterium 3". */
export function routineFieldLabel(t: Translator['t'], path: string): string {
  const row = /^exclusionCriteria\.(\d+)\.(text|redFlag)$/.exec(path);
  if (row) return t('routines.edit.exclusionRow', { n: Number(row[1]) + 1 });
  const key = LABELS[path];
  return key ? t(key) : path;
}

const DATE_FIELDS = ['validFrom', 'reviewDate', 'expiresOn'];
const CRITERIA_FIELDS = ['inclusionCriteria', 'exclusionCriteria'];

/**
 * The routine form's own text for an error (useForm's `messageFor`), or undefined for the shared one. `icpc2Codes` is the
 * field's current text, so "Ikke en ICPC-2-kode: X1." names the codes that are wrong.
 */
export function routineErrorText(t: Translator['t'], path: string, code: FormFieldErrorCode, icpc2Codes: string): string | undefined {
  if (path === 'icpc2Codes') {
    if (code === 'required') return t('routines.edit.icpc2Required');
    if (code === 'invalidFormat') return t('routines.edit.icpc2Invalid', { codes: invalidIcpc2Codes(icpc2Codes).join(', ') });
  }
  if (path === 'inclusionCriteria' && code === 'required') return t('routines.edit.inclusionRequired');
  if (path === 'exclusionCriteria' && code === 'required') return t('routines.edit.exclusionRequired');
  if ((path === 'inclusionCriteria' || path.startsWith('exclusionCriteria')) && code === 'tooLong') return t('routines.edit.criterionTooLong');
  if (CRITERIA_FIELDS.includes(path) && code === 'outOfRange') return t('routines.edit.tooManyCriteria');
  if (path === 'medicine.atcCode' && code === 'invalidFormat') return t('routines.edit.atcInvalid');
  if (path === 'medicine.durationDays' && (code === 'outOfRange' || code === 'invalidFormat')) return t('routines.edit.durationInvalid');
  if (path === 'nurseMay') return t('routines.edit.nurseMayRequired');
  if (path === 'responsibleDoctorId') return t('routines.edit.doctorRequired');
  if (path === 'reviewDate' && code === 'timeOrder') return t('routines.edit.reviewOrder');
  if (path === 'expiresOn' && code === 'timeOrder') return t('routines.edit.expiryOrder');
  if (path === 'validFrom' && code === 'outOfRange') return t('routines.edit.validFromPast');
  if (DATE_FIELDS.includes(path) && (code === 'invalidFormat' || code === 'required')) return t('routines.edit.dateRequired');
  return undefined;
}
