// Innstillinger › Maskiner i samarbeidet (admins, enrolled computers): the cooperation's computers with their offices, "Endre kontorer" and "Tilbakekall", and new one-time enrolment codes.
import { format } from 'date-fns';
import { useEffect, useRef, useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { api } from '../../api/client';
import { toClientError } from '../../api/errors';
import type { ClientApiError } from '../../api/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SelectField } from '../../components/fields';
import { Form, FormActions } from '../../components/Form';
import { ErrorNotice } from '../../components/page';
import { TitledSection } from '../../components/TitledSection';
import { DeviceOfficesDialog, OfficeCheckboxes } from './DeviceOfficesDialog';
import { useT } from '../../i18n';
import { useList, useQuery } from '../../stores/query';
import '../../styles/sync.css';

type Device = ApiOutput<'sync.devices'>[number];
type EnrolmentCode = ApiOutput<'sync.createEnrolmentCode'>;

const VALID_HOURS = ['24', '72', '168'] as const;

/** Shown only to admins (the caller decides) and only while this computer is enrolled. */
export function DeviceAdminSection() {
  const { t } = useT();
  // No polling: the backend announces 'sync' whenever the status changes.
  const status = useQuery('sync.status', {}, ['sync']);
  if (!status.data?.enrolled) return null;
  return (
    <TitledSection titleId="devices-title" title={t('sync.devicesTitle')} className="form form--section">
      <p className="field-hint">{t('sync.devicesIntro')}</p>
      <DeviceList />
      <NewEnrolmentCode />
    </TitledSection>
  );
}

function DeviceList() {
  const { t, dateLocale } = useT();
  const devices = useQuery('sync.devices', {}, ['devices']);
  const [chosen, setChosen] = useState<Device | null>(null);
  const [editing, setEditing] = useState<Device | null>(null);
  const [busy, setBusy] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<ClientApiError | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const when = (iso: string) => format(new Date(iso), 'd.M.yyyy HH:mm', { locale: dateLocale });
  const nameOf = (device: Device) => device.name || t('sync.deviceUnnamed');

  async function reload() {
    setReloading(true);
    await devices.reload();
    setReloading(false);
  }

  async function revoke(device: Device) {
    setBusy(true);
    setMessage(null);
    setFailure(null);
    try {
      await api.call('sync.revokeDevice', { deviceId: device.id });
      setMessage(t('sync.revokeDone', { name: nameOf(device) }));
    } catch (caught) {
      setFailure(toClientError(caught));
    } finally {
      setBusy(false);
      setChosen(null);
      await devices.reload();
      // The button that opened the dialog is gone once the row shows the revocation: put focus on the outcome.
      messageRef.current?.focus();
    }
  }

  const list = devices.data;
  const active = list?.filter((device) => !device.revokedAt).length ?? 0;
  return (
    <>
      <p ref={messageRef} tabIndex={-1} role="status" className="devices-message">
        {message ?? ''}
      </p>
      {failure && <ErrorNotice error={failure} title={t('sync.revokeFailed')} />}
      {!list && !devices.error && (
        <p className="loading" role="status">
          {t('sync.devicesLoading')}
        </p>
      )}
      {devices.error && (
        <ErrorNotice error={devices.error} title={t('sync.devicesLoadFailed')}>
          <button type="button" className="button" onClick={() => void reload()} disabled={reloading}>
            {reloading ? t('common.loading') : t('common.retry')}
          </button>
        </ErrorNotice>
      )}
      {list && list.length === 0 && <p className="empty-state">{t('sync.devicesEmpty')}</p>}
      {list && list.length > 0 && (
        <>
          <div className="devices-toolbar">
            <p className="field-hint">{t('sync.devicesCount', { active, revoked: list.length - active })}</p>
            <button type="button" className="button button--small" onClick={() => void reload()} disabled={reloading}>
              {reloading ? t('common.loading') : t('sync.devicesReload')}
            </button>
          </div>
          <table className="devices-table" aria-labelledby="devices-title">
            <thead>
              <tr>
                <th scope="col">{t('sync.colDevice')}</th>
                <th scope="col">{t('sync.colOffice')}</th>
                <th scope="col">{t('sync.colEnrolled')}</th>
                <th scope="col">{t('sync.colStatus')}</th>
                <th scope="col">{t('sync.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((device) => (
                <tr key={device.id} className={device.revokedAt ? 'devices-row--revoked' : undefined}>
                  <th scope="row">
                    {nameOf(device)}
                    {device.self && <span className="tag devices-self">{t('sync.thisDevice')}</span>}
                  </th>
                  <td>{device.office}</td>
                  <td>{when(device.enrolledAt)}</td>
                  <td>
                    {device.revokedAt ? (
                      <span className="devices-status devices-status--revoked">
                        <span aria-hidden="true">✕ </span>
                        {t('sync.deviceRevoked', { date: when(device.revokedAt) })}
                      </span>
                    ) : (
                      <span className="devices-status devices-status--active">
                        <span aria-hidden="true">● </span>
                        {t('sync.deviceActive')}
                      </span>
                    )}
                  </td>
                  <td className="devices-actions">
                    {!device.revokedAt && (
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('sync.changeOfficesLabel', { name: nameOf(device) })}
                        onClick={() => setEditing(device)}
                      >
                        {t('sync.changeOffices')}
                      </button>
                    )}
                    {!device.revokedAt && !device.self && (
                      <button
                        type="button"
                        className="button button--small button--danger"
                        aria-label={t('sync.revokeLabel', { name: nameOf(device), office: device.office })}
                        onClick={() => setChosen(device)}
                      >
                        {t('sync.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {editing && (
        <DeviceOfficesDialog
          device={editing}
          name={nameOf(editing)}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setMessage(t('sync.changeOfficesDone', { name: nameOf(editing) }));
            setEditing(null);
            void devices.reload();
          }}
        />
      )}
      <ConfirmDialog
        open={chosen !== null}
        title={chosen ? t('sync.revokeTitle', { name: nameOf(chosen) }) : ''}
        text={chosen ? t('sync.revokeText', { name: nameOf(chosen), office: chosen.office }) : ''}
        confirmLabel={busy ? t('sync.revoking') : t('sync.revokeConfirm')}
        cancelLabel={t('common.cancel')}
        busy={busy}
        onConfirm={() => chosen && void revoke(chosen)}
        onCancel={() => setChosen(null)}
      />
    </>
  );
}

function NewEnrolmentCode() {
  const { t, dateLocale } = useT();
  const offices = useList('offices.list');
  const [officeIds, setOfficeIds] = useState<string[]>([]);
  const [validHours, setValidHours] = useState<(typeof VALID_HOURS)[number]>('72');
  const [officeError, setOfficeError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<EnrolmentCode | null>(null);
  const [failure, setFailure] = useState<ClientApiError | null>(null);
  const [copyMessage, setCopyMessage] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  // The code is what the admin came for: move there once it is shown, so a screen reader reads it at once.
  useEffect(() => {
    if (created) resultRef.current?.focus();
  }, [created]);

  async function submit() {
    setFailure(null);
    setCopyMessage(null);
    if (officeIds.length === 0) {
      setOfficeError(t('sync.officeRequired'));
      document.getElementById('enrolment-code-office')?.focus();
      return;
    }
    setOfficeError(undefined);
    setBusy(true);
    try {
      setCreated(await api.call('sync.createEnrolmentCode', { officeIds, validHours: Number(validHours) }));
    } catch (caught) {
      setCreated(null);
      setFailure(toClientError(caught));
    } finally {
      setBusy(false);
    }
  }

  async function copy(code: string) {
    try {
      await navigator.clipboard.writeText(code);
      setCopyMessage(t('sync.copied'));
    } catch {
      setCopyMessage(t('sync.copyFailed'));
    }
  }

  const officeList = offices.data ?? [];
  return (
    <Form className="form devices-code-form" onSubmit={() => void submit()} labelledBy="enrolment-code-title">
      <h3 id="enrolment-code-title">{t('sync.newCodeTitle')}</h3>
      <p className="field-hint">{t('sync.newCodeHint')}</p>
      {offices.data && officeList.length === 0 ? (
        <p className="empty-state">{t('sync.noOffices')}</p>
      ) : (
        <>
          <div className="devices-code-fields">
            <OfficeCheckboxes
              id="enrolment-code-office"
              value={officeIds}
              onChange={(ids) => {
                setOfficeIds(ids);
                if (ids.length > 0) setOfficeError(undefined);
              }}
              error={officeError}
            />
            <SelectField
              id="enrolment-code-hours"
              label={t('sync.codeValidity')}
              options={VALID_HOURS.map((hours) => ({ value: hours, label: t(`sync.validHours.${hours}`) }))}
              value={validHours}
              onChange={(value) => setValidHours(VALID_HOURS.find((hours) => hours === value) ?? '72')}
            />
          </div>
          <FormActions saving={busy} submitLabel={t('sync.makeCode')} savingLabel={t('sync.makingCode')} />
        </>
      )}
      {failure && <ErrorNotice error={failure} title={t('sync.codeFailed')} />}
      {created && (
        <div className="enrolment-code" ref={resultRef} tabIndex={-1} role="group" aria-labelledby="enrolment-code-label">
          <p id="enrolment-code-label" className="enrolment-code-label">
            {t('sync.codeFor', { office: created.office })}
          </p>
          <p className="enrolment-code-value" data-testid="enrolment-code">
            {created.code}
          </p>
          <p className="field-hint">{t('sync.codeExpires', { time: format(new Date(created.expiresAt), 'd.M.yyyy HH:mm', { locale: dateLocale }) })}</p>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => void copy(created.code)}>
              {t('sync.copyCode')}
            </button>
            <p role="status" className="field-hint">
              {copyMessage ?? ''}
            </p>
          </div>
        </div>
      )}
    </Form>
  );
}
