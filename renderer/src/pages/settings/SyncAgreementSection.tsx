// Innstillinger › Synkronisering: the offices this computer serves, whether it agrees with the shared service ("Kontroller samsvar"), and (admins) "Last ned på nytt".
import { useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { api } from '../../api/client';
import { toClientError } from '../../api/errors';
import type { ClientApiError } from '../../api/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice, Notice } from '../../components/page';
import { useT } from '../../i18n';
import type { Translator } from '../../i18n';
import { formatSyncTime } from '../../stores/sync-status';

type SyncStatus = ApiOutput<'sync.status'>;

/** Tables with a name of their own in the texts; any other is named by its table name. */
const NAMED_TABLES = ['consultations', 'consultation_amendments', 'prescription_requests', 'prescription_answers', 'audit_events', 'offices', 'staff', 'users', 'shifts'] as const;

function tableName(t: Translator['t'], table: string): string {
  const named = NAMED_TABLES.find((candidate) => candidate === table);
  return named ? t(`sync.table.${named}`) : t('sync.table.other', { name: table });
}

/** The last check in words: agree, the tables that differ (with what to do), or not settled. */
function AgreementState({ agreement }: { agreement: SyncStatus['agreement'] }) {
  const { t } = useT();
  if (!agreement) return <p className="field-hint">{t('sync.agreementNever')}</p>;
  const checked = <p className="field-hint">{t('sync.agreementCheckedAt', { time: formatSyncTime(agreement.checkedAt) })}</p>;
  if (agreement.state === 'agree') {
    return (
      <Notice kind="success">
        <p data-testid="sync-agreement">{t('sync.agreementAgree')}</p>
        {checked}
      </Notice>
    );
  }
  if (agreement.state === 'differ') {
    return (
      <Notice kind="warning">
        <p data-testid="sync-agreement">{t('sync.agreementDiffer', { tables: agreement.tables.map((table) => tableName(t, table)).join(', ') })}</p>
        <p>{t('sync.agreementDifferHelp')}</p>
        {checked}
      </Notice>
    );
  }
  return (
    <Notice kind="info">
      <p data-testid="sync-agreement">{t('sync.agreementUnsettled')}</p>
      {checked}
    </Notice>
  );
}

export function SyncAgreementSection({ status, admin, onChanged }: { status: SyncStatus; admin: boolean; onChanged: () => void }) {
  const { t } = useT();
  const [checking, setChecking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [repairing, setRepairing] = useState(false);
  const [repaired, setRepaired] = useState(false);
  const [failure, setFailure] = useState<{ error: ClientApiError; title: string } | null>(null);

  async function check() {
    setChecking(true);
    setFailure(null);
    try {
      await api.call('sync.checkAgreement', {});
    } catch (caught) {
      setFailure({ error: toClientError(caught), title: t('sync.agreementFailed') });
    } finally {
      setChecking(false);
      onChanged();
    }
  }

  async function repair() {
    setConfirming(false);
    setRepairing(true);
    setRepaired(false);
    setFailure(null);
    try {
      const after = await api.call('sync.repair', { confirmed: true });
      setRepaired(!after.repairing);
    } catch (caught) {
      setFailure({ error: toClientError(caught), title: t('sync.repairFailed') });
    } finally {
      setRepairing(false);
      onChanged();
    }
  }

  // The backend answers while a check runs, so the status (reloaded every few seconds) carries its progress, also to other windows.
  const progress = status.agreementProgress;
  const busy = checking || progress !== null || repairing || status.repairing;
  return (
    <section className="sync-agreement" aria-labelledby="sync-offices-title">
      <h3 id="sync-offices-title">{t('sync.officesServed')}</h3>
      <p data-testid="sync-offices">
        {!status.offices ? t('sync.officesUnknown') : status.offices.length === 0 ? t('sync.officesNone') : status.offices.map((office) => office.name).join(', ')}
      </p>
      <p className="field-hint">{t('sync.officesServedHint')}</p>
      <h3 id="sync-agreement-title">{t('sync.agreementTitle')}</h3>
      <p className="field-hint">{t('sync.agreementHint')}</p>
      <AgreementState agreement={status.agreement} />
      {status.repairing && (
        <Notice kind="info" role="status">
          <p>{t('sync.repairInProgress')}</p>
        </Notice>
      )}
      {repaired && (
        <Notice kind="success" role="status">
          <p>{t('sync.repairDone')}</p>
        </Notice>
      )}
      {failure && <ErrorNotice error={failure.error} title={failure.title} />}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void check()} disabled={busy}>
          {progress !== null ? t('sync.agreementCheckingPercent', { percent: progress }) : checking ? t('sync.agreementChecking') : t('sync.agreementCheck')}
        </button>
        {admin && (
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)} disabled={busy}>
            {repairing ? t('sync.repairing') : t('sync.repair')}
          </button>
        )}
      </div>
      {admin && <p className="field-hint">{t('sync.repairHint')}</p>}
      <ConfirmDialog
        open={confirming}
        title={t('sync.repair')}
        text={t('sync.repairConfirm')}
        confirmLabel={t('sync.repair')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => void repair()}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
