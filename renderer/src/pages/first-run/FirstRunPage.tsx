// First run: create a new cooperation with its first administrator, or load the Indre Namdal example dataset.
import { useState } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../../domain/users';
import { api } from '../../api/client';
import { toClientError } from '../../api/errors';
import type { ClientApiError } from '../../api/errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { Form, FormActions } from '../../components/Form';
import { ErrorNotice, PageTitle } from '../../components/page';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import { useSession } from '../../stores/session';
import { createFormErrors, createFormToInput } from './setup-form';
import { FirstRunJoin } from './FirstRunJoin';
import type { CreateForm } from './setup-form';

export function FirstRunPage() {
  const { t } = useT();
  return (
    <main className="centered-page centered-page--wide" id="main">
      <PageTitle>{t('firstRun.title')}</PageTitle>
      <p className="page-intro">{t('firstRun.intro')}</p>
      <div className="choice-grid">
        <CreateCooperation />
        <LoadExample />
        <FirstRunJoin />
      </div>
    </main>
  );
}

function CreateCooperation() {
  const { t } = useT();
  const form = useForm<CreateForm>({
    id: 'setup',
    initial: { cooperationName: '', adminName: '', username: '', password: '', passwordRepeat: '' },
    validate: createFormErrors,
  });
  const labels: Record<keyof CreateForm, string> = {
    cooperationName: t('firstRun.cooperationName'),
    adminName: t('firstRun.adminName'),
    username: t('firstRun.username'),
    password: t('firstRun.password'),
    passwordRepeat: t('firstRun.passwordRepeat'),
  };
  const field = (key: keyof CreateForm) => ({ ...form.bind(key), label: labels[key] });

  async function create() {
    const saved = await form.submit(() => api.call('setup.createCooperation', createFormToInput(form.values)));
    if (saved) useSession.getState().signedIn(saved.value);
  }

  return (
    <section className="card" aria-labelledby="first-run-create">
      <h2 id="first-run-create">{t('firstRun.createTitle')}</h2>
      <p>{t('firstRun.createIntro')}</p>
      <Form onSubmit={() => void create()}>
        <ErrorSummary form={form} labelFor={labels} title={t('firstRun.failed')} />
        <TextField {...field('cooperationName')} hint={t('firstRun.cooperationNameHint')} maxLength={100} autoComplete="organization" />
        <TextField {...field('adminName')} maxLength={100} autoComplete="name" />
        <TextField {...field('username')} hint={t('firstRun.usernameHint')} width="medium" maxLength={40} autoComplete="username" />
        <TextField
          {...field('password')}
          type="password"
          hint={t('firstRun.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          width="medium"
          autoComplete="new-password"
        />
        <TextField {...field('passwordRepeat')} type="password" width="medium" autoComplete="new-password" />
        <FormActions saving={form.saving} submitLabel={t('firstRun.create')} savingLabel={t('firstRun.creating')} />
      </Form>
    </section>
  );
}

function LoadExample() {
  const { t } = useT();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ClientApiError | null>(null);

  async function load() {
    setLoading(true);
    setError(null);
    try {
      await api.call('setup.loadExample', {});
      await useSession.getState().start();
    } catch (failure) {
      setError(toClientError(failure));
      setLoading(false);
    }
  }

  return (
    <section className="card" aria-labelledby="first-run-example">
      <h2 id="first-run-example">{t('firstRun.exampleTitle')}</h2>
      <p>{t('firstRun.exampleIntro')}</p>
      {error && <ErrorNotice error={error} />}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void load()} disabled={loading} aria-busy={loading || undefined}>
          {loading ? t('firstRun.loadingExample') : t('firstRun.loadExample')}
        </button>
      </div>
      {loading && (
        <p role="status" className="field-hint">
          {t('firstRun.loadingExample')}
        </p>
      )}
    </section>
  );
}
