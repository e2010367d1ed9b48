// Ny rutine / Endre rutine (doctors): every content field; changing an active routine saves a new version that nurses must be authorised for again.
import { useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import type { CompetenceType } from '../../../../domain/competence/types';
import { NURSE_MAY } from '../../../../domain/routines/types';
import type { Routine } from '../../../../domain/routines/types';
import { api } from '../../api/client';
import { ApiCallError } from '../../api/errors';
import { navigate } from '../../app/router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FieldError, SelectField, TextField } from '../../components/fields';
import { LoadError, Loading, NoAccess, Notice, PageTitle } from '../../components/page';
import { useForm } from '../../components/use-form';
import { useT } from '../../i18n';
import type { FormFieldErrorCode } from '../../i18n/codes';
import { reloadList, useList, useQuery } from '../../stores/query';
import { useSession } from '../../stores/session';
import { osloToday } from '../../format/dates';
import { nurseMayText, TextAreaField } from './routine-parts';
import { ROUTINE_PATHS } from './routine-paths';
import { emptyRoutineForm, invalidIcpc2Codes, nextValidFrom, routineFormErrors, routineFormToContent, routineToForm, sameContent, toFormFieldErrors } from './routine-form';
import type { MedicineForm, RoutineForm } from './routine-form';
import { shortTitle } from './routine-view';

type RoutineDetail = ApiOutput<'routines.get'>;

interface Choice {
  id: string;
  name: string;
}

export function RoutineEditPage({ routineId, canEdit }: { routineId: string | null; canEdit: boolean }) {
  const { t } = useT();
  if (!canEdit) return <NoAccess />;
  return routineId ? <EditRoutine routineId={routineId} /> : <FormLoader detail={null} heading={t('routines.edit.newTitle')} />;
}

function EditRoutine({ routineId }: { routineId: string }) {
  const { t } = useT();
  const detail = useQuery('routines.get', { routineId }, []);
  const heading = t('routines.edit.title');
  if (detail.error?.code === 'routines.notFound') {
    return (
      <section className="routines-page">
        <PageTitle>{heading}</PageTitle>
        <Notice kind="warning">
          <p>{t('routines.detail.notFound')}</p>
        </Notice>
        <p>
          <a href={`#${ROUTINE_PATHS.list}`}>{t('routines.backToList')}</a>
        </p>
      </section>
    );
  }
  if (detail.error) {
    return (
      <section className="routines-page">
        <PageTitle>{heading}</PageTitle>
        <LoadError error={detail.error} onRetry={() => void detail.reload()} />
      </section>
    );
  }
  if (!detail.current || !detail.data) return <Loading />;
  return <FormLoader detail={detail.data} heading={heading} />;
}

/** Waits for the doctors and competence types the form offers. */
function FormLoader({ detail, heading }: { detail: RoutineDetail | null; heading: string }) {
  const staff = useList('staff.list');
  const types = useQuery('competence.types', {}, ['competence', 'setup']);
  const failed = staff.error ?? types.error;
  if (failed?.code === 'auth.forbidden') return <NoAccess />;
  if (failed && (!staff.data || !types.data)) {
    return (
      <section className="routines-page">
        <PageTitle>{heading}</PageTitle>
        <LoadError
          error={failed}
          onRetry={() => {
            void reloadList('staff.list');
            void types.reload();
          }}
        />
      </section>
    );
  }
  if (!staff.data || !types.data) return <Loading />;
  const doctors = staff.data.filter((member) => (member.profession === 'doctor' || member.profession === 'doctorInTraining') && member.active).map((member) => ({ id: member.id, name: member.name }));
  return <RoutineFormView detail={detail} doctors={doctors} types={types.data} />;
}

function RoutineFormView({ detail, doctors, types }: { detail: RoutineDetail | null; doctors: Choice[]; types: readonly CompetenceType[] }) {
  const { t, fieldErrorText } = useT();
  const user = useSession((state) => state.user);
  const today = detail?.today ?? osloToday();
  const newest: Routine | null = detail?.newest ?? null;
  const changingActive = newest !== null && newest.status !== 'draft';
  const [initial] = useState<RoutineForm>(() => {
    if (!newest) return emptyRoutineForm(today, doctors.some((doctor) => doctor.id === user?.staffId) ? (user?.staffId ?? null) : null);
    const values = routineToForm(newest);
    return changingActive ? { ...values, validFrom: nextValidFrom(newest.validFrom, today) } : values;
  });
  const form = useForm<RoutineForm>({ id: 'routine', initial, validate: routineFormErrors });
  const [unchanged, setUnchanged] = useState(false);
  const values = form.values;

  const labels: Record<string, string> = {
    title: t('routines.field.title'),
    icpc2Codes: t('routines.field.icpc2Codes'),
    indication: t('routines.field.indication'),
    inclusionCriteria: t('routines.field.inclusionCriteria'),
    exclusionCriteria: t('routines.field.exclusionCriteria'),
    'medicine.name': t('routines.medicine.name'),
    'medicine.atcCode': t('routines.medicine.atcCode'),
    'medicine.strength': t('routines.medicine.strength'),
    'medicine.form': t('routines.medicine.form'),
    'medicine.route': t('routines.medicine.route'),
    'medicine.dose': t('routines.medicine.dose'),
    'medicine.frequency': t('routines.medicine.frequency'),
    'medicine.durationDays': t('routines.medicine.durationDays'),
    'medicine.maxQuantity': t('routines.medicine.maxQuantity'),
    nurseMay: t('routines.field.nurseMay'),
    followUpAdvice: t('routines.field.followUpAdvice'),
    responsibleDoctorId: t('routines.field.responsibleDoctor'),
    requiredCompetenceTypeIds: t('routines.field.requiredCompetences'),
    validFrom: t('routines.field.validFrom'),
    reviewDate: t('routines.field.reviewDate'),
    expiresOn: t('routines.field.expiresOn'),
  };
  const labelFor = (path: string) => {
    const row = /^exclusionCriteria\.(\d+)\.(text|redFlag)$/.exec(path);
    if (row) return t('routines.edit.exclusionRow', { n: Number(row[1]) + 1 });
    return labels[path] ?? path;
  };
  const messageFor = (path: string, code: FormFieldErrorCode): string => {
    if (path === 'icpc2Codes') {
      if (code === 'required') return t('routines.edit.icpc2Required');
      if (code === 'invalidFormat') return t('routines.edit.icpc2Invalid', { codes: invalidIcpc2Codes(values.icpc2Codes).join(', ') });
    }
    if (path === 'inclusionCriteria' && code === 'required') return t('routines.edit.inclusionRequired');
    if (path === 'exclusionCriteria' && code === 'required') return t('routines.edit.exclusionRequired');
    if ((path === 'inclusionCriteria' || path.startsWith('exclusionCriteria')) && code === 'tooLong') return t('routines.edit.criterionTooLong');
    if ((path === 'inclusionCriteria' || path === 'exclusionCriteria') && code === 'outOfRange') return t('routines.edit.tooManyCriteria');
    if (path === 'medicine.atcCode' && code === 'invalidFormat') return t('routines.edit.atcInvalid');
    if (path === 'medicine.durationDays' && (code === 'outOfRange' || code === 'invalidFormat')) return t('routines.edit.durationInvalid');
    if (path === 'nurseMay') return t('routines.edit.nurseMayRequired');
    if (path === 'responsibleDoctorId') return t('routines.edit.doctorRequired');
    if (path === 'reviewDate' && code === 'timeOrder') return t('routines.edit.reviewOrder');
    if (path === 'expiresOn' && code === 'timeOrder') return t('routines.edit.expiryOrder');
    if (path === 'validFrom' && code === 'outOfRange') return t('routines.edit.validFromPast');
    if ((path === 'validFrom' || path === 'reviewDate' || path === 'expiresOn') && (code === 'invalidFormat' || code === 'required')) return t('routines.edit.dateRequired');
    return fieldErrorText(code);
  };
  const errorFor = (path: string) => {
    const code = form.errorCode(path);
    return code ? messageFor(path, code) : undefined;
  };

  function setMedicine(key: keyof MedicineForm, value: string) {
    form.update((current) => ({ ...current, medicine: { ...current.medicine, [key]: value } }), `medicine.${key}`);
  }

  function setRow(index: number, change: Partial<RoutineForm['exclusionCriteria'][number]>) {
    form.update(
      (current) => ({ ...current, exclusionCriteria: current.exclusionCriteria.map((row, i) => (i === index ? { ...row, ...change } : row)) }),
      `exclusionCriteria.${index}.text`,
      'exclusionCriteria',
    );
  }

  function addRow() {
    const index = values.exclusionCriteria.length;
    form.update((current) => ({ ...current, exclusionCriteria: [...current.exclusionCriteria, { text: '', redFlag: false }] }), 'exclusionCriteria');
    setTimeout(() => document.getElementById(form.fieldId(`exclusionCriteria.${index}.text`))?.focus(), 0);
  }

  function removeRow(index: number) {
    form.update((current) => ({ ...current, exclusionCriteria: current.exclusionCriteria.filter((_, i) => i !== index) }), 'exclusionCriteria');
    setTimeout(() => document.getElementById(form.fieldId(`exclusionCriteria.${Math.max(0, index - 1)}.text`))?.focus() ?? document.getElementById('routine-add-exclusion')?.focus(), 0);
  }

  function toggleCompetence(id: string, checked: boolean) {
    form.update(
      (current) => ({
        ...current,
        requiredCompetenceTypeIds: checked ? [...current.requiredCompetenceTypeIds, id] : current.requiredCompetenceTypeIds.filter((other) => other !== id),
      }),
      'requiredCompetenceTypeIds',
    );
  }

  async function save(activate: boolean) {
    setUnchanged(false);
    // Saving an active routine untouched would only make a copy with the suggested new date: say so instead.
    if (newest && changingActive && sameContent(form.values, initial)) {
      setUnchanged(true);
      return;
    }
    let result: { routineId: string; version: number; status: string } | null = null;
    const saved = await form.submit(async () => {
      const content = routineFormToContent(form.values);
      try {
        if (!newest) {
          const created = await api.call('routines.create', content);
          result = { ...created, status: 'draft' };
        } else {
          result = await api.call('routines.update', { id: newest.id, content, activate });
        }
      } catch (error) {
        if (error instanceof ApiCallError && error.error.fields) throw new ApiCallError({ ...error.error, fields: toFormFieldErrors(error.error.fields) });
        throw error;
      }
    });
    const done = result as { routineId: string; version: number; status: string } | null;
    if (!saved || !done) return;
    const name = shortTitle(form.values.title.trim());
    const nothingChanged = newest !== null && newest.status !== 'draft' && done.version === newest.version;
    const key = !newest
      ? 'routines.saved.created'
      : nothingChanged
        ? 'routines.saved.unchanged'
        : done.status === 'active'
        ? 'routines.saved.activated'
        : done.version !== newest.version
          ? 'routines.saved.newVersion'
          : 'routines.saved.draft';
    navigate(ROUTINE_PATHS.detail(done.routineId), { flash: { key, params: { name, version: done.version } } });
  }

  const cancelHref = detail ? `#${ROUTINE_PATHS.detail(detail.routineId)}` : `#${ROUTINE_PATHS.list}`;
  const heading = newest ? t('routines.edit.titleNamed', { name: shortTitle(newest.title) }) : t('routines.edit.newTitle');

  return (
    <section className="routines-page routine-edit">
      <p className="back-link">
        <a href={cancelHref}>
          <span aria-hidden="true">← </span>
          {newest ? t('routines.edit.backToRoutine') : t('routines.backToList')}
        </a>
      </p>
      <PageTitle>{heading}</PageTitle>
      {!newest && (
        <Notice kind="info">
          <p>{t('routines.edit.newIntro')}</p>
        </Notice>
      )}
      {newest && changingActive && (
        <Notice kind="warning" title={t('routines.edit.newVersionTitle', { next: newest.version + 1 })}>
          <p>{t('routines.edit.newVersionText', { version: newest.version, next: newest.version + 1 })}</p>
        </Notice>
      )}
      {newest && !changingActive && (
        <Notice kind="info">
          <p>{t('routines.edit.draftText', { version: newest.version })}</p>
        </Notice>
      )}
      <form
        className="form routine-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save(false);
        }}
      >
        <ErrorSummary form={form} labelFor={labelFor} messageFor={messageFor} />

        <fieldset className="fieldset">
          <legend>{t('routines.edit.sectionAbout')}</legend>
          <TextField
            id={form.fieldId('title')}
            label={labels.title!}
            hint={t('routines.edit.titleHint')}
            value={values.title}
            onChange={(value) => form.set('title', value)}
            onBlur={() => form.touch('title')}
            error={errorFor('title')}
            maxLength={150}
            autoFocus
          />
          <TextField
            id={form.fieldId('icpc2Codes')}
            label={labels.icpc2Codes!}
            hint={t('routines.edit.icpc2Hint')}
            width="medium"
            value={values.icpc2Codes}
            onChange={(value) => form.set('icpc2Codes', value)}
            onBlur={() => form.touch('icpc2Codes')}
            error={errorFor('icpc2Codes')}
          />
          <TextAreaField
            id={form.fieldId('indication')}
            label={labels.indication!}
            hint={t('routines.edit.indicationHint')}
            value={values.indication}
            onChange={(value) => form.set('indication', value)}
            onBlur={() => form.touch('indication')}
            error={errorFor('indication')}
            maxLength={1000}
          />
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('routines.edit.sectionCriteria')}</legend>
          <TextAreaField
            id={form.fieldId('inclusionCriteria')}
            label={labels.inclusionCriteria!}
            hint={t('routines.edit.inclusionHint')}
            rows={5}
            value={values.inclusionCriteria}
            onChange={(value) => form.set('inclusionCriteria', value)}
            onBlur={() => form.touch('inclusionCriteria')}
            error={errorFor('inclusionCriteria')}
          />
          <div className={`exclusion-rows${errorFor('exclusionCriteria') ? ' field--error' : ''}`} role="group" aria-labelledby="routine-exclusion-title" aria-describedby="routine-exclusion-hint">
            <p id="routine-exclusion-title" className="exclusion-title">
              {labels.exclusionCriteria}
            </p>
            <p id="routine-exclusion-hint" className="field-hint">
              {t('routines.edit.exclusionHint')}
            </p>
            <FieldError id={form.fieldId('exclusionCriteria')} error={errorFor('exclusionCriteria')} />
            <ol className="exclusion-list">
              {values.exclusionCriteria.map((row, index) => {
                const textId = form.fieldId(`exclusionCriteria.${index}.text`);
                const flagId = form.fieldId(`exclusionCriteria.${index}.redFlag`);
                const error = errorFor(`exclusionCriteria.${index}.text`);
                return (
                  <li key={index} className={`exclusion-row${row.redFlag ? ' exclusion-row--red-flag' : ''}`}>
                    <TextField
                      id={textId}
                      label={t('routines.edit.exclusionRow', { n: index + 1 })}
                      value={row.text}
                      onChange={(value) => setRow(index, { text: value })}
                      onBlur={() => form.touch(`exclusionCriteria.${index}.text`)}
                      error={error}
                      maxLength={300}
                    />
                    <div className="field field--checkbox exclusion-flag">
                      <input id={flagId} type="checkbox" className="checkbox" checked={row.redFlag} onChange={(event) => setRow(index, { redFlag: event.target.checked })} />
                      <label htmlFor={flagId}>
                        <span aria-hidden="true">⚑ </span>
                        {t('routines.edit.redFlag')}
                        <span className="visually-hidden"> {t('routines.edit.forRow', { n: index + 1 })}</span>
                      </label>
                    </div>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => removeRow(index)}
                      disabled={values.exclusionCriteria.length === 1}
                      aria-label={t('routines.edit.removeRow', { n: index + 1 })}
                    >
                      {t('routines.edit.remove')}
                    </button>
                  </li>
                );
              })}
            </ol>
            <button type="button" id="routine-add-exclusion" className="button button--small" onClick={addRow}>
              {t('routines.edit.addRow')}
            </button>
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('routines.medicineTitle')}</legend>
          <p className="field-hint">{t('routines.edit.medicineHint')}</p>
          <div className="form-grid routine-medicine-grid">
            {(['name', 'atcCode', 'strength', 'form', 'route', 'dose', 'frequency'] as const).map((key) => (
              <TextField
                key={key}
                id={form.fieldId(`medicine.${key}`)}
                label={labels[`medicine.${key}`]!}
                hint={key === 'atcCode' ? t('routines.edit.atcHint') : key === 'strength' ? t('routines.edit.strengthHint') : undefined}
                width={key === 'name' ? 'long' : 'medium'}
                value={values.medicine[key]}
                onChange={(value) => setMedicine(key, value)}
                onBlur={() => form.touch(`medicine.${key}`)}
                error={errorFor(`medicine.${key}`)}
                maxLength={100}
              />
            ))}
            <TextField
              id={form.fieldId('medicine.durationDays')}
              label={labels['medicine.durationDays']!}
              hint={t('routines.edit.durationHint')}
              inputMode="numeric"
              width="short"
              suffix={t('routines.edit.daysUnit')}
              optional
              value={values.medicine.durationDays}
              onChange={(value) => setMedicine('durationDays', value)}
              onBlur={() => form.touch('medicine.durationDays')}
              error={errorFor('medicine.durationDays')}
            />
            <TextField
              id={form.fieldId('medicine.maxQuantity')}
              label={labels['medicine.maxQuantity']!}
              hint={t('routines.edit.maxQuantityHint')}
              width="medium"
              value={values.medicine.maxQuantity}
              onChange={(value) => setMedicine('maxQuantity', value)}
              onBlur={() => form.touch('medicine.maxQuantity')}
              error={errorFor('medicine.maxQuantity')}
              maxLength={100}
            />
          </div>
          <SelectField
            id={form.fieldId('nurseMay')}
            label={labels.nurseMay!}
            placeholder={t('routines.edit.chooseNurseMay')}
            options={NURSE_MAY.map((value) => ({ value, label: nurseMayText(t, value) }))}
            value={values.nurseMay}
            onChange={(value) => form.set('nurseMay', value as RoutineForm['nurseMay'])}
            onBlur={() => form.touch('nurseMay')}
            error={errorFor('nurseMay')}
          />
          <TextAreaField
            id={form.fieldId('followUpAdvice')}
            label={labels.followUpAdvice!}
            hint={t('routines.edit.followUpHint')}
            rows={4}
            value={values.followUpAdvice}
            onChange={(value) => form.set('followUpAdvice', value)}
            onBlur={() => form.touch('followUpAdvice')}
            error={errorFor('followUpAdvice')}
            maxLength={2000}
          />
        </fieldset>

        <fieldset className="fieldset">
          <legend>{t('routines.edit.sectionResponsibility')}</legend>
          <SelectField
            id={form.fieldId('responsibleDoctorId')}
            label={labels.responsibleDoctorId!}
            placeholder={t('routines.edit.chooseDoctor')}
            options={withCurrent(doctors, values.responsibleDoctorId, t('routines.edit.formerDoctor')).map((doctor) => ({ value: doctor.id, label: doctor.name }))}
            value={values.responsibleDoctorId}
            onChange={(value) => form.set('responsibleDoctorId', value)}
            onBlur={() => form.touch('responsibleDoctorId')}
            error={errorFor('responsibleDoctorId')}
          />
          <fieldset className={`fieldset fieldset--compact${errorFor('requiredCompetenceTypeIds') ? ' field--error' : ''}`} aria-describedby="routine-competences-hint">
            <legend>{labels.requiredCompetenceTypeIds}</legend>
            <p id="routine-competences-hint" className="field-hint">
              {types.length === 0 ? t('routines.edit.noCompetenceTypes') : t('routines.edit.competencesHint')}
            </p>
            <div className="competence-choices">
              {types.map((type) => {
                const id = form.fieldId(`requiredCompetenceTypeIds.${type.id}`);
                return (
                  <div key={type.id} className="field field--checkbox">
                    <input id={id} type="checkbox" className="checkbox" checked={values.requiredCompetenceTypeIds.includes(type.id)} onChange={(event) => toggleCompetence(type.id, event.target.checked)} />
                    <label htmlFor={id}>{type.name}</label>
                  </div>
                );
              })}
            </div>
            <FieldError id={form.fieldId('requiredCompetenceTypeIds')} error={errorFor('requiredCompetenceTypeIds')} />
          </fieldset>
          <div className="form-grid routine-dates">
            {(['validFrom', 'reviewDate', 'expiresOn'] as const).map((key) => (
              <TextField
                key={key}
                id={form.fieldId(key)}
                label={labels[key]!}
                hint={key === 'validFrom' ? t('routines.edit.validFromHint') : key === 'reviewDate' ? t('routines.edit.reviewHint') : t('routines.edit.expiresHint')}
                type="date"
                width="medium"
                value={values[key]}
                onChange={(value) => form.set(key, value)}
                onBlur={() => form.touch(key)}
                error={errorFor(key)}
              />
            ))}
          </div>
        </fieldset>

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
      </form>
    </section>
  );
}

/** A responsible doctor who has left is still shown, so saving does not silently change the routine's owner. */
function withCurrent(doctors: Choice[], currentId: string, formerLabel: string): Choice[] {
  if (currentId === '' || doctors.some((doctor) => doctor.id === currentId)) return doctors;
  return [...doctors, { id: currentId, name: formerLabel }];
}
