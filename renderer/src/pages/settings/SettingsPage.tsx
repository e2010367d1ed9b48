// Innstillinger: this computer's office and id, the cooperation's name (admins change them), security, backups, sync and its computers, and the language.
import type { ApiOutput } from '../../../../backend/api-types';
import { api } from '../../api/client';
import { ApiCallError } from '../../api/errors';
import { can } from '../../app/permissions';
import { navigate } from '../../app/router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { Form, FormActions } from '../../components/Form';
import { Icpc2ReminderNotice } from '../../components/Icpc2ReminderNotice';
import { FlashMessage, LoadError, Loading, Notice, PageTitle } from '../../components/page';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import { invalidateArea, useList } from '../../stores/query';
import { LANGUAGES, useLanguage } from '../../stores/language';
import { useSession } from '../../stores/session';
import { settingsChanges, settingsFormErrors } from './settings-form';
import type { SettingsForm } from './settings-form';
import { RotaLimitsSection } from './RotaLimitsSection';
import { AutoLockSection } from './AutoLockSection';
import { BackupsSection } from './BackupsSection';
import { SyncSettingsSection } from './SyncSettingsSection';
import { DeviceAdminSection } from './DeviceAdminSection';
import { TrustSection } from './TrustSection';
import { LogReviewLink } from './LogReviewLink';

type Settings = ApiOutput<'settings.get'>;
type OfficeList = ApiOutput<'offices.list'>;

export function SettingsPage() {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const settings = useList('settings.get');
  const offices = useList('offices.list');
  const editable = can(user, 'editSettings');

  return (
    <section>
      <PageTitle>{t('settings.title')}</PageTitle>
      <FlashMessage />
      <Icpc2ReminderNotice withLink />
      {settings.error && !settings.data && <LoadError error={settings.error} onRetry={() => void settings.reload()} />}
      {!settings.data && !settings.error && <Loading />}
      {settings.data && (
        <>
          {settings.data.exampleData && (
            <Notice kind="info">
              <p>{t('settings.exampleData')}</p>
            </Notice>
          )}
          {!editable && <SettingsReadOnly settings={settings.data} showAdminNote />}
          {editable && offices.data && <SettingsFormView settings={settings.data} offices={offices.data} />}
          {editable && !offices.data && offices.error && (
            <>
              <LoadError error={offices.error} onRetry={() => void offices.reload()} />
              <SettingsReadOnly settings={settings.data} showAdminNote={false} />
            </>
          )}
          {editable && !offices.data && !offices.error && <Loading />}
          {can(user, 'planRota') && <RotaLimitsSection limits={settings.data.rotaLimits} />}
          {editable && <AutoLockSection minutes={settings.data.autoLockMinutes} />}
          {editable && <BackupsSection />}
          <SyncSettingsSection />
          {editable && <DeviceAdminSection />}
          {can(user, 'readAuditLog') && <LogReviewLink />}
          <TrustSection admin={editable} />
        </>
      )}
      <LanguageChoice />
    </section>
  );
}

function SettingsReadOnly({ settings, showAdminNote }: { settings: Settings; showAdminNote: boolean }) {
  const { t } = useT();
  return (
    <div className="form form--section">
      <h2>{t('settings.deviceTitle')}</h2>
      <dl className="details">
        <dt>{t('settings.deviceOffice')}</dt>
        <dd>{settings.deviceOfficeName ?? t('settings.noOffice')}</dd>
        <dt>{t('settings.deviceId')}</dt>
        <dd>
          <code>{settings.deviceId}</code>
        </dd>
        <dt>{t('settings.cooperationName')}</dt>
        <dd>{settings.cooperationName}</dd>
      </dl>
      {showAdminNote && <p className="field-hint">{t('settings.adminOnly')}</p>}
    </div>
  );
}

/** Calls the backend and files a field error under the form's own field name. */
async function withFieldNames(call: () => Promise<unknown>, names: Record<string, string>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (!(error instanceof ApiCallError) || !error.error.fields) throw error;
    const fields = Object.fromEntries(Object.entries(error.error.fields).map(([path, code]) => [names[path] ?? path, code]));
    throw new ApiCallError({ ...error.error, fields });
  }
}

function SettingsFormView({ settings, offices }: { settings: Settings; offices: OfficeList }) {
  const { t } = useT();
  const form = useForm<SettingsForm>({
    id: 'settings',
    initial: () => ({ deviceOfficeId: settings.deviceOfficeId ?? '', cooperationName: settings.cooperationName }),
    validate: settingsFormErrors,
  });
  const labels = { deviceOfficeId: t('settings.deviceOffice'), cooperationName: t('settings.cooperationName') };

  async function save() {
    const saved = await form.submit(async () => {
      const changes = settingsChanges(form.values, settings);
      if (changes.deviceOfficeId !== undefined) {
        const officeId = changes.deviceOfficeId;
        await withFieldNames(() => api.call('settings.setDeviceOffice', { officeId }), { officeId: 'deviceOfficeId' });
      }
      if (changes.cooperationName !== undefined) {
        const name = changes.cooperationName;
        await withFieldNames(() => api.call('settings.renameCooperation', { name }), { name: 'cooperationName' });
      }
    });
    if (saved) {
      invalidateArea('settings');
      navigate('/settings', { flash: { key: 'settings.saved' } });
    }
  }

  return (
    <Form className="form" onSubmit={() => void save()}>
      <ErrorSummary form={form} labelFor={labels} />
      <div className="form--section">
        <h2>{t('settings.deviceTitle')}</h2>
        <SelectField
          {...form.bind('deviceOfficeId')}
          label={labels.deviceOfficeId}
          hint={offices.length === 0 ? t('settings.noOfficesYet') : t('settings.deviceOfficeHint')}
          options={[{ value: '', label: t('settings.noOffice') }, ...offices.map((office) => ({ value: office.id, label: office.name }))]}
        />
        <dl className="details">
          <dt>{t('settings.deviceId')}</dt>
          <dd>
            <code>{settings.deviceId}</code>
            <span className="field-hint"> {t('settings.deviceIdHint')}</span>
          </dd>
        </dl>
      </div>
      <div className="form--section">
        <h2>{t('settings.cooperationTitle')}</h2>
        <TextField {...form.bind('cooperationName')} label={labels.cooperationName} maxLength={100} />
      </div>
      <FormActions saving={form.saving} />
    </Form>
  );
}

function LanguageChoice() {
  const { t } = useT();
  const language = useLanguage((state) => state.language);
  const setLanguage = useLanguage((state) => state.setLanguage);
  return (
    <section className="form--section settings-language">
      <fieldset className="fieldset fieldset--compact" aria-describedby="settings-language-hint">
        <legend className="legend-heading">{t('settings.languageTitle')}</legend>
        <p className="field-hint" id="settings-language-hint">
          {t('settings.languageHint')}
        </p>
        <div className="checkbox-row">
          {LANGUAGES.map((option) => (
            <div className="field field--checkbox" key={option}>
              <input
                id={`settings-language-${option}`}
                type="radio"
                name="language"
                className="checkbox"
                checked={language === option}
                onChange={() => setLanguage(option)}
              />
              <label htmlFor={`settings-language-${option}`} lang={option}>
                {t(`lang.${option}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
