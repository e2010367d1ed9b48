// "Utløper snart": competences expired or expiring within N days (default 60), expired first, with links to each person and CSV export.
import { can } from '../../app/permissions';
import { navigate } from '../../app/router';
import { hrefFor, itemPath } from '../../app/routes';
import { SelectField } from '../../components/fields';
import { EmptyState, LoadError, Loading, NoAccess } from '../../components/page';
import { useT } from '../../i18n';
import { useQuery } from '../../stores/query';
import { useSession } from '../../stores/session';
import { EXPIRING_DAY_CHOICES, STATE_SYMBOLS, statusText } from './competence-format';
import { formatDate } from '../../format/dates';
import { COMPETENCE_AREAS, useCompetenceUi } from './competence-ui';
import { CsvExportButton } from './competence-parts';

export function ExpiringView() {
  const { t, language } = useT();
  const user = useSession((state) => state.user);
  const keeper = can(user, 'keepCompetence');
  const days = useCompetenceUi((state) => state.expiringDays);
  const setDays = useCompetenceUi((state) => state.setExpiringDays);
  const setPendingRenewal = useCompetenceUi((state) => state.setPendingRenewal);
  const query = useQuery('competence.expiring', { days }, COMPETENCE_AREAS);

  if (query.error?.code === 'auth.forbidden') return <NoAccess />;
  const data = query.data;
  const items = data?.items ?? [];
  const expired = items.filter((item) => item.state === 'expired').length;

  return (
    <div className="competence-view">
      <h2>{t('competence.expiringTitle')}</h2>
      <p className="page-intro">{t('competence.expiringIntro')}</p>
      <div className="competence-toolbar">
        <SelectField
          id="competence-days"
          label={t('competence.daysLabel')}
          value={String(days)}
          options={EXPIRING_DAY_CHOICES.map((choice) => ({ value: String(choice), label: t('competence.daysOption', { days: choice }) }))}
          onChange={(value) => setDays(Number(value))}
        />
        <CsvExportButton kind="expiring" days={days} label={t('competence.exportCsvExpiring')} />
      </div>
      {query.error && <LoadError error={query.error} onRetry={() => void query.reload()} />}
      {!data && !query.error && <Loading />}
      {data && (
        <div className={query.current ? undefined : 'is-updating'} aria-busy={!query.current}>
          <p className="competence-count" role="status">
            {t('competence.expiringCount', { expired, expiring: items.length - expired, days: data.days })}
          </p>
          {items.length === 0 ? (
            <EmptyState>
              <p>{t('competence.expiringEmpty', { days: data.days })}</p>
            </EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table competence-expiring">
                <caption className="visually-hidden">{t('competence.expiringCaption', { days: data.days, date: formatDate(data.date, language) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('competence.colName')}</th>
                    <th scope="col">{t('competence.colCompetence')}</th>
                    <th scope="col">{t('competence.colStatus')}</th>
                    <th scope="col">{t('competence.colExpires')}</th>
                    {keeper && <th scope="col">{t('competence.colAction')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => {
                    return (
                      <tr key={`${item.staffId}|${item.competenceTypeId}`}>
                        <th scope="row">
                          <a href={hrefFor(itemPath('competence', item.staffId))}>{item.staffName}</a>
                        </th>
                        <td>{item.competenceName}</td>
                        <td>
                          <span className={`competence-state competence-state--${item.state}`}>
                            <span aria-hidden="true">{STATE_SYMBOLS[item.state]} </span>
                            {statusText(t, item, language)}
                          </span>
                        </td>
                        <td className="nowrap">{formatDate(item.expiresOn, language)}</td>
                        {keeper && (
                          <td>
                            <button
                              type="button"
                              className="button button--small"
                              onClick={() => {
                                setPendingRenewal({ staffId: item.staffId, competenceTypeId: item.competenceTypeId });
                                navigate(itemPath('competence', item.staffId));
                              }}
                            >
                              {t('competence.renewFor')}
                              <span className="visually-hidden">
                                {' '}
                                {item.competenceName}, {item.staffName}
                              </span>
                            </button>
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
