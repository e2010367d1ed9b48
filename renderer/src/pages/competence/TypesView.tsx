// "Kompetansetyper": the register's competence types; leads and admins create, edit and delete them in a dialog.
import { useState } from 'react';
import type { CompetenceType } from '../../../../domain/competence/types';
import { can } from '../../app/permissions';
import { EmptyState, LoadError, Loading, NoAccess, Notice } from '../../components/page';
import { useT } from '../../i18n';
import type { MessageKey, MessageParams } from '../../i18n';
import { capitalise, professionName } from '../../i18n/labels';
import { useQuery } from '../../stores/query';
import { useSession } from '../../stores/session';
import { renewalText } from './competence-format';
import { COMPETENCE_AREAS } from './competence-ui';
import { TypeDialog } from './TypeDialog';

export function TypesView() {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const keeper = can(user, 'keepCompetence');
  const query = useQuery('competence.types', {}, COMPETENCE_AREAS);
  const [dialog, setDialog] = useState<{ type: CompetenceType | null } | null>(null);
  const [feedback, setFeedback] = useState<{ key: MessageKey; params: MessageParams } | null>(null);

  if (query.error?.code === 'auth.forbidden') return <NoAccess />;
  const types = query.data;

  function saved(key: MessageKey, params: MessageParams) {
    setDialog(null);
    setFeedback({ key, params });
    void query.reload();
  }

  return (
    <div className="competence-view">
      <div className="section-header">
        <h2>{t('competence.typesTitle')}</h2>
        {keeper && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setFeedback(null);
              setDialog({ type: null });
            }}
          >
            {t('competence.newType')}
          </button>
        )}
      </div>
      <p className="page-intro">{keeper ? t('competence.typesIntroKeeper') : t('competence.typesIntroReader')}</p>
      <div className="feedback-region" role="status" aria-live="polite">
        {feedback && (
          <Notice kind="success">
            <p>{t(feedback.key, feedback.params)}</p>
          </Notice>
        )}
      </div>
      {query.error && <LoadError error={query.error} onRetry={() => void query.reload()} />}
      {!types && !query.error && <Loading />}
      {types && types.length === 0 && (
        <EmptyState>
          <p>{keeper ? t('competence.typesEmptyKeeper') : t('competence.typesEmptyReader')}</p>
        </EmptyState>
      )}
      {types && types.length > 0 && (
        <div className="table-wrap">
          <table className="table competence-types">
            <caption className="visually-hidden">{t('competence.typesTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('competence.typeName')}</th>
                <th scope="col">{t('competence.colCategory')}</th>
                <th scope="col">{t('competence.colRenewal')}</th>
                <th scope="col">{t('competence.colAppliesTo')}</th>
                <th scope="col">{t('competence.colRequiredFor')}</th>
                <th scope="col">{t('competence.colDescription')}</th>
                {keeper && <th scope="col">{t('competence.colAction')}</th>}
              </tr>
            </thead>
            <tbody>
              {types.map((type) => (
                <tr key={type.id}>
                  <th scope="row">{type.name}</th>
                  <td>{t(`competence.category.${type.category}`)}</td>
                  <td className="nowrap">{renewalText(t, type.renewalMonths)}</td>
                  <td>{capitalise(type.appliesTo.map((profession) => professionName(t, profession)).join(', '))}</td>
                  <td>
                    {type.requiredFor.length === 0 ? (
                      <span className="muted">{t('competence.requiredForNone')}</span>
                    ) : (
                      type.requiredFor.map((duty) => t(`competence.duty.${duty}`)).join(', ')
                    )}
                  </td>
                  <td>{type.description ?? <span className="muted">{t('common.none')}</span>}</td>
                  {keeper && (
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => {
                          setFeedback(null);
                          setDialog({ type });
                        }}
                      >
                        {t('competence.editTypeLabel')}
                        <span className="visually-hidden"> {type.name}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog && types && <TypeDialog type={dialog.type} onClose={() => setDialog(null)} onSaved={saved} />}
    </div>
  );
}
