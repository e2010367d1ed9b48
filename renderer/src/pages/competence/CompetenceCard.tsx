// One competence type on a person's page: the state today, and the history newest first with the record in force marked; keepers renew, edit and delete.
import type { StaffCompetence } from '../../../../domain/competence/types';
import { ActionButton } from '../../components/ActionButton';
import { DataTable } from '../../components/DataTable';
import { useT } from '../../i18n';
import { formatDate } from '../../format/dates';
import { recordRole, STATE_SYMBOLS, statusText } from './competence-format';
import type { PersonCompetenceGroup } from './competence-format';

interface CompetenceCardProps {
  group: PersonCompetenceGroup;
  today: string;
  keeper: boolean;
  staffName: (id: string | null) => string | null;
  onRenew: () => void;
  onEdit: (record: StaffCompetence) => void;
  onDelete: (record: StaffCompetence) => void;
}

export function CompetenceCard({ group, today, keeper, staffName, onRenew, onEdit, onDelete }: CompetenceCardProps) {
  const { t, language } = useT();
  const { type, status } = group;
  const headingId = `competence-card-${type.id}`;
  const none = <span className="muted">{t('common.none')}</span>;
  return (
    <section className={`competence-card competence-card--${status.state}`} aria-labelledby={headingId}>
      <div className="competence-card-head">
        <h2 id={headingId}>{type.name}</h2>
        <span className={`competence-state competence-state--${status.state}`}>
          <span aria-hidden="true">{STATE_SYMBOLS[status.state]} </span>
          {statusText(t, status, language)}
        </span>
        {keeper && (
          <ActionButton
            label={group.records.length > 0 ? t('competence.renew') : t('competence.registerFirst')}
            about={type.name}
            onClick={onRenew}
            className="button--push"
          />
        )}
      </div>
      {!group.applies && <p className="muted">{t('competence.notApplicableNote')}</p>}
      {group.records.length === 0 ? (
        <p className="muted competence-none">{t('competence.noRecord')}</p>
      ) : (
        <DataTable
          caption={t('competence.historyCaption', { type: type.name })}
          className="table competence-history"
          columns={[
            t('competence.colObtained'),
            t('competence.colExpiresOn'),
            t('competence.colEvidence'),
            t('competence.colVerifiedBy'),
            t('competence.colNote'),
            keeper && t('competence.colAction'),
          ]}
        >
          {group.records.map((record) => {
            const role = recordRole(record, group.currentId, today);
            const about = t('competence.recordAbout', { type: type.name, date: formatDate(record.obtained, language) });
            return (
              <tr key={record.id} className={role === 'current' ? 'history-row--current' : 'history-row--old'}>
                <th scope="row" className="nowrap">
                  {formatDate(record.obtained, language)}{' '}
                  <span className={`tag history-tag history-tag--${role}`}>
                    {role === 'current' ? t('competence.current') : role === 'future' ? t('competence.future', { date: formatDate(record.obtained, language) }) : t('competence.previous')}
                  </span>
                </th>
                <td className="nowrap">{record.expiresOn ? formatDate(record.expiresOn, language) : t('competence.neverExpires')}</td>
                <td>{record.evidenceRef ?? none}</td>
                <td>{staffName(record.verifiedBy) ?? none}</td>
                <td>{record.note ?? none}</td>
                {keeper && (
                  <td className="nowrap">
                    <ActionButton label={t('competence.editRecord')} about={about} onClick={() => onEdit(record)} />{' '}
                    <ActionButton label={t('competence.deleteRecord')} about={about} onClick={() => onDelete(record)} danger />
                  </td>
                )}
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
