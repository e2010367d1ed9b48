// Nytt kontor / Endre kontor (admins): name, contact details, opening hours per weekday, driving minutes, and delete.
import type { Office, Weekday } from '../../../../domain/offices';
import { api } from '../../api/client';
import { can } from '../../app/permissions';
import { navigate } from '../../app/router';
import { hrefFor } from '../../app/routes';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { Form, FormActions } from '../../components/Form';
import { ErrorNotice, Loading, NoAccess, PageLoadError, PageTitle, PageUnavailable } from '../../components/page';
import { useAction } from '../../components/use-action';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import type { Translator } from '../../i18n';
import { capitalise, weekdayName } from '../../i18n/labels';
import { invalidateArea, useList } from '../../stores/query';
import { useSession } from '../../stores/session';
import { emptyOfficeForm, officeFormErrors, officeFormToInput, officeToForm } from './office-form';
import type { OfficeForm } from './office-form';
import { DrivingFieldset, OpeningHoursFieldset } from './OfficeFieldsets';

export function OfficeEditPage({ item }: { item: string }) {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const allowed = can(user, 'editOffices');
  const offices = useList('offices.list', allowed);

  if (!allowed || offices.error?.code === 'auth.forbidden') return <NoAccess />;
  if (offices.error && !offices.data) {
    return <PageLoadError title={item === 'new' ? t('offices.newTitle') : t('offices.title')} error={offices.error} onRetry={() => void offices.reload()} />;
  }
  if (!offices.data) return <Loading />;

  const office = item === 'new' ? null : (offices.data.find((candidate) => candidate.id === item) ?? null);
  if (item !== 'new' && !office) {
    return <PageUnavailable title={t('offices.title')} text={t('offices.notFound')} back={{ href: hrefFor('/offices'), label: t('offices.backToList') }} />;
  }
  const others = offices.data.filter((candidate) => candidate.id !== office?.id);
  return <OfficeFormView office={office} others={others} />;
}

/** The label of a field (also the day's time fields and the driving minutes), for the error summary. */
function officeFieldLabel(t: Translator['t'], others: readonly Office[], path: string): string {
  const [head, key, part] = path.split('.');
  if (head === 'openingHours' && key) {
    const day = capitalise(weekdayName(t, Number(key) as Weekday));
    return part === 'open' ? t('offices.opens', { day }) : part === 'close' ? t('offices.closes', { day }) : day;
  }
  if (head === 'drivingMinutes' && key) return t('offices.drivingTo', { office: others.find((other) => other.id === key)?.name ?? key });
  const labels: Record<string, string> = {
    name: t('offices.name'),
    municipality: t('offices.municipality'),
    address: t('offices.address'),
    phone: t('offices.phone'),
  };
  return labels[path] ?? path;
}

function OfficeFormView({ office, others }: { office: Office | null; others: Office[] }) {
  const { t } = useT();
  const otherIds = others.map((other) => other.id);
  const form = useForm<OfficeForm>({
    id: 'office',
    initial: () => (office ? officeToForm(office) : emptyOfficeForm()),
    validate: (values) => officeFormErrors(values, otherIds),
    messageFor: (path, code) => (path === 'name' && code === 'duplicate' ? t('offices.duplicateName') : undefined),
  });
  const removal = useAction();

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

  async function remove(existing: Office) {
    if (await removal.run(() => api.call('offices.remove', { id: existing.id }))) {
      invalidateArea('offices');
      navigate('/offices', { flash: { key: 'offices.deleted', params: { name: existing.name } } });
    }
  }

  return (
    <section>
      <PageTitle>{office ? t('offices.editTitle', { name: office.name }) : t('offices.newTitle')}</PageTitle>
      {removal.error && <ErrorNotice error={removal.error} title={t('offices.notDeleted')} />}
      <Form className="form" onSubmit={() => void save()}>
        <ErrorSummary form={form} labelFor={(path) => officeFieldLabel(t, others, path)} />
        <div className="form-grid">
          <TextField {...form.bind('name')} label={t('offices.name')} hint={t('offices.nameHint')} maxLength={80} />
          <TextField {...form.bind('municipality')} label={t('offices.municipality')} width="medium" maxLength={60} />
          <TextField {...form.bind('address')} label={t('offices.address')} optional autoComplete="street-address" maxLength={160} />
          <TextField {...form.bind('phone')} label={t('offices.phone')} optional hint={t('offices.phoneHint')} type="tel" inputMode="tel" width="medium" />
        </div>
        <OpeningHoursFieldset form={form} />
        <DrivingFieldset form={form} others={others} />
        <FormActions saving={form.saving} cancelHref={hrefFor('/offices')}>
          {office && (
            <button type="button" className="button button--danger button--push" onClick={() => removal.setConfirming(true)}>
              {t('offices.delete')}
            </button>
          )}
        </FormActions>
      </Form>
      {office && (
        <ConfirmDialog
          open={removal.confirming}
          title={t('offices.confirmDeleteTitle', { name: office.name })}
          text={t('offices.confirmDeleteText')}
          confirmLabel={t('common.confirmDelete')}
          cancelLabel={t('common.cancel')}
          busy={removal.busy}
          onConfirm={() => void remove(office)}
          onCancel={() => removal.setConfirming(false)}
        />
      )}
    </section>
  );
}
