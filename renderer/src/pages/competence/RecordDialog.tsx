// Ny registrering / Registrer fornyelse / Endre registrering: type, obtained, expiry (empty = computed, shown as a hint), evidence, verified by, note.
import type { CompetenceType, StaffCompetence } from '../../../../domain/competence/types';
import type { StaffMember } from '../../../../domain/staff';
import { api } from '../../api/client';
import { EditDialog } from '../../components/EditDialog';
import { DateField } from '../../components/DateField';
import { SelectField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import type { MessageKey, MessageParams } from '../../i18n';
import { professionName } from '../../i18n/labels';
import { formatDate, osloToday } from '../../format/dates';
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

export function RecordDialog({ staffId, personName, types, staff, mode, onClose, onSaved }: RecordDialogProps) {
  const { t, language } = useT();
  const form = useForm<RecordForm>({
    id: 'competence-record',
    initial: () =>
      mode.kind === 'edit'
        ? recordToForm(mode.record, types.find((type) => type.id === mode.record.competenceTypeId))
        : newRecordForm(mode.competenceTypeId, osloToday()),
    validate: (values) => recordFormErrors(values, staffId, types),
    messageFor: (path, code) => {
      if (path === 'competenceTypeId' && (code === 'required' || code === 'invalidChoice')) return t('competence.typeRequired');
      if (path === 'obtained' && code === 'required') return t('competence.obtainedRequired');
      if ((path === 'obtained' || path === 'expiresOn') && code === 'invalidFormat') return t('competence.dateFormat');
      if (path === 'expiresOn' && code === 'timeOrder') return t('competence.expiresBeforeObtained');
      if (path === 'verifiedBy' && code === 'invalidChoice') return t('competence.verifiedBySelf');
      return undefined;
    },
  });
  const labels: Record<keyof RecordForm, string> = {
    competenceTypeId: t('competence.fieldType'),
    obtained: t('competence.fieldObtained'),
    expiresOn: t('competence.fieldExpires'),
    evidenceRef: t('competence.fieldEvidence'),
    verifiedBy: t('competence.fieldVerifiedBy'),
    note: t('competence.fieldNote'),
  };
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
    const saved = await form.submit(async () => {
      if (mode.kind === 'edit') await api.call('competence.updateRecord', { ...input, id: mode.record.id });
      else await api.call('competence.addRecord', input);
    });
    if (saved) {
      if (mode.kind === 'edit') onSaved('competence.recordUpdated');
      else onSaved('competence.recordSaved', { type: typeName, name: personName });
    }
  }

  return (
    <EditDialog title={title} wide onClose={onClose} form={form} labelFor={labels} onSubmit={() => void save()}>
      <SelectField
        {...form.bind('competenceTypeId')}
        label={labels.competenceTypeId}
        placeholder={t('competence.chooseType')}
        options={types.map((type) => ({ value: type.id, label: type.name }))}
      />
      <div className="competence-dates">
        <DateField {...form.bind('obtained', ['expiresOn'])} label={labels.obtained} autoFocus={mode.kind === 'new' && mode.competenceTypeId !== null} />
        <DateField {...form.bind('expiresOn')} label={labels.expiresOn} optional hint={expiresHint} />
      </div>
      <TextField {...form.bind('evidenceRef')} label={labels.evidenceRef} hint={t('competence.fieldEvidenceHint')} optional maxLength={200} />
      <SelectField
        {...form.bind('verifiedBy')}
        label={labels.verifiedBy}
        hint={t('competence.fieldVerifiedByHint')}
        optional
        placeholder={t('competence.nobody')}
        options={verifierOptions}
      />
      <TextField {...form.bind('note')} label={labels.note} optional maxLength={500} />
    </EditDialog>
  );
}
