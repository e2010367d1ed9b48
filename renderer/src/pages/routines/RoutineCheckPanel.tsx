// The check of one routine for a nurse: the large verdict, the criteria checklist with the live result, medicine and dose, and "Start konsultasjonslogg".
import { useEffect, useRef, useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { utcMsToOslo } from '../../../../domain/calendar/oslo';
import { assessPatient } from '../../../../domain/routines/assessment';
import type { PatientAssessment } from '../../../../domain/routines/assessment';
import { can } from '../../app/permissions';
import { navigate } from '../../app/router';
import { formatDate } from '../../format/dates';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useSession } from '../../stores/session';
import { useUi } from '../../stores/ui';
import { ConfirmRead } from './ConfirmRead';
import { ExampleMark, MedicineTable, NurseAdvice } from './routine-parts';
import { ROUTINE_PATHS } from './routine-paths';
import { checklist, emptyAnswers, isExampleRoutine, reasonText, shortTitle, withAnswer } from './routine-view';
import type { Answers, ChecklistItem } from './routine-view';

type CheckEntry = ApiOutput<'routines.check'>['routines'][number];

/** The checklist's groups in the order a nurse goes through them; inclusion is always shown, the others when they have items. */
const GROUPS: readonly { kind: 'redFlag' | 'inclusion' | 'exclusion'; list: 'redFlags' | 'inclusion' | 'exclusion'; title: MessageKey }[] = [
  { kind: 'redFlag', list: 'redFlags', title: 'routines.check.redFlagsTitle' },
  { kind: 'inclusion', list: 'inclusion', title: 'routines.check.inclusionTitle' },
  { kind: 'exclusion', list: 'exclusion', title: 'routines.check.exclusionTitle' },
];

/** Who the check is for and on which day. */
export interface CheckFor {
  /** '' until a doctor or lead chooses a nurse. */
  nurseId: string;
  nurseName: string;
  /** The signed-in nurse checks for herself ("Du kan …" rather than "<navn> kan …"). */
  self: boolean;
  /** False until the answer is for the chosen nurse. */
  showVerdict: boolean;
  date: string;
  /** The instant the check was made for (a check for today is for now), else null. */
  at: string | null;
}

interface CheckPanelProps {
  entry: CheckEntry;
  checkFor: CheckFor;
  typeName: (id: string) => string | null;
  doctorName: string;
}

export function CheckPanel({ entry, checkFor, typeName, doctorName }: CheckPanelProps) {
  const { nurseId, showVerdict, self, nurseName } = checkFor;
  const { t } = useT();
  const { routine, result } = entry;
  const [answers, setAnswers] = useState<Answers>(() => emptyAnswers(routine));
  const assessment = assessPatient(routine, answers);
  const sections = checklist(routine);

  return (
    <article className="check-panel" aria-labelledby="check-routine-title">
      <Verdict result={result} checkFor={checkFor} typeName={typeName} />
      {showVerdict && <ConfirmRead entry={entry} self={self} />}

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
        {GROUPS.map(
          (group) =>
            (group.kind === 'inclusion' || sections[group.list].length > 0) && (
              <CriteriaGroup
                key={group.kind}
                kind={group.kind}
                title={t(group.title)}
                items={sections[group.list]}
                answers={answers}
                onAnswer={(item, value) => setAnswers((current) => withAnswer(current, item, value))}
              />
            ),
        )}
      </form>

      <AssessmentResult assessment={assessment} allowed={!showVerdict || result.allowed} self={self} nurseName={nurseName} />

      <section className="check-section" aria-labelledby="check-medicine">
        <h3 id="check-medicine">{t('routines.medicineTitle')}</h3>
        <MedicineTable medicine={routine.medicine} caption={t('routines.medicineTitle')} />
        <NurseAdvice routine={routine} className="nurse-may" />
      </section>

      <StartLog nurseId={nurseId} routine={routine} allowed={result.allowed} />
    </article>
  );
}

/** "Du kan bruke denne rutinen nå" or why not, with the warnings; focused when a routine is chosen. */
function Verdict({ result, checkFor, typeName }: { result: CheckEntry['result']; checkFor: CheckFor; typeName: (id: string) => string | null }) {
  const { showVerdict, self, nurseName, date, at } = checkFor;
  const { t, language } = useT();
  const verdictRef = useRef<HTMLDivElement>(null);
  const translator = { t, language };

  useEffect(() => {
    verdictRef.current?.focus();
  }, []);

  const reasons = result.allowed ? [] : result.reasons.map((reason) => reasonText(reason, translator, typeName));
  const warnings = result.warnings.map((warning) => reasonText(warning, translator, typeName));
  const because = reasons.join('. ');
  const text = result.allowed
    ? self
      ? t('routines.check.mayUse')
      : t('routines.check.mayUseOther', { name: nurseName })
    : self
      ? t('routines.check.mayNotUse', { reasons: because })
      : t('routines.check.mayNotUseOther', { name: nurseName, reasons: because });
  return (
    <div ref={verdictRef} tabIndex={-1} className={`verdict verdict--${!showVerdict ? 'none' : result.allowed ? 'yes' : 'no'}`}>
      {!showVerdict ? (
        <p className="verdict-text">{t('routines.check.chooseNurseFirst')}</p>
      ) : (
        <p className="verdict-text">
          <span className="verdict-icon" aria-hidden="true">
            {result.allowed ? '✓' : '✕'}
          </span>
          {text}
        </p>
      )}
      {showVerdict && date && <p className="verdict-date">{t('routines.check.onDate', { date: at ? `${formatDate(date, language)} ${utcMsToOslo(Date.parse(at)).time}` : formatDate(date, language) })}</p>}
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
  );
}

/** "Start konsultasjonslogg": the consultation form with this nurse, routine and code filled in (when the nurse may use it). */
function StartLog({ nurseId, routine, allowed }: { nurseId: string; routine: CheckEntry['routine']; allowed: boolean }) {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const mayLog = can(user, 'logConsultations');
  return (
    <div className="check-log">
      <button
        type="button"
        className="button button--primary"
        disabled={!mayLog || !allowed || !nurseId}
        aria-describedby="check-log-hint"
        onClick={() => {
          useUi.getState().setConsultationPrefill({ nurseId, routineId: routine.routineId, icpc2Code: routine.icpc2Codes[0] ?? '' });
          navigate('/consultations/new');
        }}
      >
        {t('routines.check.startLog')}
      </button>
      <p id="check-log-hint" className="muted">
        {!mayLog ? t('routines.check.logNoAccess') : allowed ? t('routines.check.logHint') : t('routines.check.logRefused')}
      </p>
    </div>
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

