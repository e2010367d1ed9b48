// Ny bruker (admins only): pick a staff member without a sign-in, choose username, first password and roles.
import type { StaffMember } from '../../../../domain/staff';
import { MIN_PASSWORD_LENGTH } from '../../../../domain/users';
import { api } from '../../api/client';
import { can } from '../../app/permissions';
import { navigate } from '../../app/router';
import { hrefFor } from '../../app/routes';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { EmptyState, LoadError, Loading, NoAccess, PageTitle } from '../../components/page';
import { RoleCheckboxes } from '../../components/RoleCheckboxes';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import type { FormFieldErrorCode } from '../../i18n/codes';
import { professionName } from '../../i18n/labels';
import { invalidateArea, reloadList, useList } from '../../stores/query';
import { useSession } from '../../stores/session';
import { emptyNewUserForm, newUserFormErrors, newUserFormToInput, staffWithoutUser, toggleRole } from './user-form';
import type { NewUserForm } from './user-form';

export function UserNewPage() {
  const user = useSession((state) => state.user);
  if (!can(user, 'manageUsers')) return <NoAccess />;
  return <UserNewLoader />;
}

function UserNewLoader() {
  const { t } = useT();
  const users = useList('users.list');
  const staff = useList('staff.list');
  if (users.error?.code === 'auth.forbidden') return <NoAccess />;
  const failed = users.error ?? staff.error;
  if (failed && (!users.data || !staff.data)) {
    return (
      <section>
        <PageTitle>{t('users.newTitle')}</PageTitle>
        <LoadError
          error={failed}
          onRetry={() => {
            void reloadList('users.list');
            void reloadList('staff.list');
          }}
        />
      </section>
    );
  }
  if (!users.data || !staff.data) return <Loading />;
  return <NewUserFormView candidates={staffWithoutUser(staff.data, users.data)} />;
}

function NewUserFormView({ candidates }: { candidates: StaffMember[] }) {
  const { t, fieldErrorText } = useT();
  const form = useForm<NewUserForm>({ id: 'user', initial: emptyNewUserForm, validate: newUserFormErrors });
  const values = form.values;
  const labels: Record<string, string> = {
    staffId: t('users.staff'),
    username: t('users.username'),
    password: t('users.password'),
    roles: t('users.roles'),
  };
  const labelFor = (path: string) => labels[path.split('.')[0] ?? path] ?? path;
  const messageFor = (path: string, code: FormFieldErrorCode) =>
    path === 'username' && code === 'duplicate' ? t('users.duplicateUsername') : fieldErrorText(code);
  const errorFor = (path: string) => {
    const code = form.errorCode(path);
    return code ? messageFor(path, code) : undefined;
  };

  async function save() {
    const saved = await form.submit(async () => {
      await api.call('users.create', newUserFormToInput(form.values));
    });
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
            <SelectField
              id={form.fieldId('staffId')}
              label={labels.staffId!}
              placeholder={t('users.chooseStaff')}
              options={candidates.map((member) => ({ value: member.id, label: `${member.name} (${professionName(t, member.profession)})` }))}
              value={values.staffId}
              onChange={(value) => form.set('staffId', value)}
              onBlur={() => form.touch('staffId')}
              error={errorFor('staffId')}
            />
            <TextField
              id={form.fieldId('username')}
              label={labels.username!}
              hint={t('users.usernameHint')}
              width="medium"
              value={values.username}
              onChange={(value) => form.set('username', value)}
              onBlur={() => form.touch('username')}
              error={errorFor('username')}
              autoComplete="off"
              maxLength={40}
            />
            <TextField
              id={form.fieldId('password')}
              label={labels.password!}
              hint={t('users.passwordHint', { min: MIN_PASSWORD_LENGTH })}
              type="password"
              width="medium"
              value={values.password}
              onChange={(value) => form.set('password', value)}
              onBlur={() => form.touch('password')}
              error={errorFor('password')}
              autoComplete="new-password"
            />
          </div>
          <RoleCheckboxes
            id={form.fieldId('roles')}
            legend={labels.roles!}
            hint={t('users.rolesHint')}
            value={values.roles}
            onChange={(role, on) => form.update((current) => ({ ...current, roles: toggleRole(current.roles, role, on) }), 'roles')}
            error={errorFor('roles')}
          />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={form.saving}>
              {form.saving ? t('common.saving') : t('common.save')}
            </button>
            <a className="button" href={hrefFor('/users')}>
              {t('common.cancel')}
            </a>
          </div>
        </form>
      )}
    </section>
  );
}
