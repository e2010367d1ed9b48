// Ansatte: the staff list with a filter box; leads and admins get "Ny ansatt" and a link to edit each person.
import type { StaffMember } from '../../../../domain/staff';
import { can } from '../../app/permissions';
import { hrefFor, itemPath } from '../../app/routes';
import { ActiveStatus } from '../../components/ActiveStatus';
import { TextField } from '../../components/fields';
import { ListPage } from '../../components/ListPage';
import { EmptyState, NoAccess } from '../../components/page';
import { DataTable } from '../../components/DataTable';
import { useT } from '../../i18n';
import { professionName } from '../../i18n/labels';
import { useList } from '../../stores/query';
import { useSession } from '../../stores/session';
import { useUi } from '../../stores/ui';
import { filterStaff } from './staff-form';

export function StaffPage() {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const staff = useList('staff.list');
  const offices = useList('offices.list');
  const editable = can(user, 'editStaff');

  if (staff.error?.code === 'auth.forbidden') return <NoAccess />;

  const officeName = (id: string | null) =>
    id ? (offices.data?.find((office) => office.id === id)?.name ?? t('common.none')) : t('staff.noBaseOffice');

  return (
    <ListPage
      title={t('staff.title')}
      newLink={editable && { href: hrefFor('/staff/new'), label: t('staff.new') }}
      intro={editable ? t('staff.editHint') : t('staff.readOnly')}
      query={staff}
      empty={<p>{editable ? t('staff.emptyEditor') : t('staff.emptyOther')}</p>}
    >
      {(list) => <FilteredStaff staff={list} editable={editable} officeName={officeName} />}
    </ListPage>
  );
}

interface FilteredStaffProps {
  staff: StaffMember[];
  editable: boolean;
  officeName: (id: string | null) => string;
}

/** The filter box (kept across pages) and the people it matches. */
function FilteredStaff({ staff, editable, officeName }: FilteredStaffProps) {
  const { t } = useT();
  const filter = useUi((state) => state.staffFilter);
  const setFilter = useUi((state) => state.setStaffFilter);
  const shown = filterStaff(staff, filter, { profession: (p) => professionName(t, p), office: officeName });
  return (
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
          {t('staff.count', { shown: shown.length, total: staff.length })}
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
        <DataTable
          caption={t('staff.title')}
          columns={[
            t('staff.colName'),
            t('staff.colProfession'),
            t('staff.colBaseOffice'),
            { label: t('staff.colPosition'), className: 'numeric' },
            t('staff.colActive'),
          ]}
        >
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
        </DataTable>
      )}
    </>
  );
}
