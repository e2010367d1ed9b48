// Doctors' dialogs on a routine: activate a version, withdraw it (or discard a draft), authorise one or several nurses, revoke an authorisation with a reason; and which one is open.
import type { ReactNode } from 'react';
import { addDays } from '../../../../domain/calendar/dates';
import type { Routine } from '../../../../domain/routines/types';
import { api } from '../../api/client';
import { DialogActions } from '../../components/DialogActions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/fields';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { Notice } from '../../components/page';
import { TextAreaField } from '../../components/TextAreaField';
import { useAction } from '../../components/use-action';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import type { MessageKey, MessageParams } from '../../i18n';
import { authorisationFormErrors, authorisationFormToInput, newAuthorisationForm, REASON_MAX, retireFormErrors } from './authorisation-form';
import type { AuthorisationForm, RetireForm } from './authorisation-form';
import type { DetailVersions } from './routine-view';
import { formatDate } from '../../format/dates';

/** 'Kari', 'Kari og Ola', 'Kari, Ola og Anne' (the last joiner translated). */
function joinNames(names: readonly string[], and: string): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

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
  const { busy, error, run } = useAction();

  async function confirm() {
    await run(async () => props.onDone(await props.action()));
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
      <DialogActions saving={busy} submitLabel={props.confirmLabel} danger={props.danger} onSubmit={() => void confirm()} onCancel={props.onClose} />
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
  const { t, language } = useT();
  const form = useForm<RetireForm>({
    id: 'routine-retire',
    initial: { from: today },
    validate: (values) => retireFormErrors(values, today),
    messageFor: (_path, code) => (code === 'outOfRange' ? t('routines.retire.notPast') : undefined),
  });

  async function save() {
    const saved = await form.submit(() => api.call('routines.retire', { id: routine.id, from: form.values.from.trim() }));
    if (saved) onDone({ key: 'routines.retire.done', params: { version: routine.version, date: formatDate(form.values.from.trim(), language) } });
  }

  return (
    <FormDialog title={t('routines.retire.title', { version: routine.version })} onClose={onClose} wide>
      <DialogForm onSubmit={() => void save()}>
        <ErrorSummary form={form} labelFor={() => t('routines.retire.from')} />
        <p>{t('routines.retire.text', { version: routine.version })}</p>
        <DateField {...form.bind('from')} label={t('routines.retire.from')} hint={t('routines.retire.fromHint')} autoFocus />
        <DialogActions saving={form.saving} submitLabel={t('routines.retire.confirm')} danger onCancel={onClose} />
      </DialogForm>
    </FormDialog>
  );
}

export interface NurseChoice {
  id: string;
  name: string;
}

