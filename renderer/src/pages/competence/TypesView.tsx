// "Kompetansetyper": the register's competence types; leads and admins create, edit and delete them in a dialog.
import { useState } from 'react';
import type { CompetenceType } from '../../../../domain/competence/types';
import { can } from '../../app/permissions';
import { ActionButton } from '../../components/ActionButton';
import { FeedbackRegion } from '../../components/Feedback';
import type { Feedback } from '../../components/Feedback';
import { Loaded, NoAccess } from '../../components/page';
import { DataTable } from '../../components/DataTable';
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
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  if (query.error?.code === 'auth.forbidden') return <NoAccess />;

  function open(type: CompetenceType | null) {
    setFeedback(null);
    setDialog({ type });
  }

  function saved(key: MessageKey, params: MessageParams) {
    setDialog(null);
    setFeedback({ kind: 'success', key, params });
    void query.reload();
  }

  const none = <span className="muted">{t('common.none')}</span>;
  return (
    <div className="competence-view">
      <div className="section-header">
        <h2>{t('competence.typesTitle')}</h2>
        {keeper && (
          <button type="button" className="button button--primary" onClick={() => open(null)}>
            {t('competence.newType')}
          </button>
        )}
      </div>
      <p className="page-intro">{keeper ? t('competence.typesIntroKeeper') : t('competence.typesIntroReader')}</p>
      <FeedbackRegion feedback={feedback} />
      <Loaded query={query} empty={<p>{keeper ? t('competence.typesEmptyKeeper') : t('competence.typesEmptyReader')}</p>}>
        {(types) => (
          <DataTable
            caption={t('competence.typesTitle')}
            className="table competence-types"
            columns={[
              t('competence.typeName'),
              t('competence.colCategory'),
              t('competence.colRenewal'),
              t('competence.colAppliesTo'),
              t('competence.colRequiredFor'),
              t('competence.colDescription'),
              keeper && t('competence.colAction'),
            ]}
          >
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
                <td>{type.description ?? none}</td>
                {keeper && (
                  <td>
                    <ActionButton label={t('competence.editTypeLabel')} about={type.name} onClick={() => open(type)} />
                  </td>
                )}
              </tr>
            ))}
          </DataTable>
        )}
      </Loaded>
      {dialog && query.data && <TypeDialog type={dialog.type} onClose={() => setDialog(null)} onSaved={saved} />}
    </div>
  );
}
