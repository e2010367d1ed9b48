// Sign-in: username and password (Enter submits), the cooperation's name, and the example accounts when example data is loaded.
import { useRef } from 'react';
import type { Role } from '../../../../domain/roles';
import { api } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { Form } from '../../components/Form';
import { Notice, PageTitle } from '../../components/page';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import type { FormFieldErrors } from '../../i18n/codes';
import { roleNames } from '../../i18n/labels';
import { useSession } from '../../stores/session';
import { navigate, useRouter } from '../../app/router';
import { DEFAULT_PATH, landingPath } from '../../app/routes';

/** Whether the signed-in user's inbox has a line (a failed read just opens the usual screen). */
async function somethingWaits(): Promise<boolean> {
  try {
    return (await api.call('requests.inbox', {})).items.length > 0;
  } catch {
    return false;
  }
}

interface SignInForm {
  username: string;
  password: string;
}

function signInErrors(form: SignInForm): FormFieldErrors {
  const errors: FormFieldErrors = {};
  if (form.username.trim() === '') errors.username = 'required';
  if (form.password === '') errors.password = 'required';
  return errors;
}

export function SignInPage() {
  const { t } = useT();
  const status = useSession((state) => state.status);
  const reason = useSession((state) => state.signInReason);
  const submitRef = useRef<HTMLButtonElement>(null);
  const form = useForm<SignInForm>({ id: 'sign-in', initial: { username: '', password: '' }, validate: signInErrors });
  const labels = { username: t('signIn.username'), password: t('signIn.password') };

  async function signIn() {
    const saved = await form.submit(() => useSession.getState().signIn(form.values.username, form.values.password));
    const user = useSession.getState().user;
    // A link the person came by (#/routines/…) is kept; otherwise the inbox when something waits, else their own work screen.
    // Asked again after the inbox answers: a person who has already clicked somewhere meanwhile stays where they went.
    if (!saved || !user || useRouter.getState().path !== DEFAULT_PATH) return;
    const target = (await somethingWaits()) ? '/inbox' : landingPath(user.roles);
    if (useRouter.getState().path === DEFAULT_PATH) navigate(target, { replace: true });
  }

  function chooseAccount(account: { username: string; password: string }) {
    form.reset({ username: account.username, password: account.password });
    submitRef.current?.focus();
  }

  return (
    <main className="centered-page" id="main">
      <div className="sign-in-layout">
        <section className="card sign-in-card" aria-labelledby="sign-in-title">
          <p className="brand-large" aria-hidden="true">
            {t('app.name')}
          </p>
          <PageTitle id="sign-in-title" focusOnMount={false}>
            {t('signIn.title')}
          </PageTitle>
          {status?.cooperationName && <p className="sign-in-cooperation">{t('signIn.cooperation', { name: status.cooperationName })}</p>}
          {reason === 'signedOut' && (
            <Notice kind="success" role="status">
              <p>{t('signIn.signedOut')}</p>
            </Notice>
          )}
          {reason === 'sessionLost' && (
            <Notice kind="warning" role="alert">
              <p>{t('signIn.sessionLost')}</p>
            </Notice>
          )}
          <Form onSubmit={() => void signIn()}>
            <ErrorSummary form={form} labelFor={labels} title={t('signIn.failed')} keepsInput={false} />
            <TextField {...form.bind('username')} label={labels.username} autoComplete="username" autoFocus width="medium" />
            <TextField {...form.bind('password')} label={labels.password} type="password" autoComplete="current-password" width="medium" />
            <div className="form-actions">
              <button ref={submitRef} type="submit" className="button button--primary" disabled={form.saving}>
                {form.saving ? t('signIn.signingIn') : t('signIn.submit')}
              </button>
            </div>
          </Form>
        </section>
        {status?.exampleData && status.exampleAccounts.length > 0 && (
          <ExampleAccounts accounts={status.exampleAccounts} onChoose={chooseAccount} />
        )}
      </div>
    </main>
  );
}

interface ExampleAccount {
  username: string;
  password: string;
  name: string;
  roles: Role[];
}

function ExampleAccounts({ accounts, onChoose }: { accounts: readonly ExampleAccount[]; onChoose: (account: ExampleAccount) => void }) {
  const { t } = useT();
  return (
    <section className="card example-accounts" aria-labelledby="example-accounts-title">
      <h2 id="example-accounts-title">
        <span aria-hidden="true">ℹ </span>
        {t('signIn.exampleTitle')}
      </h2>
      <p>{t('signIn.exampleIntro')}</p>
      <ul className="account-list">
        {accounts.map((account) => (
          <li key={account.username}>
            <button
              type="button"
              className="account-button"
              onClick={() => onChoose(account)}
            >
              <span className="account-name">{account.name}</span>
              <span className="account-role">{roleNames(t, account.roles)}</span>
              <span className="account-credentials">
                {t('signIn.exampleUsername')}: <strong>{account.username}</strong> · {t('signIn.examplePassword')}:{' '}
                <strong>{account.password}</strong>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
