// Ny konsultasjon: the receptionist's fast entry form (keyboard first: Tab between fields, Enter saves, Esc clears).
import { useEffect, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { CONFIRM_AFTER_DAYS, checkConsultationDate } from '../../../../domain/consultations/consultation-date';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { submitOnEnter } from '../../components/FormDialog';
import { LoadError, Loading, Notice } from '../../components/page';
import { formatDate } from '../../format/dates';
import { useT } from '../../i18n';
import { useQuery } from '../../stores/query';
import { useUi } from '../../stores/ui';
import { consultationLabel, useConsultationForm } from './consultation-errors';
import type { FormContext } from './consultation-errors';
import { consultationFormToInput, newConsultationForm, nextConsultationForm } from './consultation-form';
import type { ConsultationForm } from './consultation-form';
import { ConsultationFields } from './ConsultationFields';
import { describeCode } from './Icpc2Picker';

export function ConsultationEntryView() {
  const context = useQuery('consultations.formContext', {}, ['consultations', 'rota', 'settings', 'staff']);
  const codes = useQuery('consultations.icpc2Codes', {}, ['consultations']);
  if (context.error && !context.data) return <LoadError error={context.error} onRetry={() => void context.reload()} />;
  if (codes.error && !codes.data) return <LoadError error={codes.error} onRetry={() => void codes.reload()} />;
  if (!context.data || !codes.data) return <Loading />;
  return <EntryForm context={context.data} codes={codes.data.codes} reloadContext={context.reload} />;
}

const NO_NURSE = '00000000-0000-7000-8000-000000000000';

interface Saved {
  date: string;
  time: string;
  code: string;
  nurse: string;
  warnings: string[];
}

function EntryForm({ context, codes, reloadContext }: { context: FormContext; codes: { code: string; title: string; keywords: string[] }[]; reloadContext: () => Promise<FormContext | null> }) {
  const { t, language } = useT();
  const [saved, setSaved] = useState<Saved | null>(null);
  // The date waiting for "Stemmer datoen?" (more than CONFIRM_AFTER_DAYS back), or null.
  const [confirmDate, setConfirmDate] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const form = useConsultationForm<ConsultationForm>({
    id: 'consultation',
    context,
    initial: () => {
      const fresh = newConsultationForm(context.now, context.officeId, context.suggestedNurseId);
      // Coming from Rutiner's "Start konsultasjonslogg": that nurse, routine and code, once.
      const prefill = useUi.getState().consultationPrefill;
      if (!prefill) return fresh;
      useUi.getState().setConsultationPrefill(null);
      return { ...fresh, ...prefill };
    },
  });
  // Before a nurse is chosen the query asks for nobody (no staff member has the nil id) and the list is not shown.
  const routines = useQuery('consultations.routineOptions', { nurseId: form.values.nurseId || NO_NURSE, date: form.values.date || context.now.slice(0, 10) }, ['routines', 'competence']);
  const routineList = form.values.nurseId && routines.data ? routines.data : null;

  // The patient field is where a receptionist starts: time, office and nurse are already filled in.
  useEffect(() => {
    document.getElementById(form.fieldId(form.values.withoutNumber ? 'birthYear' : 'identityNumber'))?.focus();
  }, [formKey]); // eslint-disable-line react-hooks/exhaustive-deps -- focus once per fresh form

  async function save(dateConfirmed = false) {
    const values = form.values;
    setConfirmDate(null);
    const ask = !dateConfirmed && checkConsultationDate(values.date, context.now.slice(0, 10)) === 'farPast';
    // A far date is asked about only once the form is otherwise valid, so the question is the last step before saving.
    const result = await form.submit(() => (ask ? Promise.resolve(null) : api.call('consultations.create', consultationFormToInput(values))));
    if (!result) return;
    if (result.value === null) {
      setConfirmDate(values.date);
      return;
    }
    const nurse = context.nurses.find((n) => n.id === values.nurseId)?.name ?? '';
    // The next entry starts at the new "now"; the confirmation appears once the form is ready for it.
    const fresh = await reloadContext();
    form.reset(nextConsultationForm(values, fresh?.now ?? context.now));
    setFormKey((key) => key + 1);
    setSaved({ date: values.date, time: values.time, code: describeCode(codes, values.icpc2Code), nurse, warnings: result.value.warnings });
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      form.reset(newConsultationForm(context.now, form.values.officeId || context.officeId, form.values.nurseId || context.suggestedNurseId));
      setSaved(null);
      setFormKey((key) => key + 1);
      return;
    }
    submitOnEnter(event);
  }

  // The question sits outside the form: its keys (Enter, Esc) must not reach the form's own Enter-saves and Esc-clears.
  return (
    <>
      <form
        className="form consultation-form"
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        aria-describedby="consultation-keys"
      >
        <p id="consultation-keys" className="field-hint">
          {t('consultations.keysHint')}
        </p>
        {saved && (
          <Notice kind={saved.warnings.length > 0 ? 'warning' : 'success'} role="status">
            <p>{t('consultations.saved', { date: formatDate(saved.date, language), time: saved.time, code: saved.code, nurse: saved.nurse })}</p>
            {saved.warnings.includes('nurseNotOnDuty') && <p>{t('consultations.savedNotOnDuty', { nurse: saved.nurse })}</p>}
          </Notice>
        )}
        {context.demoMode && (
          <Notice kind="info">
            <p>{t('consultations.demoHint')}</p>
          </Notice>
        )}
        <ErrorSummary form={form} labelFor={(path) => consultationLabel(t, path)} />
        <ConsultationFields key={formKey} form={form} context={context} codes={codes} routines={routineList} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={form.saving}>
            {form.saving ? t('common.saving') : t('consultations.save')}
          </button>
          <span className="field-hint">{t('consultations.saveKeys')}</span>
        </div>
      </form>
      <ConfirmDialog
        open={confirmDate !== null}
        title={t('consultations.confirmDateTitle')}
        text={t('consultations.confirmDateText', { date: formatDate(confirmDate, language), days: CONFIRM_AFTER_DAYS })}
        confirmLabel={t('consultations.confirmDateYes', { date: formatDate(confirmDate, language) })}
        cancelLabel={t('consultations.confirmDateNo')}
        onConfirm={() => void save(true)}
        onCancel={() => {
          setConfirmDate(null);
          // After the dialog has closed (closing gives focus back to the save button): to the date that needs correcting.
          setTimeout(() => document.getElementById(form.fieldId('date'))?.focus(), 0);
        }}
      />
    </>
  );
}
