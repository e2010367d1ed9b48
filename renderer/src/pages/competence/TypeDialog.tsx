// Ny / Endre kompetansetype: name, category, renewal months or none, professions, duties, description; delete with confirmation.
import { COMPETENCE_CATEGORIES, DUTIES, MAX_RENEWAL_MONTHS } from '../../../../domain/competence/types';
import type { CompetenceType, Duty } from '../../../../domain/competence/types';
import { PROFESSIONS } from '../../../../domain/staff';
import type { Profession } from '../../../../domain/staff';
import { api } from '../../api/client';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { EditDialog } from '../../components/EditDialog';
import { SelectField, TextField } from '../../components/fields';
import { useAction } from '../../components/use-action';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import type { MessageKey, MessageParams } from '../../i18n';
import { capitalise, professionName } from '../../i18n/labels';
import { emptyTypeForm, typeFormErrors, typeFormToInput, typeToForm } from './competence-form';
import type { TypeForm } from './competence-form';

interface TypeDialogProps {
  /** null: a new type. */
  type: CompetenceType | null;
  onClose: () => void;
  onSaved: (key: MessageKey, params: MessageParams) => void;
}

export function TypeDialog({ type, onClose, onSaved }: TypeDialogProps) {
  const { t } = useT();
  const form = useForm<TypeForm>({
    id: 'competence-type',
    initial: () => (type ? typeToForm(type) : emptyTypeForm()),
    validate: typeFormErrors,
    messageFor: (path, code) => {
      if (path === 'name' && code === 'duplicate') return t('competence.duplicateTypeName');
      if (path === 'renewalMonths' && (code === 'outOfRange' || code === 'invalidFormat')) return t('competence.renewalRange');
      if (path.startsWith('appliesTo') && code === 'required') return t('competence.appliesToRequired');
      return undefined;
    },
  });
  const removal = useAction();
  const labels = {
    name: t('competence.typeName'),
    category: t('competence.typeCategory'),
    renewalMonths: t('competence.typeRenewal'),
    appliesTo: t('competence.typeAppliesTo'),
    requiredFor: t('competence.typeRequiredFor'),
    description: t('competence.typeDescription'),
  };

  async function save() {
    const input = typeFormToInput(form.values);
    const saved = await form.submit(async () => {
      if (type) await api.call('competence.updateType', { ...input, id: type.id });
      else await api.call('competence.createType', input);
    });
    if (saved) onSaved('competence.typeSaved', { name: form.values.name.trim() });
  }

  async function remove(existing: CompetenceType) {
    if (await removal.run(() => api.call('competence.removeType', { id: existing.id }))) onSaved('competence.typeDeleted', { name: existing.name });
  }

  return (
    <EditDialog
      title={type ? t('competence.editTypeTitle') : t('competence.newTypeTitle')}
      wide
      onClose={onClose}
      form={form}
      labelFor={labels}
      onSubmit={() => void save()}
      action={removal}
      actionFailedTitle={t('competence.actionFailed')}
      remove={type ? { label: t('competence.deleteType'), confirmText: t('competence.confirmDeleteType', { name: type.name }), onConfirm: () => void remove(type) } : undefined}
    >
      <div className="dialog-grid">
        <TextField {...form.bind('name')} label={labels.name} maxLength={100} autoFocus />
        <SelectField
          {...form.bind('category')}
          label={labels.category}
          placeholder={form.values.category === '' ? t('competence.chooseCategory') : undefined}
          options={COMPETENCE_CATEGORIES.map((category) => ({ value: category, label: t(`competence.category.${category}`) }))}
        />
      </div>
      <TextField
        {...form.bind('renewalMonths')}
        label={labels.renewalMonths}
        hint={t('competence.typeRenewalHint')}
        optional
        inputMode="numeric"
        width="short"
        suffix={t('competence.monthsUnit')}
        maxLength={String(MAX_RENEWAL_MONTHS).length}
      />
      <CheckboxGroup
        {...form.bind<Profession[]>('appliesTo')}
        legend={labels.appliesTo}
        hint={t('competence.typeAppliesToHint')}
        options={PROFESSIONS.map((profession) => ({ value: profession, label: capitalise(professionName(t, profession)) }))}
        className="competence-checkboxes"
      />
      <CheckboxGroup
        {...form.bind<Duty[]>('requiredFor')}
        legend={labels.requiredFor}
        hint={t('competence.typeRequiredForHint')}
        optional
        options={DUTIES.map((duty) => ({ value: duty, label: t(`competence.duty.${duty}`) }))}
        className="competence-checkboxes"
      />
      <TextField {...form.bind('description')} label={labels.description} optional maxLength={500} />
    </EditDialog>
  );
}
