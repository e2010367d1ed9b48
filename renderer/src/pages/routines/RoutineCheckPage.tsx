// Sjekk rutine (the nurse's check): search by title or ICPC-2 code, a large "may I use it today", the criteria checklist with the live result, medicine and dose.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { assessPatient } from '../../../../domain/routines/assessment';
import type { PatientAssessment } from '../../../../domain/routines/assessment';
import { SelectField, TextField } from '../../components/fields';
import { EmptyState, LoadError, Loading, PageTitle } from '../../components/page';
import { useT } from '../../i18n';
import { useList, useQuery } from '../../stores/query';
import { useSession } from '../../stores/session';
import { useUi } from '../../stores/ui';
import { can } from '../../app/permissions';
import { navigate } from '../../app/router';
import { ExampleMark, MedicineTable, nurseMayText, RoutineTabs, YesNo } from './routine-parts';
import { ROUTINE_PATHS } from './routine-paths';
import { checklist, emptyAnswers, isExampleRoutine, matchRoutines, reasonText, shortTitle, withAnswer } from './routine-view';
import { formatDate } from '../../format/dates';
import type { Answers, ChecklistItem } from './routine-view';

type CheckEntry = ApiOutput<'routines.check'>['routines'][number];

/** The check changes when routines, authorisations or competences change, and when example data is loaded. */
const CHECK_AREAS = ['routines', 'competence', 'staff', 'setup'] as const;

