// Ny registrering / Registrer fornyelse / Endre registrering: type, obtained, expiry (empty = computed, shown as a hint), evidence, verified by, note.
import type { CompetenceType, StaffCompetence } from '../../../../domain/competence/types';
import type { StaffMember } from '../../../../domain/staff';
import { api } from '../../api/client';
import { DialogActions } from '../../components/DialogActions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import type { MessageKey, MessageParams } from '../../i18n';
import type { FormFieldErrorCode } from '../../i18n/codes';
import { professionName } from '../../i18n/labels';
import { osloToday } from '../../format/dates';
import { formatDate } from '../../format/dates';
import { expiryHint, newRecordForm, recordFormErrors, recordFormToInput, recordToForm } from './competence-form';
import type { RecordForm } from './competence-form';

export type RecordDialogMode = { kind: 'new'; competenceTypeId: string | null } | { kind: 'edit'; record: StaffCompetence };

interface RecordDialogProps {
  staffId: string;
  personName: string;
  types: readonly CompetenceType[];
  staff: readonly StaffMember[];
  mode: RecordDialogMode;
  onClose: () => void;
  onSaved: (key: MessageKey, params?: MessageParams) => void;
}

const LABELS: Record<keyof RecordForm, MessageKey> = {
  competenceTypeId: 'competence.fieldType',
  obtained: 'competence.fieldObtained',
  expiresOn: 'competence.fieldExpires',
  evidenceRef: 'competence.fieldEvidence',
  verifiedBy: 'competence.fieldVerifiedBy',
  note: 'competence.fieldNote',
};

