// Ny / Endre kompetansetype: name, category, renewal months or none, professions, duties, description; delete with confirmation.
import { useState } from 'react';
import { COMPETENCE_CATEGORIES, DUTIES, MAX_RENEWAL_MONTHS } from '../../../../domain/competence/types';
import type { CompetenceCategory, CompetenceType } from '../../../../domain/competence/types';
import { PROFESSIONS } from '../../../../domain/staff';
import { api } from '../../api/client';
import { toClientError } from '../../api/errors';
import type { ClientApiError } from '../../api/errors';
import { DialogActions } from '../../components/DialogActions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { Notice } from '../../components/page';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import type { MessageKey, MessageParams } from '../../i18n';
import type { FormFieldErrorCode } from '../../i18n/codes';
import { capitalise, professionName } from '../../i18n/labels';
import { CheckboxGroup } from './CheckboxGroup';
import { emptyTypeForm, toggle, typeFormErrors, typeFormToInput, typeToForm } from './competence-form';
import type { TypeForm } from './competence-form';

interface TypeDialogProps {
  /** null: a new type. */
  type: CompetenceType | null;
  onClose: () => void;
  onSaved: (key: MessageKey, params: MessageParams) => void;
}

export function TypeDialog({ type, onClose, onSaved }: TypeDialogProps) {
  const { t, fieldErrorText, errorText } = useT();
  const form = useForm<TypeForm>({ id: 'competence-type', initial: () => (type ? typeToForm(type) : emptyTypeForm()), validate: typeFormErrors });
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ClientApiError | null>(null);
  const values = form.values;

  const labels: Record<string, MessageKey> = {
    name: 'competence.typeName',
    category: 'competence.typeCategory',
    renewalMonths: 'competence.typeRenewal',
    appliesTo: 'competence.typeAppliesTo',
    requiredFor: 'competence.typeRequiredFor',
    description: 'competence.typeDescription',
  };
  const labelFor = (path: string) => {
    const key = labels[path.split('.')[0] ?? ''];
    return key ? t(key) : path;
  };
  const messageFor = (path: string, code: FormFieldErrorCode): string => {
    if (path === 'name' && code === 'duplicate') return t('competence.duplicateTypeName');
    if (path === 'renewalMonths' && (code === 'outOfRange' || code === 'invalidFormat')) return t('competence.renewalRange');
    if (path.startsWith('appliesTo') && code === 'required') return t('competence.appliesToRequired');
    return fieldErrorText(code);
  };
  const errorFor = (path: string): string | undefined => {
    const code = form.errorCode(path);
    return code ? messageFor(path, code) : undefined;
  };

  async function save() {
    const input = typeFormToInput(form.values);
    const ok = await form.submit(async () => {
      if (type) await api.call('competence.updateType', { ...input, id: type.id });
      else await api.call('competence.createType', input);
    });
    if (ok) onSaved('competence.typeSaved', { name: form.values.name.trim() });
  }

  async function remove() {
    if (!type) return;
    setBusy(true);
    setActionError(null);
    try {
      await api.call('competence.removeType', { id: type.id });
      onSaved('competence.typeDeleted', { name: type.name });
    } catch (error) {
      setConfirmingDelete(false);
      setActionError(toClientError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog title={type ? t('competence.editTypeTitle') : t('competence.newTypeTitle')} onClose={onClose} wide>
      {actionError && (
        <Notice kind="error" role="alert" title={t('competence.actionFailed')}>
          <p>{errorText(actionError)}</p>
        </Notice>
      )}
      <DialogForm onSubmit={() => void save()}>
        <ErrorSummary form={form} labelFor={labelFor} messageFor={messageFor} />
        <div className="dialog-grid">
          <TextField
            id={form.fieldId('name')}
            label={t('competence.typeName')}
            value={values.name}
            onChange={(value) => form.set('name', value)}
            onBlur={() => form.touch('name')}
            error={errorFor('name')}
            maxLength={100}
            autoFocus
          />
          <SelectField
            id={form.fieldId('category')}
            label={t('competence.typeCategory')}
            value={values.category}
            placeholder={values.category === '' ? t('competence.chooseCategory') : undefined}
            options={COMPETENCE_CATEGORIES.map((category) => ({ value: category, label: t(`competence.category.${category}`) }))}
            onChange={(value) => form.set('category', value as CompetenceCategory)}
            onBlur={() => form.touch('category')}
            error={errorFor('category')}
          />
        </div>
        <TextField
          id={form.fieldId('renewalMonths')}
          label={t('competence.typeRenewal')}
          hint={t('competence.typeRenewalHint')}
          optional
          inputMode="numeric"
          width="short"
          suffix={t('competence.monthsUnit')}
          maxLength={String(MAX_RENEWAL_MONTHS).length}
          value={values.renewalMonths}
          onChange={(value) => form.set('renewalMonths', value)}
          onBlur={() => form.touch('renewalMonths')}
          error={errorFor('renewalMonths')}
        />
        <CheckboxGroup
          id={form.fieldId('appliesTo')}
          legend={t('competence.typeAppliesTo')}
          hint={t('competence.typeAppliesToHint')}
          options={PROFESSIONS.map((profession) => ({ value: profession, label: capitalise(professionName(t, profession)) }))}
          value={values.appliesTo}
          onChange={(profession, checked) => form.update((current) => ({ ...current, appliesTo: toggle(PROFESSIONS, current.appliesTo, profession, checked) }), 'appliesTo')}
          onBlur={() => form.touch('appliesTo')}
          error={errorFor('appliesTo')}
        />
        <CheckboxGroup
          id={form.fieldId('requiredFor')}
          legend={t('competence.typeRequiredFor')}
          hint={t('competence.typeRequiredForHint')}
          optional
          options={DUTIES.map((duty) => ({ value: duty, label: t(`competence.duty.${duty}`) }))}
          value={values.requiredFor}
          onChange={(duty, checked) => form.update((current) => ({ ...current, requiredFor: toggle(DUTIES, current.requiredFor, duty, checked) }), 'requiredFor')}
          onBlur={() => form.touch('requiredFor')}
          error={errorFor('requiredFor')}
        />
        <TextField
          id={form.fieldId('description')}
          label={t('competence.typeDescription')}
          optional
          value={values.description}
          onChange={(value) => form.set('description', value)}
          onBlur={() => form.touch('description')}
          error={errorFor('description')}
          maxLength={500}
        />
        <DialogActions
          saving={form.saving}
          busy={busy}
          onCancel={onClose}
          delete={type ? { label: t('competence.deleteType'), confirmText: t('competence.confirmDeleteType', { name: type.name }), onConfirm: () => void remove() } : undefined}
          confirmingDelete={confirmingDelete}
          onConfirmingDeleteChange={setConfirmingDelete}
        />
      </DialogForm>
    </FormDialog>
  );
}
