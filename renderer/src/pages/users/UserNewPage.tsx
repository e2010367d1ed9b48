// Ny bruker (admins only): pick a staff member without a sign-in, choose username, first password and roles.
import type { Role } from '../../../../domain/roles';
import type { StaffMember } from '../../../../domain/staff';
import { MIN_PASSWORD_LENGTH } from '../../../../domain/users';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { hrefFor } from '../../app/routes';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { Form, FormActions } from '../../components/Form';
import { EmptyState, Loading, NoAccess, PageLoadError, PageTitle } from '../../components/page';
import { RoleCheckboxes } from '../../components/RoleCheckboxes';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import { professionName } from '../../i18n/labels';
import { invalidateArea, useList } from '../../stores/query';
import { emptyNewUserForm, newUserFormErrors, newUserFormToInput, staffWithoutUser } from './user-form';
import type { NewUserForm } from './user-form';

export function UserNewPage() {
  const { t } = useT();
  const users = useList('users.list');
  const staff = useList('staff.list');
  if (users.error?.code === 'auth.forbidden') return <NoAccess />;
  const failed = users.error ?? staff.error;
  if (failed && (!users.data || !staff.data)) {
    return <PageLoadError title={t('users.newTitle')} error={failed} onRetry={() => void Promise.all([users.reload(), staff.reload()])} />;
  }
  if (!users.data || !staff.data) return <Loading />;
  return <NewUserFormView candidates={staffWithoutUser(staff.data, users.data)} />;
}

function NewUserFormView({ candidates }: { candidates: StaffMember[] }) {
  const { t } = useT();
  const form = useForm<NewUserForm>({
    id: 'user',
    initial: emptyNewUserForm,
    validate: newUserFormErrors,
    messageFor: (path, code) => (path === 'username' && code === 'duplicate' ? t('users.duplicateUsername') : undefined),
  });
  const labels = { staffId: t('users.staff'), username: t('users.username'), password: t('users.password'), roles: t('users.roles') };

  async function save() {
    const saved = await form.submit(() => api.call('users.create', newUserFormToInput(form.values)));
    if (saved) {
      invalidateArea('users');
      navigate('/users', { flash: { key: 'users.saved', params: { username: form.values.username.trim().toLowerCase() } } });
    }
  }

  return (
    <section>
      <PageTitle>{t('users.newTitle')}</PageTitle>
      {candidates.length === 0 ? (
        <EmptyState>
          <p>{t('users.noStaffLeft')}</p>
          <p>
            <a href={hrefFor('/staff/new')}>{t('staff.new')}</a>
          </p>
        </EmptyState>
      ) : (
        <Form className="form" onSubmit={() => void save()}>
          <ErrorSummary form={form} labelFor={labels} />
          <div className="form-grid">
            <SelectField
              {...form.bind('staffId')}
              label={labels.staffId}
              placeholder={t('users.chooseStaff')}
              options={candidates.map((member) => ({ value: member.id, label: `${member.name} (${professionName(t, member.profession)})` }))}
            />
            <TextField {...form.bind('username')} label={labels.username} hint={t('users.usernameHint')} width="medium" autoComplete="off" maxLength={40} />
            <TextField
              {...form.bind('password')}
              label={labels.password}
              hint={t('users.passwordHint', { min: MIN_PASSWORD_LENGTH })}
              type="password"
              width="medium"
              autoComplete="new-password"
            />
          </div>
          <RoleCheckboxes {...form.bind<Role[]>('roles')} legend={labels.roles} hint={t('users.rolesHint')} />
          <FormActions saving={form.saving} cancelHref={hrefFor('/users')} />
        </Form>
      )}
    </section>
  );
}