export function RoutineCheckPage({ canEdit, initialRoutineId }: { canEdit: boolean; initialRoutineId: string | null }) {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const isNurse = user?.roles.includes('nurse') ?? false;
  const [chosenNurseId, setChosenNurseId] = useState('');
  const nurseId = isNurse ? (user?.staffId ?? '') : chosenNurseId;
  const staff = useList('staff.list');
  const check = useQuery('routines.check', { nurseId: nurseId || user?.staffId || null }, CHECK_AREAS);
  const types = useQuery('competence.types', {}, ['competence', 'setup']);
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(initialRoutineId);
  const resultsRef = useRef<HTMLUListElement>(null);

  const entries = useMemo(() => check.data?.routines ?? [], [check.data]);
  const matches = useMemo(() => matchRoutines(entries, query, (entry) => entry.routine), [entries, query]);
  const selected = entries.find((entry) => entry.routine.routineId === selectedId) ?? null;
  const nurses = (staff.data ?? []).filter((member) => member.profession === 'nurse' && member.active);
  const nurseName = nurses.find((member) => member.id === nurseId)?.name ?? '';
  const showVerdicts = nurseId !== '' && (check.data?.nurseId === nurseId || isNurse);
  const typeName = (id: string) => types.data?.find((type) => type.id === id)?.name ?? null;

  function choose(routineId: string) {
    setSelectedId(routineId);
  }

  function focusResult(index: number) {
    const buttons = resultsRef.current?.querySelectorAll<HTMLButtonElement>('button.routine-result');
    if (!buttons || buttons.length === 0) return;
    buttons[Math.max(0, Math.min(index, buttons.length - 1))]?.focus();
  }

  function onSearchKey(event: KeyboardEvent<HTMLDivElement>) {
    if (!(event.target instanceof HTMLInputElement)) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusResult(0);
    } else if (event.key === 'Enter' && matches[0]) {
      event.preventDefault();
      choose(matches[0].routine.routineId);
    }
  }

  function onResultKey(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusResult(index + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (index === 0) document.getElementById('routine-search')?.focus();
      else focusResult(index - 1);
    }
  }

  return (
    <section className="routines-page routine-check page--wide">
      <RoutineTabs current="check" canEdit={canEdit} />
      <PageTitle focusOnMount={false}>{t('routines.check.title')}</PageTitle>
      <div className="routine-check-layout">
        <div className="routine-check-search">
          <div onKeyDown={onSearchKey}>
            <TextField
              id="routine-search"
              type="search"
              label={t('routines.check.search')}
              hint={t('routines.check.searchHint')}
              value={query}
              onChange={setQuery}
              autoFocus
              inputMode="search"
            />
          </div>
          {isNurse ? (
            <p className="muted routine-check-for">{t('routines.check.forYou', { name: user?.name ?? '' })}</p>
          ) : (
            <SelectField
              id="routine-check-nurse"
              label={t('routines.check.nurse')}
              hint={t('routines.check.nurseHint')}
              placeholder={t('routines.check.chooseNurse')}
              value={chosenNurseId}
              onChange={setChosenNurseId}
              options={nurses.map((member) => ({ value: member.id, label: member.name }))}
            />
          )}
          {check.error && <LoadError error={check.error} onRetry={() => void check.reload()} />}
          {!check.data && !check.error && <Loading />}
          {check.data && entries.length === 0 && (
            <EmptyState>
              <p>{canEdit ? t('routines.check.noneDoctor') : t('routines.check.none')}</p>
            </EmptyState>
          )}
          {check.data && entries.length > 0 && (
            <>
              <p className="muted routine-count" role="status">
                {query.trim() === '' ? t('routines.check.countAll', { count: entries.length }) : t('routines.check.count', { shown: matches.length, count: entries.length })}
              </p>
              {matches.length === 0 ? (
                <EmptyState>
                  <p>{t('routines.check.noMatch', { query: query.trim() })}</p>
                  <button type="button" className="button" onClick={() => setQuery('')}>
                    {t('routines.check.clearSearch')}
                  </button>
                </EmptyState>
              ) : (
                <ul className="routine-results" ref={resultsRef} aria-label={t('routines.check.results')}>
                  {matches.map((entry, index) => (
                    <li key={entry.routine.routineId}>
                      <button
                        type="button"
                        className={`routine-result${entry.routine.routineId === selectedId ? ' routine-result--selected' : ''}`}
                        aria-pressed={entry.routine.routineId === selectedId}
                        onClick={() => choose(entry.routine.routineId)}
                        onKeyDown={(event) => onResultKey(event, index)}
                      >
                        <span className="routine-result-title">{shortTitle(entry.routine.title)}</span>
                        <span className="routine-result-meta">
                          <span>{entry.routine.icpc2Codes.join(', ')}</span>
                          {isExampleRoutine(entry.routine) && <span className="routine-result-example">{t('routines.exampleShort')}</span>}
                          {showVerdicts && <YesNo yes={entry.result.allowed} yesText={t('routines.check.yesShort')} noText={t('routines.check.noShort')} />}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
        <div
          className="routine-check-panel"
          onKeyDown={(event) => {
            // Esc goes back to the search, so the next routine is a few keys away.
            if (event.key === 'Escape' && !event.defaultPrevented) document.getElementById('routine-search')?.focus();
          }}
        >
          {selected ? (
            <CheckPanel
              key={selected.routine.id}
              entry={selected}
              nurseId={nurseId}
              showVerdict={showVerdicts}
              self={isNurse}
              nurseName={nurseName}
              date={check.data?.date ?? ''}
              typeName={typeName}
              doctorName={(staff.data ?? []).find((member) => member.id === selected.routine.responsibleDoctorId)?.name ?? ''}
            />
          ) : (
            check.data &&
            entries.length > 0 && (
              <EmptyState>
                <p>{t('routines.check.chooseRoutine')}</p>
              </EmptyState>
            )
          )}
        </div>
      </div>
    </section>
  );
}

interface CheckPanelProps {
  entry: CheckEntry;
  showVerdict: boolean;
  self: boolean;
  nurseName: string;
  date: string;
  typeName: (id: string) => string | null;
  doctorName: string;
  nurseId: string;
}

function CheckPanel({ entry, nurseId, showVerdict, self, nurseName, date, typeName, doctorName }: CheckPanelProps) {
  const { t, language } = useT();
  const user = useSession((state) => state.user);
  const mayLog = can(user, 'logConsultations');
  const { routine, result } = entry;
  const [answers, setAnswers] = useState<Answers>(() => emptyAnswers(routine));
  const verdictRef = useRef<HTMLDivElement>(null);
  const assessment = assessPatient(routine, answers);
  const sections = checklist(routine);
  const translator = { t, language };

  useEffect(() => {
    verdictRef.current?.focus();
  }, []);

  const reasons = result.allowed ? [] : result.reasons.map((reason) => reasonText(reason, translator, typeName));
  const warnings = result.warnings.map((warning) => reasonText(warning, translator, typeName));

  return (
    <article className="check-panel" aria-labelledby="check-routine-title">
      <div ref={verdictRef} tabIndex={-1} className={`verdict verdict--${!showVerdict ? 'none' : result.allowed ? 'yes' : 'no'}`}>
        {!showVerdict ? (
          <p className="verdict-text">{t('routines.check.chooseNurseFirst')}</p>
        ) : result.allowed ? (
          <p className="verdict-text">
            <span className="verdict-icon" aria-hidden="true">
              ✓
            </span>
            {self ? t('routines.check.mayUse') : t('routines.check.mayUseOther', { name: nurseName })}
          </p>
        ) : (
          <p className="verdict-text">
            <span className="verdict-icon" aria-hidden="true">
              ✕
            </span>
            {self ? t('routines.check.mayNotUse', { reasons: reasons.join('. ') }) : t('routines.check.mayNotUseOther', { name: nurseName, reasons: reasons.join('. ') })}
          </p>
        )}
        {showVerdict && date && <p className="verdict-date">{t('routines.check.onDate', { date: formatDate(date, language) })}</p>}
        {showVerdict && warnings.length > 0 && (
          <ul className="verdict-warnings">
            {warnings.map((warning) => (
              <li key={warning}>
                <span aria-hidden="true">⚠ </span>
                <span className="visually-hidden">{t('routines.check.warning')}: </span>
                {warning}
              </li>
            ))}
          </ul>
        )}
      </div>

      <header className="check-routine-header">
        <h2 id="check-routine-title">{shortTitle(routine.title)}</h2>
        {isExampleRoutine(routine) && <ExampleMark />}
        <p className="muted">
          {t('routines.check.meta', { codes: routine.icpc2Codes.join(', '), version: routine.version, doctor: doctorName || t('common.none') })}{' '}
          <a href={`#${ROUTINE_PATHS.detail(routine.routineId)}`}>{t('routines.check.openRoutine')}</a>
        </p>
        <p>{routine.indication}</p>
      </header>

      <form className="checklist" onSubmit={(event) => event.preventDefault()} aria-describedby="checklist-hint">
        <div className="section-header">
          <h3>{t('routines.check.criteriaTitle')}</h3>
          <button type="button" className="button button--small" onClick={() => setAnswers(emptyAnswers(routine))}>
            {t('routines.check.resetAnswers')}
          </button>
        </div>
        <p id="checklist-hint" className="field-hint">
          {t('routines.check.criteriaHint')}
        </p>
        {sections.redFlags.length > 0 && (
          <CriteriaGroup
            kind="redFlag"
            title={t('routines.check.redFlagsTitle')}
            items={sections.redFlags}
            answers={answers}
            onAnswer={(item, value) => setAnswers((current) => withAnswer(current, item, value))}
          />
        )}
        <CriteriaGroup
          kind="inclusion"
          title={t('routines.check.inclusionTitle')}
          items={sections.inclusion}
          answers={answers}
          onAnswer={(item, value) => setAnswers((current) => withAnswer(current, item, value))}
        />
        {sections.exclusion.length > 0 && (
          <CriteriaGroup
            kind="exclusion"
            title={t('routines.check.exclusionTitle')}
            items={sections.exclusion}
            answers={answers}
            onAnswer={(item, value) => setAnswers((current) => withAnswer(current, item, value))}
          />
        )}
      </form>

      <AssessmentResult assessment={assessment} allowed={!showVerdict || result.allowed} self={self} nurseName={nurseName} />

      <section className="check-section" aria-labelledby="check-medicine">
        <h3 id="check-medicine">{t('routines.medicineTitle')}</h3>
        <MedicineTable medicine={routine.medicine} caption={t('routines.medicineTitle')} />
        <h3>{t('routines.nurseMayTitle')}</h3>
        <p className="nurse-may">{nurseMayText(t, routine.nurseMay)}</p>
        <h3>{t('routines.followUpTitle')}</h3>
        <p className="pre-line">{routine.followUpAdvice}</p>
      </section>

      <div className="check-log">
        <button
          type="button"
          className="button button--primary"
          disabled={!mayLog || !result.allowed || !nurseId}
          aria-describedby="check-log-hint"
          onClick={() => {
            useUi.getState().setConsultationPrefill({ nurseId, routineId: routine.routineId, icpc2Code: routine.icpc2Codes[0] ?? '' });
            navigate('/consultations/new');
          }}
        >
          {t('routines.check.startLog')}
        </button>
        <p id="check-log-hint" className="muted">
          {!mayLog ? t('routines.check.logNoAccess') : result.allowed ? t('routines.check.logHint') : t('routines.check.logRefused')}
        </p>
      </div>
    </article>
  );
}

function AssessmentResult({ assessment, allowed, self, nurseName }: { assessment: PatientAssessment; allowed: boolean; self: boolean; nurseName: string }) {
  const { t } = useT();
  const { outcome, urgent } = assessment;
  const treat = outcome === 'treat' && allowed;
  const kind = outcome === 'incomplete' ? 'incomplete' : treat ? 'treat' : urgent ? 'urgent' : 'doctor';
  const icon = kind === 'treat' ? '✓' : kind === 'incomplete' ? '…' : '!';
  const title = outcome === 'incomplete' ? t('routines.outcome.incomplete') : treat ? t('routines.outcome.treat') : t('routines.outcome.contactDoctor');
  return (
    <div className={`assessment assessment--${kind}`} role="status" aria-live="polite">
      <p className="assessment-title">
        <span className="assessment-icon" aria-hidden="true">
          {icon}
        </span>
        {title}
      </p>
      {outcome === 'incomplete' && <p>{t('routines.outcome.unanswered', { count: assessment.unanswered })}</p>}
      {urgent && <p className="assessment-urgent">{t('routines.outcome.urgent')}</p>}
      {outcome === 'treat' && !allowed && <p>{self ? t('routines.outcome.criteriaMetNotAllowed') : t('routines.outcome.criteriaMetNotAllowedOther', { name: nurseName })}</p>}
      {assessment.presentExclusions.length > 0 && (
        <>
          <p className="assessment-list-title">{t('routines.outcome.present')}</p>
          <ul>
            {assessment.presentExclusions.map((criterion) => (
              <li key={criterion.text}>
                {criterion.redFlag && <span className="red-flag-label">{t('routines.redFlag')}: </span>}
                {criterion.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {assessment.unmetInclusion.length > 0 && (
        <>
          <p className="assessment-list-title">{t('routines.outcome.unmet')}</p>
          <ul>
            {assessment.unmetInclusion.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface CriteriaGroupProps {
  kind: 'redFlag' | 'inclusion' | 'exclusion';
  title: string;
  items: ChecklistItem[];
  answers: Answers;
  onAnswer: (item: ChecklistItem, value: boolean | null) => void;
}

/** One group of the checklist; every item is a yes/no radio pair that starts unanswered. */
function CriteriaGroup({ kind, title, items, answers, onAnswer }: CriteriaGroupProps) {
  const { t } = useT();
  return (
    <fieldset className={`criteria-group criteria-group--${kind}`}>
      <legend className="criteria-group-title">
        {kind === 'redFlag' && <span aria-hidden="true">⚑ </span>}
        {title}
      </legend>
      <ol className="criteria-items">
        {items.map((item) => {
          const value = answers[item.list][item.index] ?? null;
          const name = `criterion-${item.list}-${item.index}`;
          // Inclusion: "Ja" = met (good). Exclusion and red flags: "Ja" = present (contact a doctor).
          const problem = item.list === 'inclusion' ? value === false : value === true;
          const state = value === null ? 'unanswered' : problem ? 'problem' : 'ok';
          const stateText =
            value === null
              ? t('routines.check.unanswered')
              : item.list === 'inclusion'
                ? value
                  ? t('routines.check.met')
                  : t('routines.check.notMet')
                : value
                  ? t('routines.check.present')
                  : t('routines.check.absent');
          return (
            <li key={name} className={`criterion criterion--${state}${item.redFlag ? ' criterion--red-flag' : ''}`}>
              <fieldset className="criterion-fieldset">
                <legend className="criterion-text">{item.text}</legend>
                <div className="criterion-answers">
                  <span className="criterion-radio">
                    <input type="radio" id={`${name}-yes`} name={name} checked={value === true} onChange={() => onAnswer(item, true)} />
                    <label htmlFor={`${name}-yes`}>{t('routines.check.yes')}</label>
                  </span>
                  <span className="criterion-radio">
                    <input type="radio" id={`${name}-no`} name={name} checked={value === false} onChange={() => onAnswer(item, false)} />
                    <label htmlFor={`${name}-no`}>{t('routines.check.no')}</label>
                  </span>
                  <span className={`criterion-state criterion-state--${state}`}>
                    <span aria-hidden="true">{state === 'unanswered' ? '○' : state === 'problem' ? '⚠' : '✓'} </span>
                    {stateText}
                  </span>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}

