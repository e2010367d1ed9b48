// Kontorer: the list of offices with opening hours; admins get "Nytt kontor" and a link to edit each office.
import { hrefFor, itemPath } from '../../app/routes';
import { can } from '../../app/permissions';
import { EmptyState, FlashMessage, LoadError, Loading, NoAccess, PageHeader } from '../../components/page';
import { useT } from '../../i18n';
import { weekdayShort } from '../../i18n/labels';
import { reloadList, useList } from '../../stores/query';
import { useSession } from '../../stores/session';
import { formatOpeningSpans, openingSpans } from './office-form';

export function OfficesPage() {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const offices = useList('offices.list');
  const editable = can(user, 'editOffices');

  if (offices.error?.code === 'auth.forbidden') return <NoAccess />;

  return (
    <section>
      <PageHeader
        title={t('offices.title')}
        actions={
          editable && (
            <a className="button button--primary" href={hrefFor('/offices/new')}>
              {t('offices.new')}
            </a>
          )
        }
      />
      <FlashMessage />
      <p className="page-intro">{editable ? t('offices.editHint') : t('offices.readOnly')}</p>
      {offices.error && <LoadError error={offices.error} onRetry={() => void reloadList('offices.list')} />}
      {!offices.data && !offices.error && <Loading />}
      {offices.data && offices.data.length === 0 && (
        <EmptyState>
          <p>{editable ? t('offices.emptyAdmin') : t('offices.emptyOther')}</p>
        </EmptyState>
      )}
      {offices.data && offices.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('offices.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('offices.colName')}</th>
                <th scope="col">{t('offices.colMunicipality')}</th>
                <th scope="col">{t('offices.colAddress')}</th>
                <th scope="col">{t('offices.colPhone')}</th>
                <th scope="col">{t('offices.colOpening')}</th>
              </tr>
            </thead>
            <tbody>
              {offices.data.map((office) => (
                <tr key={office.id}>
                  <th scope="row">
                    {editable ? <a href={hrefFor(itemPath('offices', office.id))}>{office.name}</a> : office.name}
                  </th>
                  <td>{office.municipality}</td>
                  <td>{office.address ?? t('common.none')}</td>
                  <td className="nowrap">{office.phone ?? t('common.none')}</td>
                  <td>{formatOpeningSpans(openingSpans(office.openingHours), (day) => weekdayShort(t, day), t('offices.closedAllWeek'))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
