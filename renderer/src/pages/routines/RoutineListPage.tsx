// Alle rutiner: every delegated routine with title, ICPC-2 codes, version in force, status, responsible doctor and review date.
import { useMemo } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { DataTable } from '../../components/DataTable';
import { FlashMessage, Loaded, PageTitle } from '../../components/page';
import { useT } from '../../i18n';
import { useList, useQuery } from '../../stores/query';
import { formatDate, osloToday } from '../../format/dates';
import { ExampleMark, ListStatusLabel, RoutineTabs } from './routine-parts';
import { ROUTINE_PATHS } from './routine-paths';
import { isExampleRoutine, listStatus, shortTitle } from './routine-view';
import { RoutineCodeWarning } from './RoutineCodeWarning';

type RoutineSummary = ApiOutput<'routines.list'>[number];

const LIST_AREAS = ['routines', 'staff', 'setup'] as const;

export function RoutineListPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useT();
  const list = useQuery('routines.list', {}, LIST_AREAS);
  const staff = useList('staff.list');
  const names = useMemo(() => new Map((staff.data ?? []).map((member) => [member.id, member.name])), [staff.data]);
  const today = osloToday();
  const columns = [
    t('routines.list.colTitle'),
    t('routines.list.colCodes'),
    t('routines.list.colVersion'),
    t('routines.list.colStatus'),
    t('routines.list.colDoctor'),
    t('routines.list.colReview'),
  ];

  return (
    <section className="routines-page routine-list page--wide">
      <RoutineTabs current="list" canEdit={canEdit} />
      <PageTitle>{t('routines.list.title')}</PageTitle>
      <FlashMessage />
      <p className="page-intro">{canEdit ? t('routines.list.introDoctor') : t('routines.list.intro')}</p>
      <Loaded query={list} empty={<p>{canEdit ? t('routines.list.emptyDoctor') : t('routines.list.empty')}</p>}>
        {(routines) => (
          <DataTable caption={t('routines.list.caption')} columns={columns} className="table routine-table">
            {routines.map((summary) => (
              <RoutineRow key={summary.routineId} summary={summary} doctorName={names.get((summary.inForce ?? summary.newest).responsibleDoctorId)} today={today} />
            ))}
          </DataTable>
        )}
      </Loaded>
    </section>
  );
}

/** One routine: the title links to it; the version in force, its status, doctor and review date (⚠ when overdue). */
function RoutineRow({ summary, doctorName, today }: { summary: RoutineSummary; doctorName: string | undefined; today: string }) {
  const { t, language } = useT();
  const shown = summary.inForce ?? summary.newest;
  const reviewDue = summary.inForce !== null && shown.reviewDate < today;
  return (
    <tr>
      <th scope="row" className="routine-title-cell">
        <a href={`#${ROUTINE_PATHS.detail(summary.routineId)}`}>{shortTitle(shown.title)}</a>
        {isExampleRoutine(shown) && (
          <>
            {' '}
            <ExampleMark />
          </>
        )}
      </th>
      <td>
        {shown.icpc2Codes.join(', ')}
        <RoutineCodeWarning codes={shown.icpc2Codes} compact />
      </td>
      <td className="numeric">{summary.inForce ? summary.inForce.version : <span className="muted">{t('routines.list.noneInForce')}</span>}</td>
      <td>
        <ListStatusLabel status={listStatus(summary, today)} />
      </td>
      <td>{doctorName ?? t('common.none')}</td>
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
}
