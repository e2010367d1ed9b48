// "Dekning": for an ISO week, offices × days — is a nurse with emergency competence (★) on duty on every open day? Closed days greyed.
import type { ApiOutput } from '../../../../backend/api-types';
import { isoWeekday } from '../../../../domain/calendar/dates';
import { can } from '../../app/permissions';
import { hrefFor } from '../../app/routes';
import { EmptyState, Loaded, NoAccess, Notice, Refreshing } from '../../components/page';
import { useSelectedWeek, WeekNav } from '../../components/WeekNav';
import { useT } from '../../i18n';
import { formatDayHeader } from '../../format/dates';
import { useQuery } from '../../stores/query';
import { useSession } from '../../stores/session';
import { COVERAGE_AREAS } from './competence-ui';

type Coverage = ApiOutput<'competence.coverage'>;

export function CoverageView() {
  const { t } = useT();
  const [week, setWeek] = useSelectedWeek();
  const query = useQuery('competence.coverage', { week }, COVERAGE_AREAS);

  if (query.error?.code === 'auth.forbidden') return <NoAccess />;

  return (
    <div className="competence-view">
      <h2>{t('competence.coverageTitle')}</h2>
      <p className="page-intro">{t('competence.coverageIntro')}</p>
      <div className="overview-toolbar">
        <WeekNav week={week} onChange={setWeek} />
      </div>
      <Loaded query={query}>{(data) => <CoverageBody data={data} current={query.current} />}</Loaded>
    </div>
  );
}

function CoverageBody({ data, current }: { data: Coverage; current: boolean }) {
  const { t, language } = useT();
  const user = useSession((state) => state.user);
  const keeper = can(user, 'keepCompetence');
  const dates = data.offices[0]?.days.map((day) => day.date) ?? [];
  const gaps = data.configured ? data.offices.reduce((sum, office) => sum + office.days.filter((day) => day.covered === false).length, 0) : 0;
  return (
    <>
      {!data.configured && (
        <Notice kind="warning" title={t('competence.notConfiguredTitle')}>
          <p>{t('competence.notConfiguredText')}</p>
          {keeper ? (
            <p>
              <a href={hrefFor('/competence/types')}>{t('competence.tabTypes')}</a>
            </p>
          ) : (
            <p>{t('competence.notConfiguredReader')}</p>
          )}
        </Notice>
      )}
      {data.offices.length === 0 && (
        <EmptyState>
          <p>{t('competence.coverageNoOffices')}</p>
        </EmptyState>
      )}
      {data.offices.length > 0 && (
        <Refreshing current={current}>
          {data.configured && (
            <Notice kind={gaps > 0 ? 'warning' : 'success'} role="status">
              <p>{gaps > 0 ? t('competence.coverageSummaryGaps', { count: gaps }) : t('competence.coverageSummaryOk')}</p>
            </Notice>
          )}
          <div className="table-wrap">
            <table className="competence-coverage">
              <caption className="visually-hidden">{t('competence.coverageCaption', { week: data.week.week })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('competence.coverageOffice')}</th>
                  {dates.map((date) => (
                    <th scope="col" key={date} className={isoWeekday(date) >= 6 ? 'coverage-day coverage-day--weekend' : 'coverage-day'}>
                      {formatDayHeader(t, date, language)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.offices.map((office) => (
                  <tr key={office.officeId}>
                    <th scope="row">{office.officeName}</th>
                    {office.days.map((day) => {
                      // A nurse with two shifts that day is listed once.
                      const nurses = day.nurses.filter((nurse, index, all) => all.findIndex((other) => other.staffId === nurse.staffId) === index);
                      const state = !day.open ? 'closed' : !data.configured ? 'unknown' : day.covered ? 'covered' : 'uncovered';
                      return (
                        <td key={day.date} className={`coverage-cell coverage-cell--${state}`}>
                          <span className="coverage-state">
                            {state === 'closed' && t('competence.closed')}
                            {state === 'unknown' && t('competence.unknownCoverage')}
                            {state === 'covered' && (
                              <>
                                <span aria-hidden="true">✓ </span>
                                {t('competence.covered')}
                              </>
                            )}
                            {state === 'uncovered' && (
                              <>
                                <span aria-hidden="true">✗ </span>
                                {t('competence.notCovered')}
                              </>
                            )}
                          </span>
                          {nurses.length > 0 ? (
                            <ul className="coverage-nurses">
                              {nurses.map((nurse) => (
                                <li key={nurse.staffId}>
                                  {nurse.name}
                                  {nurse.emergency && (
                                    <>
                                      {/* A no-break space keeps the star on the name's line. */}
                                      <span className="coverage-star" aria-hidden="true">
                                        {'\u00a0★'}
                                      </span>
                                      <span className="visually-hidden"> ({t('competence.emergencyStar')})</span>
                                    </>
                                  )}
                                </li>
                              ))}
                            </ul>
                          ) : (
                            day.open && <span className="coverage-none">{t('competence.noNurseOnDuty')}</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="grid-legend">{t('competence.coverageLegend')}</p>
        </Refreshing>
      )}
    </>
  );
}
