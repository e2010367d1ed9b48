// Nytt kontor / Endre kontor (admins): name, contact details, opening hours per weekday, driving minutes, and delete.
import { useState } from 'react';
import type { Office, Weekday } from '../../../../domain/offices';
import { api } from '../../api/client';
import { toClientError } from '../../api/errors';
import type { ClientApiError } from '../../api/errors';
import { can } from '../../app/permissions';
import { navigate } from '../../app/router';
import { hrefFor } from '../../app/routes';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, FieldError, TextField } from '../../components/fields';
import { LoadError, Loading, NoAccess, Notice, PageTitle } from '../../components/page';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import type { FormFieldErrorCode } from '../../i18n/codes';
import { capitalise, weekdayName } from '../../i18n/labels';
import { invalidateArea, reloadList, useList } from '../../stores/query';
import { useSession } from '../../stores/session';
import { normaliseTime } from '../../components/parse';
import { DAY_KEYS, emptyOfficeForm, officeFormErrors, officeFormToInput, officeToForm } from './office-form';
import type { DayForm, DayKey, OfficeForm } from './office-form';

export function OfficeEditPage({ item }: { item: string }) {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const offices = useList('offices.list', can(user, 'editOffices'));

  if (!can(user, 'editOffices') || offices.error?.code === 'auth.forbidden') return <NoAccess />;
  if (offices.error && !offices.data) {
    return (
      <section>
        <PageTitle>{item === 'new' ? t('offices.newTitle') : t('offices.title')}</PageTitle>
        <LoadError error={offices.error} onRetry={() => void reloadList('offices.list')} />
      </section>
    );
  }
  if (!offices.data) return <Loading />;

  const office = item === 'new' ? null : (offices.data.find((candidate) => candidate.id === item) ?? null);
  if (item !== 'new' && !office) {
    return (
      <section>
        <PageTitle>{t('offices.title')}</PageTitle>
        <Notice kind="warning">
          <p>{t('offices.notFound')}</p>
        </Notice>
        <p>
          <a href={hrefFor('/offices')}>{t('offices.backToList')}</a>
        </p>
      </section>
    );
  }
  const others = offices.data.filter((candidate) => candidate.id !== office?.id);
  return <OfficeFormView office={office} others={others} />;
}

