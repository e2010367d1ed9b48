// One consultation: its current content, the full history of amendments, and the logged actions (correct, cancel, reveal the number).
import { useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { api } from '../../api/client';
import { toClientError } from '../../api/errors';
import type { ClientApiError } from '../../api/errors';
import { hrefFor } from '../../app/routes';
import { DialogActions } from '../../components/DialogActions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { LoadError, Loading, Notice, PageTitle } from '../../components/page';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useQuery } from '../../stores/query';
import { consultationErrors } from './consultation-errors';
import { consultationFormErrors, consultationFormToInput } from './consultation-form';
import type { ConsultationForm } from './consultation-form';
import { formatAt, nameOf, patientText } from './consultation-format';
import { formatDate } from '../../format/dates';
import type { MaskedPatient } from './consultation-format';
import { ConsultationFields } from './ConsultationFields';
import { describeCode } from './Icpc2Picker';
import type { FormContext } from './ConsultationFields';

type Detail = ApiOutput<'consultations.get'>;
type Dialog = 'amend' | 'cancel' | 'reveal' | null;

export function ConsultationDetailPage({ id }: { id: string }) {
  const { t } = useT();
  const detail = useQuery('consultations.get', { id }, ['consultations']);
  const context = useQuery('consultations.formContext', {}, ['consultations', 'staff']);
  const codes = useQuery('consultations.icpc2Codes', {}, ['consultations']);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [done, setDone] = useState<MessageKey | null>(null);
  if (detail.error && !detail.data) return <LoadError error={detail.error} onRetry={() => void detail.reload()} />;
  if (!detail.data || !context.data || !codes.data) return <Loading />;
  const entry = detail.data;
  const ctx = context.data;
  const closeWith = (key: MessageKey | null) => {
    setDialog(null);
    if (key) setDone(key);
  };
  return (
    <section className="consultation-detail">
      <p>
        <a href={hrefFor('/consultations/log')}>{t('consultations.backToLog')}</a>
      </p>
      <PageTitle>{t('consultations.detailTitle', { time: formatAt(entry.at) })}</PageTitle>
      {done && (
        <Notice kind="success" role="status">
          <p>{t(done)}</p>
        </Notice>
      )}
      {entry.cancelled && (
        <Notice kind="warning">
          <p>{t('consultations.cancelledNotice', { reason: entry.cancelledReason ?? '' })}</p>
        </Notice>
      )}
      <dl className="consultation-facts">
        <dt>{t('consultations.field.office')}</dt>
        <dd>{nameOf(ctx.offices, entry.officeId)}</dd>
        <dt>{t('consultations.field.nurse')}</dt>
        <dd>{nameOf(ctx.nurses, entry.nurseId)}</dd>
        <dt>{t('consultations.col.patient')}</dt>
        <dd>
          <span className="mono">{revealed ?? patientText(t, entry.patient)}</span>
          {entry.patient.idNumber && !revealed && !entry.anonymisedAt && (
            <button type="button" className="button button--small consultation-reveal" onClick={() => setDialog('reveal')}>
              {t('consultations.reveal')}
            </button>
          )}
        </dd>
        <dt>{t('consultations.field.contact')}</dt>
        <dd>{t(`consultations.contact.${entry.contact}`)}</dd>
        <dt>{t('consultations.col.reason')}</dt>
        <dd>{describeCode(codes.data.codes, entry.icpc2Code)}</dd>
        <dt>{t('consultations.field.medicine')}</dt>
        <dd>{entry.medicine ? `${t(`consultations.medicineAction.${entry.medicine.action}`)}: ${entry.medicine.name} ${entry.medicine.details}`.trim() : t('consultations.medicine.none')}</dd>
        <dt>{t('consultations.field.outcome')}</dt>
        <dd>{t(`consultations.outcome.${entry.outcome}`)}</dd>
        <dt>{t('consultations.field.doctor')}</dt>
        <dd>{nameOf(ctx.doctors, entry.doctorId) || t('consultations.noDoctor')}</dd>
        <dt>{t('consultations.field.followUp')}</dt>
        <dd>{formatDate(entry.followUpDate) || '–'}</dd>
        <dt>{t('consultations.field.note')}</dt>
        <dd>{entry.anonymisedAt ? t('consultations.anonymisedNote') : entry.note || '–'}</dd>
      </dl>
      {!entry.cancelled && (
        <div className="form-actions consultation-actions">
          <button type="button" className="button button--primary" onClick={() => setDialog('amend')}>
            {t('consultations.amend')}
          </button>
          <button type="button" className="button button--danger" onClick={() => setDialog('cancel')}>
            {t('consultations.cancelEntry')}
          </button>
        </div>
      )}
      <History entry={entry} />
      {dialog === 'amend' && <AmendDialog entry={entry} context={ctx} codes={codes.data.codes} onClose={closeWith} />}
      {dialog === 'cancel' && (
        <ReasonDialog
          title={t('consultations.cancelTitle')}
          text={t('consultations.cancelText')}
          confirmLabel={t('consultations.cancelConfirm')}
          danger
          onClose={() => setDialog(null)}
          onConfirm={async (reason) => {
            await api.call('consultations.cancel', { id, reason });
            closeWith('consultations.cancelledDone');
          }}
        />
      )}
      {dialog === 'reveal' && (
        <ReasonDialog
          title={t('consultations.revealTitle')}
          text={t('consultations.revealText')}
          confirmLabel={t('consultations.revealConfirm')}
          onClose={() => setDialog(null)}
          onConfirm={async (reason) => {
            const result = await api.call('consultations.reveal', { id, reason });
            setRevealed(result.idNumber);
            setDialog(null);
          }}
        />
      )}
    </section>
  );
}

function changeValue(t: ReturnType<typeof useT>['t'], field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (field === 'patient') return patientText(t, value as MaskedPatient);
  if (field === 'outcome') return t(`consultations.outcome.${value as Detail['outcome']}`);
  if (field === 'contact') return t(`consultations.contact.${value as Detail['contact']}`);
  if (field === 'at') return formatAt(String(value));
  if (field === 'medicine') return (value as { name: string }).name;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function History({ entry }: { entry: Detail }) {
  const { t } = useT();
  return (
    <section aria-labelledby="consultation-history-title" className="consultation-history">
      <h2 id="consultation-history-title">{t('consultations.historyTitle')}</h2>
      <ol>
        {entry.history.map((step, index) => (
          <li key={index}>
            <p>
              <strong>{t(`consultations.history.${step.kind}`)}</strong> {new Date(step.at).toLocaleString('nb-NO', { timeZone: 'Europe/Oslo' })} – {step.byUsername}
              {step.reason && <> – {t('consultations.historyReason', { reason: step.reason })}</>}
            </p>
            {step.changes.length > 0 && (
              <ul>
                {step.changes
                  .filter((change) => change.field !== 'routineVersion')
                  .map((change) => (
                    <li key={change.field}>
                      {t(`consultations.changeField.${change.field}`)}: {changeValue(t, change.field, change.before)} → {changeValue(t, change.field, change.after)}
                    </li>
                  ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function toForm(entry: Detail): ConsultationForm & { reason: string } {
  return {
    date: entry.at.slice(0, 10),
    time: entry.at.slice(11, 16),
    officeId: entry.officeId,
    nurseId: entry.nurseId,
    withoutNumber: entry.patient.kind === 'none',
    identityNumber: '',
    birthYear: entry.patient.birthYear === null ? '' : String(entry.patient.birthYear),
    sex: entry.patient.kind === 'none' && entry.patient.sex ? entry.patient.sex : '',
    contact: entry.contact,
    icpc2Code: entry.icpc2Code,
    routineId: entry.routineId ?? '',
    medicineAction: entry.medicine?.action ?? '',
    medicineName: entry.routineId ? '' : (entry.medicine?.name ?? ''),
    outcome: entry.outcome,
    doctorId: entry.doctorId ?? '',
    followUpDate: entry.followUpDate ?? '',
    note: entry.note ?? '',
    reason: '',
  };
}

function AmendDialog({ entry, context, codes, onClose }: { entry: Detail; context: FormContext; codes: { code: string; title: string; keywords: string[] }[]; onClose: (done: MessageKey | null) => void }) {
  const translator = useT();
  const { t } = translator;
  const form = useForm<ConsultationForm & { reason: string }>({
    id: 'consultation-amend',
    initial: () => toForm(entry),
    validate: (values) => {
      const errors = consultationFormErrors(values, { nowLocal: context.now, allowSynthetic: context.demoMode, numberOptional: true });
      if (!values.reason.trim()) errors.reason = 'required';
      return errors;
    },
  });
  const { labelFor, messageFor, errorFor } = consultationErrors(translator, form, { allowSynthetic: context.demoMode, today: context.now.slice(0, 10) });
  const routines = useQuery('consultations.routineOptions', { nurseId: form.values.nurseId || entry.nurseId, date: form.values.date || entry.at.slice(0, 10) }, ['routines']);
  async function save() {
    const ok = await form.submit(async () => {
      await api.call('consultations.amend', { id: entry.id, entry: consultationFormToInput(form.values), reason: form.values.reason });
    });
    if (ok) onClose('consultations.amendedDone');
  }
  return (
    <FormDialog title={t('consultations.amendTitle')} onClose={() => onClose(null)} wide>
      <DialogForm onSubmit={() => void save()}>
        <ErrorSummary form={form} labelFor={labelFor} messageFor={messageFor} />
        <ConsultationFields form={form} context={context} codes={codes} routines={routines.data ?? null} errorFor={errorFor} maskedNumber={entry.patient.idNumber} />
        <TextField
          id={form.fieldId('reason')}
          label={t('consultations.field.reason')}
          hint={t('consultations.amendReasonHint')}
          maxLength={300}
          value={form.values.reason}
          onChange={(value) => form.set('reason', value)}
          onBlur={() => form.touch('reason')}
          error={errorFor('reason')}
        />
        <DialogActions saving={form.saving} onCancel={() => onClose(null)} />
      </DialogForm>
    </FormDialog>
  );
}

/** A small dialog that asks why before a logged action (cancel an entry, show an identity number). */
function ReasonDialog({ title, text, confirmLabel, danger, onClose, onConfirm }: { title: string; text: string; confirmLabel: string; danger?: boolean; onClose: () => void; onConfirm: (reason: string) => Promise<void> }) {
  const { t, errorText } = useT();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientApiError | null>(null);
  async function confirm() {
    setTried(true);
    if (!reason.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim());
    } catch (failure) {
      setError(toClientError(failure));
    } finally {
      setBusy(false);
    }
  }
  return (
    <FormDialog title={title} onClose={onClose}>
      <DialogForm onSubmit={() => void confirm()}>
        <p>{text}</p>
        {error && (
          <Notice kind="error" role="alert">
            <p>{errorText(error)}</p>
          </Notice>
        )}
        <TextField id="consultation-reason" label={t('consultations.field.reason')} maxLength={300} value={reason} onChange={setReason} error={tried && !reason.trim() ? t('consultations.error.reasonRequired') : undefined} autoFocus />
        <DialogActions saving={busy} submitLabel={confirmLabel} savingLabel={confirmLabel} danger={danger} onCancel={onClose} />
      </DialogForm>
    </FormDialog>
  );
}
