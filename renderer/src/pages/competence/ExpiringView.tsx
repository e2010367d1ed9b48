// "Utløper snart": competences expired or expiring within N days (default 60), expired first, with links to each person and CSV export.
import type { ApiOutput } from '../../../../backend/api-types';
import { can } from '../../app/permissions';
import { navigate } from '../../app/router';
import { hrefFor, itemPath } from '../../app/routes';
import { ActionButton } from '../../components/ActionButton';
import { SelectField } from '../../components/fields';
import { EmptyState, Loaded, NoAccess, Refreshing } from '../../components/page';
import { DataTable } from '../../components/DataTable';
import { useT } from '../../i18n';
import { useQuery } from '../../stores/query';
import { useSession } from '../../stores/session';
import { EXPIRING_DAY_CHOICES, STATE_SYMBOLS, statusText } from './competence-format';
import { formatDate } from '../../format/dates';
import { COMPETENCE_AREAS, useCompetenceUi } from './competence-ui';
import { CsvExportButton } from './competence-parts';

type Expiring = ApiOutput<'competence.expiring'>;

export function ExpiringView() {
  const { t } = useT();
  const days = useCompetenceUi((state) => state.expiringDays);
  const setDays = useCompetenceUi((state) => state.setExpiringDays);
  const query = useQuery('competence.expiring', { days }, COMPETENCE_AREAS);

  if (query.error?.code === 'auth.forbidden') return <NoAccess />;

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
      <Loaded query={query}>{(data) => <ExpiringList data={data} current={query.current} />}</Loaded>
    </div>
  );
}

function ExpiringList({ data, current }: { data: Expiring; current: boolean }) {
  const { t, language } = useT();
  const user = useSession((state) => state.user);
  const keeper = can(user, 'keepCompetence');
  const setPendingRenewal = useCompetenceUi((state) => state.setPendingRenewal);
  const items = data.items;
  const expired = items.filter((item) => item.state === 'expired').length;
  return (
    <Refreshing current={current}>
      <p className="competence-count" role="status">
        {t('competence.expiringCount', { expired, expiring: items.length - expired, days: data.days })}
      </p>
      {items.length === 0 ? (
        <EmptyState>
          <p>{t('competence.expiringEmpty', { days: data.days })}</p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t('competence.expiringCaption', { days: data.days, date: formatDate(data.date, language) })}
          className="table competence-expiring"
          columns={[t('competence.colName'), t('competence.colCompetence'), t('competence.colStatus'), t('competence.colExpires'), keeper && t('competence.colAction')]}
        >
          {items.map((item) => (
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
                  <ActionButton
                    label={t('competence.renewFor')}
                    about={`${item.competenceName}, ${item.staffName}`}
                    onClick={() => {
                      setPendingRenewal({ staffId: item.staffId, competenceTypeId: item.competenceTypeId });
                      navigate(itemPath('competence', item.staffId));
                    }}
                  />
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
    </Refreshing>
  );
}
