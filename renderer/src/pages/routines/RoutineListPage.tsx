// Alle rutiner: every delegated routine with title, ICPC-2 codes, version in force, status, responsible doctor and review date.
import { useMemo } from 'react';
import { EmptyState, FlashMessage, LoadError, Loading, PageTitle } from '../../components/page';
import { useT } from '../../i18n';
import { useList, useQuery } from '../../stores/query';
import { osloToday } from '../../format/dates';
import { ExampleMark, ListStatusLabel, RoutineTabs } from './routine-parts';
import { ROUTINE_PATHS } from './routine-paths';
import { isExampleRoutine, listStatus, shortTitle } from './routine-view';
import { formatDate } from '../../format/dates';

const LIST_AREAS = ['routines', 'staff', 'setup'] as const;

export function RoutineListPage({ canEdit }: { canEdit: boolean }) {
  const { t, language } = useT();
  const list = useQuery('routines.list', {}, LIST_AREAS);
  const staff = useList('staff.list');
  const names = useMemo(() => new Map((staff.data ?? []).map((member) => [member.id, member.name])), [staff.data]);
  const today = osloToday();

  return (
    <section className="routines-page routine-list page--wide">
      <RoutineTabs current="list" canEdit={canEdit} />
      <PageTitle>{t('routines.list.title')}</PageTitle>
      <FlashMessage />
      <p className="page-intro">{canEdit ? t('routines.list.introDoctor') : t('routines.list.intro')}</p>
      {list.error && <LoadError error={list.error} onRetry={() => void list.reload()} />}
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.length === 0 && (
        <EmptyState>
          <p>{canEdit ? t('routines.list.emptyDoctor') : t('routines.list.empty')}</p>
        </EmptyState>
      )}
      {list.data && list.data.length > 0 && (
        <div className="table-wrap">
          <table className="table routine-table">
            <caption className="visually-hidden">{t('routines.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('routines.list.colTitle')}</th>
                <th scope="col">{t('routines.list.colCodes')}</th>
                <th scope="col">{t('routines.list.colVersion')}</th>
                <th scope="col">{t('routines.list.colStatus')}</th>
                <th scope="col">{t('routines.list.colDoctor')}</th>
                <th scope="col">{t('routines.list.colReview')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((summary) => {
                const shown = summary.inForce ?? summary.newest;
                const status = listStatus(summary, today);
                const reviewDue = summary.inForce !== null && shown.reviewDate < today;
                return (
                  <tr key={summary.routineId}>
                    <th scope="row" className="routine-title-cell">
                      <a href={`#${ROUTINE_PATHS.detail(summary.routineId)}`}>{shortTitle(shown.title)}</a>
                      {isExampleRoutine(shown) && (
                        <>
                          {' '}
                          <ExampleMark />
                        </>
                      )}
                    </th>
                    <td>{shown.icpc2Codes.join(', ')}</td>
                    <td className="numeric">{summary.inForce ? summary.inForce.version : <span className="muted">{t('routines.list.noneInForce')}</span>}</td>
                    <td>
                      <ListStatusLabel status={status} />
                    </td>
                    <td>{names.get(shown.responsibleDoctorId) ?? t('common.none')}</td>
                    <td className="nowrap">
                      {formatDate(shown.reviewDate, language)}
                      {reviewDue && (
                        <span className="review-due">
                          <span aria-hidden="true"> ⚠ </span>
                          {t('routines.list.reviewDue')}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