const AUTHORISATION_LABELS: Record<keyof AuthorisationForm, MessageKey> = {
  nurseIds: 'routines.auth.nurses',
  routineVersion: 'routines.auth.version',
  effectiveDate: 'routines.auth.effectiveDate',
  reason: 'routines.auth.reason',
};

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
  const { t, language } = useT();
  const first = versions[0];
  const form = useForm<AuthorisationForm>({
    id: kind === 'granted' ? 'routine-authorise' : 'routine-revoke',
    initial: () => newAuthorisationForm({ nurseId: nurse?.id, routineVersion: first?.version ?? 1, effectiveDate: today }),
    validate: (values) => authorisationFormErrors(values, kind),
    messageFor: (path, code) => {
      if (path === 'nurseIds' && code === 'invalidChoice') return t('routines.auth.notANurse');
      if (path === 'nurseIds' && code === 'required') return t('routines.auth.chooseNurses');
      if (path === 'reason' && code === 'required') return t('routines.auth.reasonRequired');
      return undefined;
    },
  });
  const values = form.values;
  const label = (path: string) => {
    const key = AUTHORISATION_LABELS[path as keyof AuthorisationForm] as MessageKey | undefined;
    return key ? t(key) : path;
  };
  const chosen = versions.find((version) => String(version.version) === values.routineVersion) ?? first;
  const nurseName = nurse?.name ?? joinNames(values.nurseIds.map((id) => nurses.find((candidate) => candidate.id === id)?.name ?? ''), t('routines.auth.and'));

  async function save() {
    const saved = await form.submit(() => api.call('routines.recordAuthorisation', authorisationFormToInput(form.values, routineId, kind)));
    if (saved) {
      const params = { name: nurseName, version: values.routineVersion, date: formatDate(values.effectiveDate.trim(), language) };
      onDone({ key: kind === 'granted' ? 'routines.auth.grantedDone' : 'routines.auth.revokedDone', params });
    }
  }

  const title = kind === 'granted' ? t('routines.auth.grantTitle') : t('routines.auth.revokeTitle', { name: nurse?.name ?? '' });
  return (
    <FormDialog title={title} onClose={onClose} wide>
      <DialogForm onSubmit={() => void save()}>
        <ErrorSummary form={form} labelFor={label} />
        <p>{kind === 'granted' ? t('routines.auth.grantText') : t('routines.auth.revokeText', { version: values.routineVersion })}</p>
        {kind === 'granted' ? (
          <CheckboxGroup
            {...form.bind<string[]>('nurseIds')}
            legend={label('nurseIds')}
            hint={t('routines.auth.nursesHint')}
            options={nurses.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            className="nurse-choices"
          />
        ) : null}
        {kind === 'granted' && versions.length > 1 ? (
          <SelectField
            {...form.bind('routineVersion')}
            label={label('routineVersion')}
            hint={t('routines.auth.versionHint')}
            options={versions.map((version) => ({
              value: String(version.version),
              label: t(version.status === 'draft' ? 'routines.auth.versionDraft' : 'routines.auth.versionOption', {
                version: version.version,
                date: formatDate(version.validFrom, language),
              }),
            }))}
          />
        ) : (
          <p className="muted">{t('routines.auth.forVersion', { version: chosen?.version ?? '' })}</p>
        )}
        <DateField
          {...form.bind('effectiveDate')}
          label={label('effectiveDate')}
          hint={kind === 'granted' ? t('routines.auth.grantDateHint') : t('routines.auth.revokeDateHint')}
        />
        {kind === 'revoked' && (
          <TextAreaField {...form.bind('reason')} label={label('reason')} hint={t('routines.auth.reasonHint')} maxLength={REASON_MAX} autoFocus />
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

/** The dialog open on a routine's page, if any. */
export type DetailDialog =
  | { kind: 'activate' }
  | { kind: 'discard' }
  | { kind: 'retire' }
  | { kind: 'authorise' }
  | { kind: 'revoke'; nurse: NurseChoice; version: number };

interface DetailDialogsProps {
  dialog: DetailDialog | null;
  routineId: string;
  inForce: Routine | null;
  allVersions: readonly Routine[];
  versions: DetailVersions;
  /** How many nurses are authorised for the draft on its first day (the activate dialog warns when none are). */
  authorisedForDraft: number;
  nurses: readonly NurseChoice[];
  today: string;
  onClose: () => void;
  onDone: (done: Done) => void;
}

/** Shows the open dialog of a routine's page. */
export function DetailDialogs({ dialog, routineId, inForce, allVersions, versions, authorisedForDraft, nurses, today, onClose, onDone }: DetailDialogsProps) {
  const { draft, withdrawable, grantVersions } = versions;
  const common = { today, onClose, onDone };
  switch (dialog?.kind) {
    case 'activate':
      return draft && <ActivateDialog draft={draft} inForce={inForce} authorisedCount={authorisedForDraft} {...common} />;
    case 'discard':
      return draft && <DiscardDialog draft={draft} {...common} />;
    case 'retire':
      return withdrawable && <RetireDialog routine={withdrawable} {...common} />;
    case 'authorise':
      return <AuthorisationDialog kind="granted" routineId={routineId} versions={grantVersions} nurses={nurses} {...common} />;
    case 'revoke':
      return (
        <AuthorisationDialog
          kind="revoked"
          routineId={routineId}
          versions={allVersions.filter((version) => version.version === dialog.version)}
          nurses={nurses}
          nurse={dialog.nurse}
          {...common}
        />
      );
    default:
      return null;
  }
}
