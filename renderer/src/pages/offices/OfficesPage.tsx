// Kontorer: the list of offices with opening hours; admins get "Nytt kontor" and a link to edit each office.
import { hrefFor, itemPath } from '../../app/routes';
import { can } from '../../app/permissions';
import { ListPage } from '../../components/ListPage';
import { NoAccess } from '../../components/page';
import { DataTable } from '../../components/DataTable';
import { useT } from '../../i18n';
import { weekdayShort } from '../../i18n/labels';
import { useList } from '../../stores/query';
import { useSession } from '../../stores/session';
import { formatOpeningSpans, openingSpans } from './office-form';

export function OfficesPage() {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const offices = useList('offices.list');
  const editable = can(user, 'editOffices');

  if (offices.error?.code === 'auth.forbidden') return <NoAccess />;

  return (
    <ListPage
      title={t('offices.title')}
      newLink={editable && { href: hrefFor('/offices/new'), label: t('offices.new') }}
      intro={editable ? t('offices.editHint') : t('offices.readOnly')}
      query={offices}
      empty={<p>{editable ? t('offices.emptyAdmin') : t('offices.emptyOther')}</p>}
    >
      {(list) => (
        <DataTable
          caption={t('offices.title')}
          columns={[t('offices.colName'), t('offices.colMunicipality'), t('offices.colAddress'), t('offices.colPhone'), t('offices.colOpening')]}
        >
          {list.map((office) => (
            <tr key={office.id}>
              <th scope="row">{editable ? <a href={hrefFor(itemPath('offices', office.id))}>{office.name}</a> : office.name}</th>
              <td>{office.municipality}</td>
              <td>{office.address ?? t('common.none')}</td>
              <td className="nowrap">{office.phone ?? t('common.none')}</td>
              <td>{formatOpeningSpans(openingSpans(office.openingHours), (day) => weekdayShort(t, day), t('offices.closedAllWeek'))}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </ListPage>
  );
}
