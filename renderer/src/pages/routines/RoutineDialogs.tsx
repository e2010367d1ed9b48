// Doctors' dialogs on a routine: activate a version, withdraw it (or discard a draft), authorise a nurse, revoke an authorisation with a reason.
import { useState } from 'react';
import type { ReactNode } from 'react';
import { addDays } from '../../../../domain/calendar/dates';
import type { Routine } from '../../../../domain/routines/types';
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
import { authorisationFormErrors, authorisationFormToInput, newAuthorisationForm, REASON_MAX, retireFormErrors } from './authorisation-form';
import type { AuthorisationForm, RetireForm } from './authorisation-form';
import { TextAreaField } from './routine-parts';
import { formatDate } from '../../format/dates';

export interface Done {
  key: MessageKey;
  params?: MessageParams;
}

/** A dialog whose one action is a call: the call's refusal is shown inside, and nothing closes until it succeeded. */
function ActionDialog(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  action: () => Promise<Done>;
  onClose: () => void;
  onDone: (done: Done) => void;
}) {
  const { t, errorText } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientApiError | null>(null);

  async function run() {
    setBusy(true);
    setError(null);
    try {
      props.onDone(await props.action());
    } catch (failure) {
      setError(toClientError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog title={props.title} onClose={props.onClose} wide>
      {error && (
        <div className="error-summary" role="alert">
          <p className="error-summary-title">
            <span aria-hidden="true">⚠ </span>
            {t('routines.notDone')}
          </p>
          <p>{errorText(error)}</p>
        </div>
      )}
      {props.children}
      <DialogActions saving={busy} submitLabel={props.confirmLabel} danger={props.danger} onSubmit={() => void run()} onCancel={props.onClose} />
    </FormDialog>
  );
}

export function ActivateDialog({
  draft,
  inForce,
  authorisedCount,
  today,
  onClose,
  onDone,
}: {
  draft: Routine;
  inForce: Routine | null;
  authorisedCount: number;
  today: string;
  onClose: () => void;
  onDone: (done: Done) => void;
}) {
  const { t, language } = useT();
  return (
    <ActionDialog
      title={t('routines.activate.title', { version: draft.version })}
      confirmLabel={t('routines.activate.confirm', { version: draft.version })}
      onClose={onClose}
      onDone={onDone}
      action={async () => {
        const result = await api.call('routines.activate', { id: draft.id });
        return { key: 'routines.activate.done', params: { version: result.version } };
      }}
    >
      {draft.validFrom < today ? (
        <Notice kind="warning">
          <p>{t('routines.activate.pastValidFrom', { version: draft.version, date: formatDate(draft.validFrom, language) })}</p>
        </Notice>
      ) : (
        <p>{t('routines.activate.text', { version: draft.version, date: formatDate(draft.validFrom, language) })}</p>
      )}
      {inForce && inForce.version !== draft.version && draft.validFrom >= today && (
        <p>{t('routines.activate.replaces', { version: inForce.version, date: formatDate(addDays(draft.validFrom, -1), language) })}</p>
      )}
      <Notice kind={authorisedCount === 0 ? 'warning' : 'info'}>
        <p>{t('routines.activate.authorised', { version: draft.version, count: authorisedCount })}</p>
      </Notice>
    </ActionDialog>
  );
}

export function DiscardDialog({ draft, today, onClose, onDone }: { draft: Routine; today: string; onClose: () => void; onDone: (done: Done) => void }) {
  const { t } = useT();
  return (
    <ActionDialog
      title={t('routines.discard.title', { version: draft.version })}
      confirmLabel={t('routines.discard.confirm')}
      danger
      onClose={onClose}
      onDone={onDone}
      action={async () => {
        await api.call('routines.retire', { id: draft.id, from: today });
        return { key: 'routines.discard.done', params: { version: draft.version } };
      }}
    >
      <p>{t('routines.discard.text')}</p>
    </ActionDialog>
  );
}

export function RetireDialog({ routine, today, onClose, onDone }: { routine: Routine; today: string; onClose: () => void; onDone: (done: Done) => void }) {
  const { t, language, fieldErrorText } = useT();
  const form = useForm<RetireForm>({ id: 'routine-retire', initial: { from: today }, validate: (values) => retireFormErrors(values, today) });
  const labelFor = () => t('routines.retire.from');
  const messageFor = (_path: string, code: FormFieldErrorCode) => (code === 'outOfRange' ? t('routines.retire.notPast') : fieldErrorText(code));
  const code = form.errorCode('from');

  async function save() {
    const saved = await form.submit(async () => {
      await api.call('routines.retire', { id: routine.id, from: form.values.from.trim() });
    });
    if (saved) onDone({ key: 'routines.retire.done', params: { version: routine.version, date: formatDate(form.values.from.trim(), language) } });
  }

  return (
    <FormDialog title={t('routines.retire.title', { version: routine.version })} onClose={onClose} wide>
      <DialogForm onSubmit={() => void save()}>
        <ErrorSummary form={form} labelFor={labelFor} messageFor={messageFor} />
        <p>{t('routines.retire.text', { version: routine.version })}</p>
        <TextField
          id={form.fieldId('from')}
          label={t('routines.retire.from')}
          hint={t('routines.retire.fromHint')}
          type="date"
          width="medium"
          value={form.values.from}
          onChange={(value) => form.set('from', value)}
          onBlur={() => form.touch('from')}
          error={code ? messageFor('from', code) : undefined}
          autoFocus
        />
        <DialogActions saving={form.saving} submitLabel={t('routines.retire.confirm')} danger onCancel={onClose} />
      </DialogForm>
    </FormDialog>
  );
}

export interface NurseChoice {
  id: string;
  name: string;
}

interface AuthorisationDialogProps {
  kind: 'granted' | 'revoked';
  routineId: string;
  /** The versions a doctor may authorise for (in force and a newer one); one for a revocation. */
  versions: readonly Routine[];
  nurses: readonly NurseChoice[];
  /** Set for a revocation: the nurse is fixed. */
  nurse?: NurseChoice;
  today: string;
  onClose: () => void;
  onDone: (done: Done) => void;
}

export function AuthorisationDialog({ kind, routineId, versions, nurses, nurse, today, onClose, onDone }: AuthorisationDialogProps) {
  const { t, language, fieldErrorText } = useT();
  const first = versions[0];
  const form = useForm<AuthorisationForm>({
    id: kind === 'granted' ? 'routine-authorise' : 'routine-revoke',
    initial: () => newAuthorisationForm({ nurseId: nurse?.id, routineVersion: first?.version ?? 1, effectiveDate: today }),
    validate: (values) => authorisationFormErrors(values, kind),
  });
  const values = form.values;
  const labels: Record<string, string> = {
    nurseId: t('routines.auth.nurse'),
    routineVersion: t('routines.auth.version'),
    effectiveDate: t('routines.auth.effectiveDate'),
    reason: t('routines.auth.reason'),
  };
  const labelFor = (path: string) => labels[path] ?? path;
  const messageFor = (path: string, code: FormFieldErrorCode) => {
    if (path === 'nurseId' && code === 'invalidChoice') return t('routines.auth.notANurse');
    if (path === 'reason' && code === 'required') return t('routines.auth.reasonRequired');
    return fieldErrorText(code);
  };
  const errorFor = (path: string) => {
    const code = form.errorCode(path);
    return code ? messageFor(path, code) : undefined;
  };
  const chosen = versions.find((version) => String(version.version) === values.routineVersion) ?? first;
  const nurseName = nurse?.name ?? nurses.find((candidate) => candidate.id === values.nurseId)?.name ?? '';

  async function save() {
    const saved = await form.submit(async () => {
      await api.call('routines.recordAuthorisation', authorisationFormToInput(form.values, routineId, kind));
    });
    if (saved) {
      const params = { name: nurseName, version: values.routineVersion, date: formatDate(values.effectiveDate.trim(), language) };
      onDone({ key: kind === 'granted' ? 'routines.auth.grantedDone' : 'routines.auth.revokedDone', params });
    }
  }

  const title = kind === 'granted' ? t('routines.auth.grantTitle') : t('routines.auth.revokeTitle', { name: nurse?.name ?? '' });
  return (
    <FormDialog title={title} onClose={onClose} wide>
      <DialogForm onSubmit={() => void save()}>
        <ErrorSummary form={form} labelFor={labelFor} messageFor={messageFor} />
        <p>{kind === 'granted' ? t('routines.auth.grantText') : t('routines.auth.revokeText', { version: values.routineVersion })}</p>
        {kind === 'granted' ? (
          <SelectField
            id={form.fieldId('nurseId')}
            label={labels.nurseId!}
            placeholder={t('routines.auth.chooseNurse')}
            options={nurses.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            value={values.nurseId}
            onChange={(value) => form.set('nurseId', value)}
            onBlur={() => form.touch('nurseId')}
            error={errorFor('nurseId')}
          />
        ) : null}
        {kind === 'granted' && versions.length > 1 ? (
          <SelectField
            id={form.fieldId('routineVersion')}
            label={labels.routineVersion!}
            hint={t('routines.auth.versionHint')}
            options={versions.map((version) => ({
              value: String(version.version),
              label: t(version.status === 'draft' ? 'routines.auth.versionDraft' : 'routines.auth.versionOption', {
                version: version.version,
                date: formatDate(version.validFrom, language),
              }),
            }))}
            value={values.routineVersion}
            onChange={(value) => form.set('routineVersion', value)}
            onBlur={() => form.touch('routineVersion')}
            error={errorFor('routineVersion')}
          />
        ) : (
          <p className="muted">{t('routines.auth.forVersion', { version: chosen?.version ?? '' })}</p>
        )}
        <TextField
          id={form.fieldId('effectiveDate')}
          label={labels.effectiveDate!}
          hint={kind === 'granted' ? t('routines.auth.grantDateHint') : t('routines.auth.revokeDateHint')}
          type="date"
          width="medium"
          value={values.effectiveDate}
          onChange={(value) => form.set('effectiveDate', value)}
          onBlur={() => form.touch('effectiveDate')}
          error={errorFor('effectiveDate')}
        />
        {kind === 'revoked' && (
          <TextAreaField
            id={form.fieldId('reason')}
            label={labels.reason!}
            hint={t('routines.auth.reasonHint')}
            value={values.reason}
            onChange={(value) => form.set('reason', value)}
            onBlur={() => form.touch('reason')}
            error={errorFor('reason')}
            maxLength={REASON_MAX}
            autoFocus
          />
        )}
        <DialogActions
          saving={form.saving}
          submitLabel={kind === 'granted' ? t('routines.auth.grantConfirm') : t('routines.auth.revokeConfirm')}
          danger={kind !== 'granted'}
          onCancel={onClose}
        />
      </DialogForm>
    </FormDialog>
  );
}
