// Lys ut ledig vakt (leads): office, date, times, kind of shift, the profession and any competence it needs; eligible staff see it in their inbox.
import { SHIFT_KINDS } from '../../../../domain/rota/types';
import type { ShiftKind } from '../../../../domain/rota/types';
import { openShiftInputSchema } from '../../../../domain/requests/types';
import { PROFESSIONS } from '../../../../domain/staff';
import type { Profession } from '../../../../domain/staff';
import { validate } from '../../../../domain/validation';
import { api } from '../../api/client';
import { DateField } from '../../components/DateField';
import { EditDialog } from '../../components/EditDialog';
import { SelectField, TextField } from '../../components/fields';
import { TimeField } from '../../components/TimeField';
import { useForm } from '../../components/use-form';
import { osloToday } from '../../format/dates';
import { useT } from '../../i18n';
import type { FormFieldErrors } from '../../i18n/codes';
import { professionName, shiftKindName } from '../../i18n/labels';
import { useList, useQuery } from '../../stores/query';
import { useSession } from '../../stores/session';

interface OpenShiftForm {
  officeId: string;
  date: string;
  start: string;
  end: string;
  kind: ShiftKind;
  profession: Profession;
  /** A competence type the shift needs (valid on the date), or '' for none. */
  competenceTypeId: string;
  note: string;
}

const toInput = ({ competenceTypeId, ...form }: OpenShiftForm) => ({
  ...form,
  requiredCompetenceTypeIds: competenceTypeId ? [competenceTypeId] : [],
  note: form.note.trim() || null,
});

export function openShiftFormErrors(form: OpenShiftForm): FormFieldErrors {
  const result = validate(openShiftInputSchema, toInput(form));
  return result.ok ? {} : { ...result.fields };
}

export function OpenShiftDialog({ onClose, onSent }: { onClose: () => void; onSent: () => void }) {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const offices = useList('offices.list');
  const staff = useList('staff.list');
  const competenceTypes = useQuery('competence.types', {}, ['competence']);
  const ownOffice = staff.data?.find((member) => member.id === user?.staffId)?.baseOfficeId ?? offices.data?.[0]?.id ?? '';
  const form = useForm<OpenShiftForm>({
    id: 'open-shift',
    initial: { officeId: ownOffice, date: osloToday(), start: '08:00', end: '15:30', kind: 'clinic', profession: 'nurse', competenceTypeId: '', note: '' },
    validate: openShiftFormErrors,
  });
  const labels = {
    officeId: t('inbox.open.office'),
    date: t('inbox.open.date'),
    start: t('inbox.open.start'),
    end: t('inbox.open.end'),
    kind: t('inbox.open.kind'),
    profession: t('inbox.open.profession'),
    competenceTypeId: t('inbox.open.competence'),
    note: t('inbox.open.note'),
  };

  async function save() {
    const saved = await form.submit(() => api.call('requests.publishOpenShift', toInput(form.values)));
    if (saved) onSent();
  }

  return (
    <EditDialog
      title={t('inbox.open.title')}
      intro={<p>{t('inbox.open.intro')}</p>}
      wide
      onClose={onClose}
      form={form}
      labelFor={labels}
      onSubmit={() => void save()}
      footer={{ submitLabel: t('inbox.open.submit') }}
    >
      <div className="dialog-grid">
        <SelectField {...form.bind('officeId')} label={labels.officeId} options={(offices.data ?? []).map((office) => ({ value: office.id, label: office.name }))} />
        <DateField {...form.bind('date')} label={labels.date} />
        <TimeField {...form.bind('start')} label={labels.start} />
        <TimeField {...form.bind('end')} label={labels.end} />
        <SelectField {...form.bind('kind')} label={labels.kind} options={SHIFT_KINDS.map((kind) => ({ value: kind, label: shiftKindName(t, kind) }))} />
        <SelectField {...form.bind('profession')} label={labels.profession} options={PROFESSIONS.map((profession) => ({ value: profession, label: professionName(t, profession) }))} />
        <SelectField
          {...form.bind('competenceTypeId')}
          label={labels.competenceTypeId}
          options={[
            { value: '', label: t('inbox.open.noCompetence') },
            ...(competenceTypes.data ?? []).filter((type) => type.appliesTo.includes(form.values.profession)).map((type) => ({ value: type.id, label: type.name })),
          ]}
        />
      </div>
      <TextField {...form.bind('note')} label={labels.note} optional maxLength={500} />
    </EditDialog>
  );
}
