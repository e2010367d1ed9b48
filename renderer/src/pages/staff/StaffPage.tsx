// Ansatte: the staff list with a filter box; leads and admins get "Ny ansatt" and a link to edit each person.
import { can } from '../../app/permissions';
import { hrefFor, itemPath } from '../../app/routes';
import { ActiveStatus } from '../../components/ActiveStatus';
import { TextField } from '../../components/fields';
import { EmptyState, FlashMessage, LoadError, Loading, NoAccess, PageHeader } from '../../components/page';
import { useT } from '../../i18n';
import { professionName } from '../../i18n/labels';
import { reloadList, useList } from '../../stores/query';
import { useSession } from '../../stores/session';
import { useUi } from '../../stores/ui';
import { filterStaff } from './staff-form';

export function StaffPage() {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const staff = useList('staff.list');
  const offices = useList('offices.list');
  const filter = useUi((state) => state.staffFilter);
  const setFilter = useUi((state) => state.setStaffFilter);
  const editable = can(user, 'editStaff');

  if (staff.error?.code === 'auth.forbidden') return <NoAccess />;

  const officeName = (id: string | null) =>
    id ? (offices.data?.find((office) => office.id === id)?.name ?? t('common.none')) : t('staff.noBaseOffice');
  const shown = staff.data ? filterStaff(staff.data, filter, { profession: (p) => professionName(t, p), office: officeName }) : [];

  return (
    <section>
      <PageHeader
        title={t('staff.title')}
        actions={
          editable && (
            <a className="button button--primary" href={hrefFor('/staff/new')}>
              {t('staff.new')}
            </a>
          )
        }
      />
      <FlashMessage />
      <p className="page-intro">{editable ? t('staff.editHint') : t('staff.readOnly')}</p>
      {staff.error && <LoadError error={staff.error} onRetry={() => void reloadList('staff.list')} />}
      {!staff.data && !staff.error && <Loading />}
      {staff.data && staff.data.length === 0 && (
        <EmptyState>
          <p>{editable ? t('staff.emptyEditor') : t('staff.emptyOther')}</p>
        </EmptyState>
      )}
      {staff.data && staff.data.length > 0 && (
        <>
          <div className="toolbar">
            <TextField
              id="staff-filter"
              label={t('staff.filter')}
              hint={t('staff.filterHint')}
              type="search"
              value={filter}
              onChange={setFilter}
              width="medium"
            />
            <p className="toolbar-count" role="status">
              {t('staff.count', { shown: shown.length, total: staff.data.length })}
            </p>
          </div>
          {shown.length === 0 ? (
            <EmptyState>
              <p>{t('staff.noMatch', { filter })}</p>
              <button type="button" className="button" onClick={() => setFilter('')}>
                {t('staff.clearFilter')}
              </button>
            </EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('staff.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('staff.colName')}</th>
                    <th scope="col">{t('staff.colProfession')}</th>
                    <th scope="col">{t('staff.colBaseOffice')}</th>
                    <th scope="col" className="numeric">
                      {t('staff.colPosition')}
                    </th>
                    <th scope="col">{t('staff.colActive')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((member) => (
                    <tr key={member.id} className={member.active ? undefined : 'row--inactive'}>
                      <th scope="row">{editable ? <a href={hrefFor(itemPath('staff', member.id))}>{member.name}</a> : member.name}</th>
                      <td>{professionName(t, member.profession)}</td>
                      <td>{officeName(member.baseOfficeId)}</td>
                      <td className="numeric">{t('common.percent', { value: member.positionPercent })}</td>
                      <td>
                        <ActiveStatus active={member.active} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
