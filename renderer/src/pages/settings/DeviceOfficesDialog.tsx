// "Endre kontorer" in Maskiner i samarbeidet: an admin ticks the offices a computer serves (at least one) and the service changes its scope.
import { useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { api } from '../../api/client';
import { toClientError } from '../../api/errors';
import type { ClientApiError } from '../../api/errors';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { DialogActions } from '../../components/DialogActions';
import { DialogForm, FormDialog } from '../../components/FormDialog';
import { ErrorNotice } from '../../components/page';
import { useT } from '../../i18n';
import { useList } from '../../stores/query';

type Device = ApiOutput<'sync.devices'>[number];

/** The office checkboxes of the enrolment-code form and of this dialog: every office of the cooperation, at least one ticked. */
export function OfficeCheckboxes({ id, value, onChange, error }: { id: string; value: string[]; onChange: (ids: string[]) => void; error?: string | undefined }) {
  const { t } = useT();
  const offices = useList('offices.list');
  return (
    <CheckboxGroup
      id={id}
      legend={t('sync.codeOffice')}
      options={(offices.data ?? []).map((office) => ({ value: office.id, label: office.name }))}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}

export function DeviceOfficesDialog({ device, name, onClose, onSaved }: { device: Device; name: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useT();
  const [officeIds, setOfficeIds] = useState<string[]>(device.offices);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ClientApiError | null>(null);

  async function save() {
    if (officeIds.length === 0) {
      setError(t('sync.officeRequired'));
      document.getElementById('device-offices')?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await api.call('sync.setDeviceOffices', { deviceId: device.id, officeIds });
      onSaved();
    } catch (caught) {
      setFailure(toClientError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog title={t('sync.changeOfficesTitle', { name })} onClose={onClose}>
      <DialogForm onSubmit={() => void save()}>
        <p className="field-hint">{t('sync.changeOfficesHint')}</p>
        <OfficeCheckboxes
          id="device-offices"
          value={officeIds}
          onChange={(ids) => {
            setOfficeIds(ids);
            if (ids.length > 0) setError(undefined);
          }}
          error={error}
        />
        {failure && <ErrorNotice error={failure} title={t('sync.changeOfficesFailed')} />}
        <DialogActions saving={busy} submitLabel={t('sync.changeOfficesSave')} savingLabel={t('sync.changeOfficesSaving')} onCancel={onClose} />
      </DialogForm>
    </FormDialog>
  );
}
