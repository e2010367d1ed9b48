// Ny ansatt / Endre ansatt (leads and admins): name, profession, HPR number, home municipality, base office, position, active.
import { PROFESSIONS } from '../../../../domain/staff';
import type { StaffMember } from '../../../../domain/staff';
import { api } from '../../api/client';
import { can } from '../../app/permissions';
import { navigate } from '../../app/router';
import { hrefFor } from '../../app/routes';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, NumberField, SelectField, TextField } from '../../components/fields';
import { Form, FormActions } from '../../components/Form';
import { Loading, NoAccess, PageLoadError, PageTitle, PageUnavailable } from '../../components/page';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import { professionName } from '../../i18n/labels';
import { invalidateArea, useList } from '../../stores/query';
import { useSession } from '../../stores/session';
import { emptyStaffForm, staffFormErrors, staffFormToInput, staffToForm } from './staff-form';
import type { StaffForm } from './staff-form';

interface OfficeChoice {
  id: string;
  name: string;
}

export function StaffEditPage({ item }: { item: string }) {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const allowed = can(user, 'editStaff');
  const staff = useList('staff.list', allowed);
  const offices = useList('offices.list', allowed);
  const settings = useList('settings.get', allowed);

  if (!allowed || staff.error?.code === 'auth.forbidden') return <NoAccess />;
  const failed = staff.error ?? offices.error;
  if (failed && (!staff.data || !offices.data)) {
    const retry = () => void Promise.all([staff.reload(), offices.reload()]);
    return <PageLoadError title={item === 'new' ? t('staff.newTitle') : t('staff.title')} error={failed} onRetry={retry} />;
  }
  // Settings only provide the default office for a new person; wait briefly for them unless they failed.
  if (!staff.data || !offices.data || (item === 'new' && !settings.data && !settings.error)) return <Loading />;

  const member = item === 'new' ? null : (staff.data.find((candidate) => candidate.id === item) ?? null);
  if (item !== 'new' && !member) {
    return <PageUnavailable title={t('staff.title')} text={t('staff.notFound')} back={{ href: hrefFor('/staff'), label: t('staff.backToList') }} />;
  }
  return (
    <StaffFormView
      member={member}
      offices={offices.data.map((office) => ({ id: office.id, name: office.name }))}
      defaultOfficeId={settings.data?.deviceOfficeId ?? null}
    />
  );
}

function StaffFormView({ member, offices, defaultOfficeId }: { member: StaffMember | null; offices: OfficeChoice[]; defaultOfficeId: string | null }) {
  const { t } = useT();
  const form = useForm<StaffForm>({
    id: 'staff',
    initial: () => (member ? staffToForm(member) : emptyStaffForm(defaultOfficeId)),
    validate: staffFormErrors,
  });
  const values = form.values;

  const labels = {
    name: t('staff.name'),
    profession: t('staff.profession'),
    hprNumber: t('staff.hpr'),
    homeMunicipality: t('staff.homeMunicipality'),
    phone: t('staff.phone'),
    baseOfficeId: t('staff.baseOffice'),
    positionPercent: t('staff.positionPercent'),
    active: t('staff.active'),
  };
  // A base office that was deleted meanwhile is still shown, so saving does not silently change it.
  const officeOptions = offices.map((office) => ({ value: office.id, label: office.name }));
  if (values.baseOfficeId && !offices.some((office) => office.id === values.baseOfficeId)) {
    officeOptions.push({ value: values.baseOfficeId, label: t('common.none') });
  }

  async function save() {
    const saved = await form.submit(async () => {
      const input = staffFormToInput(form.values);
      if (member) await api.call('staff.update', { ...input, id: member.id });
      else await api.call('staff.create', input);
    });
    if (saved) {
      invalidateArea('staff');
      navigate('/staff', { flash: { key: 'staff.saved', params: { name: form.values.name.trim() } } });
    }
  }

  return (
    <section>
      <PageTitle>{member ? t('staff.editTitle', { name: member.name }) : t('staff.newTitle')}</PageTitle>
      <Form className="form" onSubmit={() => void save()}>
        <ErrorSummary form={form} labelFor={labels} />
        <div className="form-grid">
          <TextField {...form.bind('name')} label={labels.name} autoComplete="off" maxLength={100} />
          <SelectField
            {...form.bind('profession')}
            label={labels.profession}
            placeholder={t('staff.chooseProfession')}
            options={PROFESSIONS.map((profession) => ({ value: profession, label: professionName(t, profession) }))}
          />
          <TextField {...form.bind('hprNumber')} label={labels.hprNumber} optional hint={t('staff.hprHint')} inputMode="numeric" width="medium" />
          <TextField {...form.bind('homeMunicipality')} label={labels.homeMunicipality} optional width="medium" maxLength={60} />
          <TextField {...form.bind('phone')} label={labels.phone} type="tel" optional hint={t('staff.phoneHint')} width="medium" maxLength={24} autoComplete="off" />
          <SelectField
            {...form.bind('baseOfficeId')}
            label={labels.baseOfficeId}
            options={[{ value: '', label: t('staff.noBaseOffice') }, ...officeOptions]}
          />
          <NumberField {...form.bind('positionPercent')} label={labels.positionPercent} hint={t('staff.positionHint')} min={0} max={100} />
          <CheckboxField {...form.bindCheckbox('active')} label={labels.active} />
        </div>
        <FormActions saving={form.saving} cancelHref={hrefFor('/staff')} />
      </Form>
    </section>
  );
}
