// Endre bruker (admins only): change roles and active status, and set a new password.
import { useState } from 'react';
import type { Role } from '../../../../domain/roles';
import { MIN_PASSWORD_LENGTH } from '../../../../domain/users';
import type { UserSummary } from '../../../../domain/users';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { hrefFor } from '../../app/routes';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, TextField } from '../../components/fields';
import { Form, FormActions } from '../../components/Form';
import { Loading, NoAccess, Notice, PageLoadError, PageTitle, PageUnavailable } from '../../components/page';
import { RoleCheckboxes } from '../../components/RoleCheckboxes';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import { invalidateArea, useList } from '../../stores/query';
import { useSession } from '../../stores/session';
import { passwordFormErrors, rolesFormErrors, rolesFormToInput, userToRolesForm } from './user-form';
import type { UserRolesForm } from './user-form';

export function UserEditPage({ id }: { id: string }) {
  const { t } = useT();
  const users = useList('users.list');
  if (users.error?.code === 'auth.forbidden') return <NoAccess />;
  if (users.error && !users.data) return <PageLoadError title={t('users.title')} error={users.error} onRetry={() => void users.reload()} />;
  if (!users.data) return <Loading />;
  const account = users.data.find((candidate) => candidate.id === id);
  if (!account) {
    return <PageUnavailable title={t('users.title')} text={t('users.notFound')} back={{ href: hrefFor('/users'), label: t('users.backToList') }} />;
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
  const { t } = useT();
  const me = useSession((state) => state.user);
  const isMe = me?.userId === account.id;
  const form = useForm<UserRolesForm>({
    id: 'user-roles',
    initial: () => userToRolesForm(account),
    validate: (values) => rolesFormErrors(account.id, values),
  });

  async function save() {
    const saved = await form.submit(() => api.call('users.update', rolesFormToInput(account.id, form.values)));
    if (saved) {
      invalidateArea('users');
      navigate('/users', { flash: { key: isMe ? 'users.savedOwn' : 'users.saved', params: { username: account.username } } });
    }
  }

  return (
    <Form className="form form--section" labelledBy="user-roles-title" onSubmit={() => void save()}>
      <h2 id="user-roles-title">{t('users.rolesTitle')}</h2>
      <ErrorSummary form={form} labelFor={{ roles: t('users.roles'), active: t('users.active') }} />
      {isMe && <p className="field-hint">{t('users.ownRolesNote')}</p>}
      <RoleCheckboxes {...form.bind<Role[]>('roles')} legend={t('users.roles')} hint={t('users.rolesHint')} />
      <CheckboxField {...form.bindCheckbox('active')} label={t('users.active')} />
      <FormActions saving={form.saving} cancelHref={hrefFor('/users')} />
    </Form>
  );
}

function PasswordForm({ account }: { account: UserSummary }) {
  const { t } = useT();
  const [done, setDone] = useState(false);
  const form = useForm<{ password: string }>({ id: 'user-password', initial: { password: '' }, validate: passwordFormErrors });
  const password = form.bind('password');

  async function save() {
    setDone(false);
    const saved = await form.submit(() => api.call('users.setPassword', { id: account.id, password: form.values.password }));
    if (saved) {
      form.reset({ password: '' });
      setDone(true);
    }
  }

  return (
    <Form className="form form--section" labelledBy="user-password-title" onSubmit={() => void save()}>
      <h2 id="user-password-title">{t('users.passwordTitle')}</h2>
      <ErrorSummary form={form} labelFor={() => t('users.newPassword')} />
      {/* Tells password managers whose password this is; not shown. */}
      <input type="text" name="username" autoComplete="username" value={account.username} readOnly hidden />
      {done && (
        <Notice kind="success" role="status">
          <p>{t('users.passwordSet', { username: account.username })}</p>
        </Notice>
      )}
      <TextField
        {...password}
        onChange={(value) => {
          setDone(false);
          password.onChange(value);
        }}
        label={t('users.newPassword')}
        hint={t('users.passwordHint', { min: MIN_PASSWORD_LENGTH })}
        type="password"
        width="medium"
        autoComplete="new-password"
      />
      <FormActions saving={form.saving} secondary submitLabel={t('users.setPassword')} savingLabel={t('users.setPassword')} />
    </Form>
  );
}
