// The routine form (doctors): every content field in sections; changing an active routine saves a new version that nurses must be authorised for again.
import { useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import type { CompetenceType } from '../../../../domain/competence/types';
import type { Routine, RoutineContentInput } from '../../../../domain/routines/types';
import { api } from '../../api/client';
import { ApiCallError } from '../../api/errors';
import { navigate } from '../../app/router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Notice, PageTitle } from '../../components/page';
import { Form } from '../../components/Form';
import { useForm } from '../../components/use-form';
import type { FormState } from '../../components/use-form';
import { osloToday } from '../../format/dates';
import { useT } from '../../i18n';
import { useSession } from '../../stores/session';
import { BackLink } from './routine-parts';
import { ROUTINE_PATHS } from './routine-paths';
import { emptyRoutineForm, nextValidFrom, routineFormErrors, routineFormToContent, routineToForm, sameContent, savedMessageKey, toFormFieldErrors } from './routine-form';
import type { RoutineForm, SavedRoutine } from './routine-form';
import { routineErrorText, routineFieldLabel } from './routine-form-texts';
import { AboutSection, CriteriaSection, MedicineSection, ResponsibilitySection } from './RoutineFormSections';
import type { Choice } from './RoutineFormSections';
import { shortTitle } from './routine-view';

type RoutineDetail = ApiOutput<'routines.get'>;

/** Creates a routine (a draft) or saves over the newest version; server field paths come back as the form's fields. */
async function saveRoutine(newest: Routine | null, content: RoutineContentInput, activate: boolean): Promise<SavedRoutine> {
  try {
    if (!newest) return { ...(await api.call('routines.create', content)), status: 'draft' };
    return await api.call('routines.update', { id: newest.id, content, activate });
  } catch (error) {
    if (error instanceof ApiCallError && error.error.fields) throw new ApiCallError({ ...error.error, fields: toFormFieldErrors(error.error.fields) });
    throw error;
  }
}

export function RoutineFormView({ detail, doctors, types }: { detail: RoutineDetail | null; doctors: Choice[]; types: readonly CompetenceType[] }) {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const today = detail?.today ?? osloToday();
  const newest: Routine | null = detail?.newest ?? null;
  const changingActive = newest !== null && newest.status !== 'draft';
  const [initial] = useState<RoutineForm>(() => {
    if (!newest) return emptyRoutineForm(today, doctors.some((doctor) => doctor.id === user?.staffId) ? (user?.staffId ?? null) : null);
    const values = routineToForm(newest);
    return changingActive ? { ...values, validFrom: nextValidFrom(newest.validFrom, today) } : values;
  });
  const form: FormState<RoutineForm> = useForm<RoutineForm>({
    id: 'routine',
    initial,
    validate: routineFormErrors,
    messageFor: (path, code) => routineErrorText(t, path, code, form.values.icpc2Codes),
  });
  const [unchanged, setUnchanged] = useState(false);

  async function save(activate: boolean) {
    setUnchanged(false);
    // Saving an active routine untouched would only make a copy with the suggested new date: say so instead.
    if (changingActive && sameContent(form.values, initial)) {
      setUnchanged(true);
      return;
    }
    const saved = await form.submit(() => saveRoutine(newest, routineFormToContent(form.values), activate));
    if (!saved) return;
    const { routineId, version } = saved.value;
    const params = { name: shortTitle(form.values.title.trim()), version };
    navigate(ROUTINE_PATHS.detail(routineId), { flash: { key: savedMessageKey(newest, saved.value), params } });
  }

  const cancelHref = detail ? `#${ROUTINE_PATHS.detail(detail.routineId)}` : `#${ROUTINE_PATHS.list}`;
  return (
    <section className="routines-page routine-edit">
      <BackLink href={cancelHref}>{newest ? t('routines.edit.backToRoutine') : t('routines.backToList')}</BackLink>
      <PageTitle>{newest ? t('routines.edit.titleNamed', { name: shortTitle(newest.title) }) : t('routines.edit.newTitle')}</PageTitle>
      <VersionNotice newest={newest} />
      <Form className="form routine-form" onSubmit={() => void save(false)}>
        <ErrorSummary form={form} labelFor={(path) => routineFieldLabel(t, path)} />
        <AboutSection form={form} />
        <CriteriaSection form={form} />
        <MedicineSection form={form} />
        <ResponsibilitySection form={form} doctors={doctors} types={types} />
        {unchanged && (
          <Notice kind="info" role="status">
            <p>{t('routines.edit.unchanged')}</p>
          </Notice>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={form.saving}>
            {form.saving ? t('common.saving') : newest ? t('routines.edit.saveDraft') : t('routines.edit.saveNew')}
          </button>
          {newest && (
            <button type="button" className="button" disabled={form.saving} onClick={() => void save(true)}>
              {t('routines.edit.saveActivate', { version: changingActive ? newest.version + 1 : newest.version })}
            </button>
          )}
          <a className="button" href={cancelHref}>
            {t('common.cancel')}
          </a>
        </div>
      </Form>
    </section>
  );
}

/** What saving will do: a new routine (a draft), version N+1 of an active one, or the draft changed in place. */
function VersionNotice({ newest }: { newest: Routine | null }) {
  const { t } = useT();
  if (!newest) {
    return (
      <Notice kind="info">
        <p>{t('routines.edit.newIntro')}</p>
      </Notice>
    );
  }
  if (newest.status !== 'draft') {
    return (
      <Notice kind="warning" title={t('routines.edit.newVersionTitle', { next: newest.version + 1 })}>
        <p>{t('routines.edit.newVersionText', { version: newest.version, next: newest.version + 1 })}</p>
      </Notice>
    );
  }
  return (
    <Notice kind="info">
      <p>{t('routines.edit.draftText', { version: newest.version })}</p>
    </Notice>
  );
}
