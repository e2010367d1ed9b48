// Innstillinger › Tillit: the cooperation's root fingerprint (to compare offices at a glance) and, for admins, what sync set aside and accounts still without a key.
import { format } from 'date-fns';
import { DataTable } from '../../components/DataTable';
import { EmptyState, Loaded } from '../../components/page';
import { TitledSection } from '../../components/TitledSection';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useQuery } from '../../stores/query';

export function TrustSection({ admin }: { admin: boolean }) {
  const { t } = useT();
  const fingerprint = useQuery('trust.fingerprint', {}, ['sync', 'users']);
  return (
    <TitledSection titleId="trust-title" title={t('trust.title')} className="form form--section">
      <p className="field-hint">{t('trust.intro')}</p>
      <Loaded query={fingerprint}>
        {(data) =>
          data.fingerprint ? (
            <dl className="details">
              <dt>{t('trust.fingerprint')}</dt>
              <dd>
                <code className="fingerprint" data-testid="root-fingerprint">
                  {data.fingerprint}
                </code>
              </dd>
              {data.rootName && (
                <>
                  <dt>{t('trust.rootAdmin')}</dt>
                  <dd>{data.rootName}</dd>
                </>
              )}
            </dl>
          ) : (
            <p>{t('trust.noRoot')}</p>
          )
        }
      </Loaded>
      {admin && <TrustReviewPart />}
    </TitledSection>
  );
}

/** Admins: changes the merge set aside (never applied), refused authority records and accounts that get a key at their next sign-in. */
function TrustReviewPart() {
  const { t, dateLocale } = useT();
  const review = useQuery('trust.review', {}, ['sync', 'users']);
  return (
    <Loaded query={review}>
      {(data) => (
        <>
          <h3>{t('trust.setAsideTitle')}</h3>
          {data.setAsideCount === 0 ? (
            <EmptyState>{t('trust.setAsideNone')}</EmptyState>
          ) : (
            <>
              <p className="field-hint">{t('trust.setAsideIntro', { count: data.setAsideCount })}</p>
              <DataTable caption={t('trust.setAsideTitle')} columns={[t('trust.colReceived'), t('trust.colAuthor'), t('trust.colReason'), t('trust.colWhat')]}>
                {data.setAside.map((change) => (
                  <tr key={change.id}>
                    <td>{format(new Date(change.receivedAt), 'd.M.yyyy HH:mm', { locale: dateLocale })}</td>
                    <td>{change.author}</td>
                    <td>{t(`trust.reason.${change.reason}` as MessageKey)}</td>
                    <td>{t('trust.what', { tables: change.tables.join(', '), count: change.cells })}</td>
                  </tr>
                ))}
              </DataTable>
            </>
          )}
          {data.refusedRecords > 0 && <p className="field-hint">{t('trust.refusedRecords', { count: data.refusedRecords })}</p>}
          {data.accountsWithoutKey.length > 0 && (
            <>
              <h3>{t('trust.withoutKeyTitle')}</h3>
              <p className="field-hint">{t('trust.withoutKeyIntro')}</p>
              <ul>
                {data.accountsWithoutKey.map((account) => (
                  <li key={account.userId}>{account.name}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Loaded>
  );
}
