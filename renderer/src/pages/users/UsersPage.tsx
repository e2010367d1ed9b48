// Brukere (admins only): everyone who can sign in, with roles and status; links to create and edit users.
import { can } from '../../app/permissions';
import { hrefFor, itemPath } from '../../app/routes';
import { ActiveStatus } from '../../components/ActiveStatus';
import { EmptyState, FlashMessage, LoadError, Loading, NoAccess, PageHeader } from '../../components/page';
import { useT } from '../../i18n';
import { roleNames } from '../../i18n/labels';
import { reloadList, useList } from '../../stores/query';
import { useSession } from '../../stores/session';

export function UsersPage() {
  const user = useSession((state) => state.user);
  // Receptionists and others never see this page: not even a request is made for them.
  if (!can(user, 'manageUsers')) return <NoAccess />;
  return <UsersList />;
}

function UsersList() {
  const { t } = useT();
  const users = useList('users.list');
  if (users.error?.code === 'auth.forbidden') return <NoAccess />;

  return (
    <section>
      <PageHeader
        title={t('users.title')}
        actions={
          <a className="button button--primary" href={hrefFor('/users/new')}>
            {t('users.new')}
          </a>
        }
      />
      <FlashMessage />
      <p className="page-intro">{t('users.intro')}</p>
      {users.error && <LoadError error={users.error} onRetry={() => void reloadList('users.list')} />}
      {!users.data && !users.error && <Loading />}
      {users.data && users.data.length === 0 && (
        <EmptyState>
          <p>{t('users.empty')}</p>
        </EmptyState>
      )}
      {users.data && users.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.colUsername')}</th>
                <th scope="col">{t('users.colName')}</th>
                <th scope="col">{t('users.colRoles')}</th>
                <th scope="col">{t('users.colActive')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((account) => (
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
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