export function RecordDialog({ staffId, personName, types, staff, mode, onClose, onSaved }: RecordDialogProps) {
  const { t, fieldErrorText, language } = useT();
  const form = useForm<RecordForm>({
    id: 'competence-record',
    initial: () =>
      mode.kind === 'edit'
        ? recordToForm(mode.record, types.find((type) => type.id === mode.record.competenceTypeId))
        : newRecordForm(mode.competenceTypeId, osloToday()),
    validate: (values) => recordFormErrors(values, staffId, types),
  });
  const values = form.values;
  const renewalType = mode.kind === 'new' && mode.competenceTypeId ? types.find((type) => type.id === mode.competenceTypeId) : undefined;
  const title =
    mode.kind === 'edit'
      ? t('competence.editRecordTitle', { name: personName })
      : renewalType
        ? t('competence.renewTitle', { type: renewalType.name, name: personName })
        : t('competence.newRecordTitle', { name: personName });

  // Anyone active but the person can have verified the evidence; an inactive verifier of an old record stays listed.
  const keepVerifier = mode.kind === 'edit' ? mode.record.verifiedBy : null;
  const verifierOptions = staff
    .filter((member) => member.id !== staffId && (member.active || member.id === keepVerifier))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'))
    .map((member) => ({ value: member.id, label: `${member.name} (${professionName(t, member.profession)})` }));

  const labelFor = (path: string) => {
    const key = LABELS[path as keyof RecordForm] as MessageKey | undefined;
    return key ? t(key) : path;
  };
  const messageFor = (path: string, code: FormFieldErrorCode): string => {
    if (path === 'competenceTypeId' && (code === 'required' || code === 'invalidChoice')) return t('competence.typeRequired');
    if (path === 'obtained' && code === 'required') return t('competence.obtainedRequired');
    if ((path === 'obtained' || path === 'expiresOn') && code === 'invalidFormat') return t('competence.dateFormat');
    if (path === 'expiresOn' && code === 'timeOrder') return t('competence.expiresBeforeObtained');
    if (path === 'verifiedBy' && code === 'invalidChoice') return t('competence.verifiedBySelf');
    return fieldErrorText(code);
  };
  const errorFor = (path: keyof RecordForm): string | undefined => {
    const code = form.errorCode(path);
    return code ? messageFor(path, code) : undefined;
  };

  const hint = expiryHint(values, types);
  const expiresHint =
    hint.kind === 'computed'
      ? t('competence.expiresHintComputed', { date: formatDate(hint.date, language), months: hint.months })
      : hint.kind === 'never'
        ? t('competence.expiresHintNever', { type: hint.typeName })
        : hint.kind === 'needObtained'
          ? t('competence.expiresHintNeedObtained')
          : hint.kind === 'needType'
            ? t('competence.expiresHintNeedType')
            : t('competence.expiresHintEntered');

  async function save() {
    const input = recordFormToInput(form.values, staffId);
    const typeName = types.find((type) => type.id === form.values.competenceTypeId)?.name ?? '';
    const ok = await form.submit(async () => {
      if (mode.kind === 'edit') await api.call('competence.updateRecord', { ...input, id: mode.record.id });
      else await api.call('competence.addRecord', input);
    });
    if (ok) {
      if (mode.kind === 'edit') onSaved('competence.recordUpdated');
      else onSaved('competence.recordSaved', { type: typeName, name: personName });
    }
  }

  return (
    <FormDialog title={title} onClose={onClose} wide>
      <DialogForm onSubmit={() => void save()}>
        <ErrorSummary form={form} labelFor={labelFor} messageFor={messageFor} />
        <SelectField
          id={form.fieldId('competenceTypeId')}
          label={t('competence.fieldType')}
          value={values.competenceTypeId}
          placeholder={t('competence.chooseType')}
          options={types.map((type) => ({ value: type.id, label: type.name }))}
          onChange={(value) => form.set('competenceTypeId', value)}
          onBlur={() => form.touch('competenceTypeId')}
          error={errorFor('competenceTypeId')}
        />
        <div className="competence-dates">
          <TextField
            id={form.fieldId('obtained')}
            label={t('competence.fieldObtained')}
            type="date"
            width="medium"
            value={values.obtained}
            onChange={(value) => form.update((current) => ({ ...current, obtained: value }), 'obtained', 'expiresOn')}
            onBlur={() => form.touch('obtained')}
            error={errorFor('obtained')}
            autoFocus={mode.kind === 'new' && mode.competenceTypeId !== null}
          />
          <TextField
            id={form.fieldId('expiresOn')}
            label={t('competence.fieldExpires')}
            type="date"
            width="medium"
            optional
            hint={expiresHint}
            value={values.expiresOn}
            onChange={(value) => form.update((current) => ({ ...current, expiresOn: value }), 'expiresOn')}
            onBlur={() => form.touch('expiresOn')}
            error={errorFor('expiresOn')}
          />
        </div>
        <TextField
          id={form.fieldId('evidenceRef')}
          label={t('competence.fieldEvidence')}
          hint={t('competence.fieldEvidenceHint')}
          optional
          value={values.evidenceRef}
          onChange={(value) => form.set('evidenceRef', value)}
          onBlur={() => form.touch('evidenceRef')}
          error={errorFor('evidenceRef')}
          maxLength={200}
        />
        <SelectField
          id={form.fieldId('verifiedBy')}
          label={t('competence.fieldVerifiedBy')}
          hint={t('competence.fieldVerifiedByHint')}
          optional
          value={values.verifiedBy}
          placeholder={t('competence.nobody')}
          options={verifierOptions}
          onChange={(value) => form.set('verifiedBy', value)}
          onBlur={() => form.touch('verifiedBy')}
          error={errorFor('verifiedBy')}
        />
        <TextField
          id={form.fieldId('note')}
          label={t('competence.fieldNote')}
          optional
          value={values.note}
          onChange={(value) => form.set('note', value)}
          onBlur={() => form.touch('note')}
          error={errorFor('note')}
          maxLength={500}
        />
        <DialogActions saving={form.saving} onCancel={onClose} />
      </DialogForm>
    </FormDialog>
  );
}
