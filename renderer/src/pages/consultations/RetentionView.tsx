// Sletting (retention): the admin sets how long entries stay identifiable, previews what would be anonymised, and confirms.
import { useState } from 'react';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextField } from '../../components/fields';
import { Form } from '../../components/Form';
import { ErrorNotice, LoadError, Loading, Notice } from '../../components/page';
import { TitledSection } from '../../components/TitledSection';
import { useAction } from '../../components/use-action';
import { parseTypedNumber } from '../../components/parse';
import { useT } from '../../i18n';
import { useQuery } from '../../stores/query';
import { formatAt, nameOf } from './consultation-format';
import { formatDate } from '../../format/dates';

export function RetentionView({ offices }: { offices: readonly { id: string; name: string }[] }) {
  const { t } = useT();
  const preview = useQuery('consultations.retentionPreview', {}, ['consultations', 'settings']);
  const [months, setMonths] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const action = useAction();
  if (preview.error && !preview.data) return <LoadError error={preview.error} onRetry={() => void preview.reload()} />;
  if (!preview.data) return <Loading />;
  const data = preview.data;
  const typed = months ?? String(data.months);
  const parsed = parseTypedNumber(typed);
  const monthsInvalid = parsed === null || !Number.isInteger(parsed) || parsed < 1 || parsed > 240;

  /** Runs a change and shows what it did (the text `change` resolves with), or why it failed. */
  async function run(change: () => Promise<string>) {
    setMessage(null);
    await action.run(async () => setMessage(await change()));
  }

  return (
    <TitledSection titleId="retention-title" title={t('consultations.retentionTitle')}>
      <p>{t('consultations.retentionIntro')}</p>
      <Form
        className="consultation-filters"
        onSubmit={() => {
          if (monthsInvalid || parsed === null) return;
          void run(async () => {
            await api.call('consultations.setRetention', { months: parsed });
            setMonths(null);
            return t('consultations.retentionSaved', { months: parsed });
          });
        }}
      >
        <TextField
          id="retention-months"
          label={t('consultations.retentionMonths')}
          inputMode="numeric"
          width="short"
          suffix={t('consultations.monthsSuffix')}
          value={typed}
          onChange={setMonths}
          error={monthsInvalid ? t('consultations.retentionMonthsError') : undefined}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={action.busy || monthsInvalid}>
            {t('common.save')}
          </button>
        </div>
      </Form>
      {message && (
        <Notice kind="success" role="status">
          <p>{message}</p>
        </Notice>
      )}
      {action.error && <ErrorNotice error={action.error} />}
      <h3>{t('consultations.retentionPreviewTitle')}</h3>
      {data.count === 0 ? (
        <p>{t('consultations.retentionNothing', { date: formatDate(data.cutoff) })}</p>
      ) : (
        <>
          <p>{t('consultations.retentionPreview', { count: data.count, date: formatDate(data.cutoff), oldest: formatAt(data.oldest ?? ''), newest: formatAt(data.newest ?? '') })}</p>
          <ul>
            {Object.entries(data.byOffice).map(([officeId, count]) => (
              <li key={officeId}>
                {nameOf(offices, officeId)}: {count}
              </li>
            ))}
          </ul>
          <p>{t('consultations.retentionWhat')}</p>
          <button type="button" className="button button--danger" disabled={action.busy} onClick={() => action.setConfirming(true)}>
            {t('consultations.retentionRun', { count: data.count })}
          </button>
        </>
      )}
      <ConfirmDialog
        open={action.confirming}
        title={t('consultations.retentionConfirmTitle')}
        text={t('consultations.retentionConfirmText', { count: data.count, date: formatDate(data.cutoff) })}
        confirmLabel={t('consultations.retentionConfirm')}
        cancelLabel={t('common.cancel')}
        busy={action.busy}
        onCancel={() => action.setConfirming(false)}
        onConfirm={() => {
          action.setConfirming(false);
          void run(async () => {
            const result = await api.call('consultations.anonymise', { cutoff: data.cutoff });
            return t('consultations.retentionDone', { count: result.anonymised });
          });
        }}
      />
    </TitledSection>
  );
}
