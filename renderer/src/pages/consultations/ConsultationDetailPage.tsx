// One consultation: its current content, the full history of amendments, and the logged actions (correct, cancel, reveal the number).
import { useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { api } from '../../api/client';
import { hrefFor } from '../../app/routes';
import { LoadError, Loading, Notice, PageTitle } from '../../components/page';
import { formatDate } from '../../format/dates';
import { useT } from '../../i18n';
import type { MessageKey, Translator } from '../../i18n';
import { useQuery } from '../../stores/query';
import type { FormContext } from './consultation-errors';
import { formatAt, formatMoment, nameOf, patientText } from './consultation-format';
import type { MaskedPatient } from './consultation-format';
import { AmendDialog, ReasonDialog } from './ConsultationDialogs';
import { describeCode } from './Icpc2Picker';
import type { Icpc2Option } from './Icpc2Picker';

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
      <ConsultationFacts entry={entry} context={ctx} codes={codes.data.codes} revealed={revealed} onReveal={() => setDialog('reveal')} />
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

interface FactsProps {
  entry: Detail;
  context: FormContext;
  codes: readonly Icpc2Option[];
  /** The identity number after "Vis fødselsnummer" (asked with a reason, logged); null while masked. */
  revealed: string | null;
  onReveal: () => void;
}

/** The entry's current content: office, nurse, patient (masked, with "Vis fødselsnummer"), contact, reason, medicine, outcome, doctor, follow-up and note. */
function ConsultationFacts({ entry, context, codes, revealed, onReveal }: FactsProps) {
  const { t } = useT();
  return (
    <dl className="consultation-facts">
      <dt>{t('consultations.field.office')}</dt>
      <dd>{nameOf(context.offices, entry.officeId)}</dd>
      <dt>{t('consultations.field.nurse')}</dt>
      <dd>{nameOf(context.nurses, entry.nurseId)}</dd>
      <dt>{t('consultations.col.patient')}</dt>
      <dd>
        <span className="mono">{revealed ?? patientText(t, entry.patient)}</span>
        {entry.patient.idNumber && !revealed && !entry.anonymisedAt && (
          <button type="button" className="button button--small consultation-reveal" onClick={onReveal}>
            {t('consultations.reveal')}
          </button>
        )}
      </dd>
      <dt>{t('consultations.field.contact')}</dt>
      <dd>{t(`consultations.contact.${entry.contact}`)}</dd>
      <dt>{t('consultations.col.reason')}</dt>
      <dd>{describeCode(codes, entry.icpc2Code)}</dd>
      <dt>{t('consultations.field.medicine')}</dt>
      <dd>{entry.medicine ? `${t(`consultations.medicineAction.${entry.medicine.action}`)}: ${entry.medicine.name} ${entry.medicine.details}`.trim() : t('consultations.medicine.none')}</dd>
      <dt>{t('consultations.field.outcome')}</dt>
      <dd>{t(`consultations.outcome.${entry.outcome}`)}</dd>
      <dt>{t('consultations.field.doctor')}</dt>
      <dd>{nameOf(context.doctors, entry.doctorId) || t('consultations.noDoctor')}</dd>
      <dt>{t('consultations.field.followUp')}</dt>
      <dd>{formatDate(entry.followUpDate) || '–'}</dd>
      <dt>{t('consultations.field.note')}</dt>
      <dd>{entry.anonymisedAt ? t('consultations.anonymisedNote') : entry.note || '–'}</dd>
    </dl>
  );
}

function changeValue(t: Translator['t'], field: string, value: unknown): string {
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
              <strong>{t(`consultations.history.${step.kind}`)}</strong> {formatMoment(step.at)} – {step.byName}
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
