// Brukere (admins only): everyone who can sign in, with roles and status; links to create and edit users.
import { hrefFor, itemPath } from '../../app/routes';
import { ActiveStatus } from '../../components/ActiveStatus';
import { ListPage } from '../../components/ListPage';
import { NoAccess } from '../../components/page';
import { DataTable } from '../../components/DataTable';
import { useT } from '../../i18n';
import { roleNames } from '../../i18n/labels';
import { useList } from '../../stores/query';

export function UsersPage() {
  const { t } = useT();
  const users = useList('users.list');
  if (users.error?.code === 'auth.forbidden') return <NoAccess />;

  return (
    <ListPage
      title={t('users.title')}
      newLink={{ href: hrefFor('/users/new'), label: t('users.new') }}
      intro={t('users.intro')}
      query={users}
      empty={<p>{t('users.empty')}</p>}
    >
      {(list) => (
        <DataTable caption={t('users.title')} columns={[t('users.colUsername'), t('users.colName'), t('users.colRoles'), t('users.colActive')]}>
          {list.map((account) => (
            <tr key={account.id} className={account.active ? undefined : 'row--inactive'}>
              <th scope="row">
                <a href={hrefFor(itemPath('users', account.id))}>{account.username}</a>
              </th>
              <td>{account.staffName}</td>
              <td>{roleNames(t, account.roles)}</td>
              <td>
                <ActiveStatus active={account.active} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </ListPage>
  );
}
