// Endre bruker (admins only): change roles and active status, and set a new password.
import { useState } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../../domain/users';
import type { UserSummary } from '../../../../domain/users';
import { api } from '../../api/client';
import { can } from '../../app/permissions';
import { navigate } from '../../app/router';
import { hrefFor } from '../../app/routes';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, TextField } from '../../components/fields';
import { LoadError, Loading, NoAccess, Notice, PageTitle } from '../../components/page';
import { RoleCheckboxes } from '../../components/RoleCheckboxes';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import type { FormFieldErrorCode } from '../../i18n/codes';
import { invalidateArea, reloadList, useList } from '../../stores/query';
import { useSession } from '../../stores/session';
import { passwordFormErrors, rolesFormErrors, rolesFormToInput, toggleRole, userToRolesForm } from './user-form';
import type { UserRolesForm } from './user-form';

export function UserEditPage({ id }: { id: string }) {
  const user = useSession((state) => state.user);
  if (!can(user, 'manageUsers')) return <NoAccess />;
  return <UserEditLoader id={id} />;
}

function UserEditLoader({ id }: { id: string }) {
  const { t } = useT();
  const users = useList('users.list');
  if (users.error?.code === 'auth.forbidden') return <NoAccess />;
  if (users.error && !users.data) {
    return (
      <section>
        <PageTitle>{t('users.title')}</PageTitle>
        <LoadError error={users.error} onRetry={() => void reloadList('users.list')} />
      </section>
    );
  }
  if (!users.data) return <Loading />;
  const account = users.data.find((candidate) => candidate.id === id);
  if (!account) {
    return (
      <section>
        <PageTitle>{t('users.title')}</PageTitle>
        <Notice kind="warning">
          <p>{t('users.notFound')}</p>
        </Notice>
        <p>
          <a href={hrefFor('/users')}>{t('users.backToList')}</a>
        </p>
      </section>
    );
  }
  return (
    <section>
      <PageTitle>{t('users.editTitle', { username: account.username })}</PageTitle>
      <p className="page-intro">{account.staffName}</p>
      <RolesForm account={account} />
      <PasswordForm account={account} />
    </section>
  );
}

function RolesForm({ account }: { account: UserSummary }) {
  const { t, fieldErrorText } = useT();
  const me = useSession((state) => state.user);
  const isMe = me?.userId === account.id;
  const form = useForm<UserRolesForm>({
    id: 'user-roles',
    initial: () => userToRolesForm(account),
    validate: (values) => rolesFormErrors(account.id, values),
  });
  const labelFor = (path: string) => (path.startsWith('roles') ? t('users.roles') : path === 'active' ? t('users.active') : path);
  const messageFor = (_path: string, code: FormFieldErrorCode) => fieldErrorText(code);
  const errorFor = (path: string) => {
    const code = form.errorCode(path);
    return code ? messageFor(path, code) : undefined;
  };

  async function save() {
    const saved = await form.submit(async () => {
      await api.call('users.update', rolesFormToInput(account.id, form.values));
    });
    if (saved) {
      invalidateArea('users');
      navigate('/users', { flash: { key: isMe ? 'users.savedOwn' : 'users.saved', params: { username: account.username } } });
    }
  }

  return (
    <form
      className="form form--section"
      noValidate
      aria-labelledby="user-roles-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="user-roles-title">{t('users.rolesTitle')}</h2>
      <ErrorSummary form={form} labelFor={labelFor} messageFor={messageFor} />
      {isMe && <p className="field-hint">{t('users.ownRolesNote')}</p>}
      <RoleCheckboxes
        id={form.fieldId('roles')}
        legend={t('users.roles')}
        hint={t('users.rolesHint')}
        value={form.values.roles}
        onChange={(role, on) => form.update((current) => ({ ...current, roles: toggleRole(current.roles, role, on) }), 'roles')}
        error={errorFor('roles')}
      />
      <CheckboxField
        id={form.fieldId('active')}
        label={t('users.active')}
        checked={form.values.active}
        onChange={(active) => form.set('active', active)}
        error={errorFor('active')}
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
  );
}

function PasswordForm({ account }: { account: UserSummary }) {
  const { t, fieldErrorText } = useT();
  const [done, setDone] = useState(false);
  const form = useForm<{ password: string }>({ id: 'user-password', initial: { password: '' }, validate: passwordFormErrors });
  const messageFor = (_path: string, code: FormFieldErrorCode) => fieldErrorText(code);
  const code = form.errorCode('password');

  async function save() {
    setDone(false);
    const saved = await form.submit(async () => {
      await api.call('users.setPassword', { id: account.id, password: form.values.password });
    });
    if (saved) {
      form.reset({ password: '' });
      setDone(true);
    }
  }

  return (
    <form
      className="form form--section"
      noValidate
      aria-labelledby="user-password-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="user-password-title">{t('users.passwordTitle')}</h2>
      <ErrorSummary form={form} labelFor={() => t('users.newPassword')} messageFor={messageFor} />
      {/* Tells password managers whose password this is; not shown. */}
      <input type="text" name="username" autoComplete="username" value={account.username} readOnly hidden />
      {done && (
        <Notice kind="success" role="status">
          <p>{t('users.passwordSet', { username: account.username })}</p>
        </Notice>
      )}
      <TextField
        id={form.fieldId('password')}
        label={t('users.newPassword')}
        hint={t('users.passwordHint', { min: MIN_PASSWORD_LENGTH })}
        type="password"
        width="medium"
        value={form.values.password}
        onChange={(password) => {
          setDone(false);
          form.set('password', password);
        }}
        onBlur={() => form.touch('password')}
        error={code ? messageFor('password', code) : undefined}
        autoComplete="new-password"
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.saving}>
          {t('users.setPassword')}
        </button>
      </div>
    </form>
  );
}