function OfficeFormView({ office, others }: { office: Office | null; others: Office[] }) {
  const { t, fieldErrorText } = useT();
  const otherIds = others.map((other) => other.id);
  const form = useForm<OfficeForm>({
    id: 'office',
    initial: () => (office ? officeToForm(office) : emptyOfficeForm()),
    validate: (values) => officeFormErrors(values, otherIds),
  });
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<ClientApiError | null>(null);
  const values = form.values;

  const labelFor = (path: string): string => {
    const [head, key, part] = path.split('.');
    if (head === 'openingHours' && key) {
      const day = capitalise(weekdayName(t, Number(key) as Weekday));
      return part === 'open' ? t('offices.opens', { day }) : part === 'close' ? t('offices.closes', { day }) : day;
    }
    if (head === 'drivingMinutes' && key) return t('offices.drivingTo', { office: others.find((other) => other.id === key)?.name ?? key });
    switch (head) {
      case 'name':
        return t('offices.name');
      case 'municipality':
        return t('offices.municipality');
      case 'address':
        return t('offices.address');
      case 'phone':
        return t('offices.phone');
      default:
        return path;
    }
  };
  const messageFor = (path: string, code: FormFieldErrorCode): string =>
    path === 'name' && code === 'duplicate' ? t('offices.duplicateName') : fieldErrorText(code);
  const errorFor = (path: string): string | undefined => {
    const code = form.errorCode(path);
    return code ? messageFor(path, code) : undefined;
  };

  const setDay = (key: DayKey, change: Partial<DayForm>, ...paths: string[]) =>
    form.update((current) => ({ ...current, hours: { ...current.hours, [key]: { ...current.hours[key], ...change } } }), ...paths);

  async function save() {
    const saved = await form.submit(async () => {
      const input = officeFormToInput(form.values, otherIds);
      if (office) await api.call('offices.update', { ...input, id: office.id });
      else await api.call('offices.create', input);
    });
    if (saved) {
      invalidateArea('offices');
      navigate('/offices', { flash: { key: 'offices.saved', params: { name: form.values.name.trim() } } });
    }
  }

  async function remove() {
    if (!office) return;
    setDeleting(true);
    try {
      await api.call('offices.remove', { id: office.id });
      invalidateArea('offices');
      navigate('/offices', { flash: { key: 'offices.deleted', params: { name: office.name } } });
    } catch (error) {
      setConfirmingDelete(false);
      setDeleteError(toClientError(error));
    } finally {
      setDeleting(false);
    }
  }

  return (
    <section>
      <PageTitle>{office ? t('offices.editTitle', { name: office.name }) : t('offices.newTitle')}</PageTitle>
      {deleteError && <DeleteError error={deleteError} />}
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <ErrorSummary form={form} labelFor={labelFor} messageFor={messageFor} />
        <div className="form-grid">
          <TextField
            id={form.fieldId('name')}
            label={t('offices.name')}
            hint={t('offices.nameHint')}
            value={values.name}
            onChange={(value) => form.set('name', value)}
            onBlur={() => form.touch('name')}
            error={errorFor('name')}
            maxLength={80}
          />
          <TextField
            id={form.fieldId('municipality')}
            label={t('offices.municipality')}
            value={values.municipality}
            onChange={(value) => form.set('municipality', value)}
            onBlur={() => form.touch('municipality')}
            error={errorFor('municipality')}
            width="medium"
            maxLength={60}
          />
          <TextField
            id={form.fieldId('address')}
            label={t('offices.address')}
            optional
            value={values.address}
            onChange={(value) => form.set('address', value)}
            onBlur={() => form.touch('address')}
            error={errorFor('address')}
            autoComplete="street-address"
            maxLength={160}
          />
          <TextField
            id={form.fieldId('phone')}
            label={t('offices.phone')}
            optional
            hint={t('offices.phoneHint')}
            type="tel"
            inputMode="tel"
            value={values.phone}
            onChange={(value) => form.set('phone', value)}
            onBlur={() => form.touch('phone')}
            error={errorFor('phone')}
            width="medium"
          />
        </div>

        <fieldset className="fieldset">
          <legend>{t('offices.openingHours')}</legend>
          <p className="field-hint" id="office-hours-hint">
            {t('offices.openingHoursHint')}
          </p>
          <div className="hours-grid">
            {DAY_KEYS.map((key) => {
              const day = values.hours[key];
              const dayLabel = capitalise(weekdayName(t, Number(key) as Weekday));
              const opensPath = `openingHours.${key}.open`;
              const closesPath = `openingHours.${key}.close`;
              return (
                <div className="hours-row" key={key}>
                  <CheckboxField
                    id={form.fieldId(`openingHours.${key}`)}
                    label={dayLabel}
                    checked={day.open}
                    onChange={(open) => setDay(key, { open }, opensPath, closesPath)}
                    className="hours-day"
                  />
                  {day.open ? (
                    <div className="hours-times">
                      <TextField
                        id={form.fieldId(opensPath)}
                        label={t('offices.opens', { day: dayLabel })}
                        hideLabel
                        inputMode="numeric"
                        width="time"
                        maxLength={5}
                        value={day.opens}
                        onChange={(opens) => setDay(key, { opens }, opensPath, closesPath)}
                        onBlur={() => {
                          setDay(key, { opens: normaliseTime(day.opens) });
                          form.touch(opensPath);
                        }}
                        error={errorFor(opensPath)}
                        errorPlacement="external"
                      />
                      <span aria-hidden="true">{t('offices.timeSeparator')}</span>
                      <TextField
                        id={form.fieldId(closesPath)}
                        label={t('offices.closes', { day: dayLabel })}
                        hideLabel
                        inputMode="numeric"
                        width="time"
                        maxLength={5}
                        value={day.closes}
                        onChange={(closes) => setDay(key, { closes }, opensPath, closesPath)}
                        onBlur={() => {
                          setDay(key, { closes: normaliseTime(day.closes) });
                          form.touch(closesPath);
                        }}
                        error={errorFor(closesPath)}
                        errorPlacement="external"
                      />
                    </div>
                  ) : (
                    <span className="hours-closed">{t('offices.closed')}</span>
                  )}
                  <div className="hours-errors">
                    <FieldError id={form.fieldId(opensPath)} error={day.open ? errorFor(opensPath) : undefined} />
                    <FieldError id={form.fieldId(closesPath)} error={day.open ? errorFor(closesPath) : undefined} />
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('offices.drivingTitle')}</legend>
          {others.length === 0 ? (
            <p className="field-hint">{t('offices.drivingNone')}</p>
          ) : (
            <>
              <p className="field-hint">{t('offices.drivingHint')}</p>
              <div className="driving-grid">
                {others.map((other) => {
                  const path = `drivingMinutes.${other.id}`;
                  return (
                    <TextField
                      key={other.id}
                      id={form.fieldId(path)}
                      label={t('offices.drivingTo', { office: other.name })}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={1440}
                      step={1}
                      width="short"
                      value={values.driving[other.id] ?? ''}
                      onChange={(minutes) =>
                        form.update((current) => ({ ...current, driving: { ...current.driving, [other.id]: minutes } }), path)
                      }
                      onBlur={() => form.touch(path)}
                      error={errorFor(path)}
                      suffix={t('common.minutes')}
                    />
                  );
                })}
              </div>
            </>
          )}
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={form.saving}>
            {form.saving ? t('common.saving') : t('common.save')}
          </button>
          <a className="button" href={hrefFor('/offices')}>
            {t('common.cancel')}
          </a>
          {office && (
            <button type="button" className="button button--danger button--push" onClick={() => setConfirmingDelete(true)}>
              {t('offices.delete')}
            </button>
          )}
        </div>
      </form>
      {office && (
        <ConfirmDialog
          open={confirmingDelete}
          title={t('offices.confirmDeleteTitle', { name: office.name })}
          text={t('offices.confirmDeleteText')}
          confirmLabel={t('common.confirmDelete')}
          cancelLabel={t('common.cancel')}
          busy={deleting}
          onConfirm={() => void remove()}
          onCancel={() => setConfirmingDelete(false)}
        />
      )}
    </section>
  );
}

function DeleteError({ error }: { error: ClientApiError }) {
  const { t, errorText } = useT();
  return (
    <Notice kind="error" role="alert" title={t('offices.notDeleted')}>
      <p>{errorText(error)}</p>
    </Notice>
  );
}
