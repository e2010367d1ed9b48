// A person's competence page (#/competence/<staffId>, "Min kompetanse" for one's own): records grouped by type with history; keepers add, renew, edit and delete.
import { useEffect, useState } from 'react';
import type { StaffCompetence } from '../../../../domain/competence/types';
import { api } from '../../api/client';
import { toClientError } from '../../api/errors';
import type { ClientApiError } from '../../api/errors';
import { can } from '../../app/permissions';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState, LoadError, Loading, NoAccess, Notice, PageHeader } from '../../components/page';
import { useT } from '../../i18n';
import type { MessageKey, MessageParams } from '../../i18n';
import { professionName } from '../../i18n/labels';
import { useList, useQuery } from '../../stores/query';
import { useSession } from '../../stores/session';
import { osloToday } from '../../format/dates';
import { personCompetenceGroups, recordRole, STATE_SYMBOLS, statusText } from './competence-format';
import { formatDate } from '../../format/dates';
import type { PersonCompetenceGroup } from './competence-format';
import { CompetenceTabs } from './competence-parts';
import { COMPETENCE_AREAS, useCompetenceUi } from './competence-ui';
import { RecordDialog } from './RecordDialog';
import type { RecordDialogMode } from './RecordDialog';

interface Feedback {
  kind: 'success' | 'error';
  key: MessageKey;
  params?: MessageParams;
  error?: ClientApiError;
}

export function PersonPage({ staffId }: { staffId: string }) {
  const { t, errorText, language } = useT();
  const user = useSession((state) => state.user);
  const viewer = can(user, 'viewCompetence');
  const keeper = can(user, 'keepCompetence');
  const own = user?.staffId === staffId;
  const records = useQuery('competence.records', { staffId }, COMPETENCE_AREAS);
  const types = useQuery('competence.types', {}, COMPETENCE_AREAS);
  const staff = useList('staff.list');
  const [dialog, setDialog] = useState<RecordDialogMode | null>(() => {
    // "Registrer fornyelse" in the expiry list opens the renewal here.
    const pending = useCompetenceUi.getState().pendingRenewal;
    return keeper && pending?.staffId === staffId ? { kind: 'new', competenceTypeId: pending.competenceTypeId } : null;
  });
  const [deleting, setDeleting] = useState<StaffCompetence | null>(null);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  useEffect(() => {
    if (useCompetenceUi.getState().pendingRenewal) useCompetenceUi.getState().setPendingRenewal(null);
  }, []);

  if (records.error?.code === 'auth.forbidden' || types.error?.code === 'auth.forbidden') return <NoAccess />;

  const member = staff.data?.find((candidate) => candidate.id === staffId) ?? null;
  const name = member?.name ?? (own ? (user?.name ?? '') : '');
  const title = own ? t('competence.mineTitle') : member ? t('competence.personTitle', { name: member.name }) : t('competence.title');
  const typeList = types.data ?? [];
  const today = osloToday();
  const groups = records.data && types.data ? personCompetenceGroups(typeList, records.data, staffId, member?.profession ?? null, today) : null;
  const staffName = (id: string | null) => (id ? (staff.data?.find((candidate) => candidate.id === id)?.name ?? t('overview.unknownPerson')) : null);
  // An id that is nobody's (a person deleted elsewhere, a mistyped address) says so instead of a technical error.
  const unknown = staff.data !== null && !member && !own;
  const loadError = unknown ? null : (records.error ?? types.error ?? staff.error);

  function afterChange(key: MessageKey, params?: MessageParams) {
    setDialog(null);
    setFeedback({ kind: 'success', key, params });
    void records.reload();
  }

  async function confirmDelete() {
    const record = deleting;
    if (!record) return;
    setBusy(true);
    try {
      await api.call('competence.removeRecord', { id: record.id });
      setDeleting(null);
      afterChange('competence.recordDeleted');
    } catch (error) {
      setDeleting(null);
      setFeedback({ kind: 'error', key: 'competence.actionFailed', error: toClientError(error) });
    } finally {
      setBusy(false);
    }
  }

  const deletingType = deleting ? typeList.find((type) => type.id === deleting.competenceTypeId) : undefined;

  return (
    <section className={`competence-page${viewer ? ' page--wide' : ''}`}>
      <PageHeader
        title={title}
        actions={
          keeper &&
          types.data &&
          !unknown && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setFeedback(null);
                setDialog({ kind: 'new', competenceTypeId: null });
              }}
            >
              {t('competence.newRecord')}
            </button>
          )
        }
      />
      {viewer && <CompetenceTabs current={own ? 'mine' : null} />}
      {member && !own && <p className="competence-person-profession">{t('competence.personProfession', { profession: professionName(t, member.profession) })}</p>}
      <p className="page-intro">{own && !keeper ? t('competence.personIntroOwn') : keeper ? t('competence.personIntroKeeper') : t('competence.personIntroViewer')}</p>
      <div className="feedback-region" role="status" aria-live="polite">
        {feedback && (
          <Notice kind={feedback.kind}>
            <p>
              {t(feedback.key, feedback.params)}
              {feedback.error && ` ${errorText(feedback.error)}`}
            </p>
          </Notice>
        )}
      </div>
      {loadError && (
        <LoadError
          error={loadError}
          onRetry={() => {
            void records.reload();
            void types.reload();
          }}
        />
      )}
      {unknown && (
        <Notice kind="warning">
          <p>{t('competence.personUnknown')}</p>
        </Notice>
      )}
      {!unknown && !groups && !loadError && <Loading />}
      {!unknown && groups && groups.length === 0 && (
        <EmptyState>
          <p>{own && !keeper ? t('competence.personEmptyOwn') : keeper ? t('competence.personEmptyKeeper', { name }) : t('competence.personEmptyViewer', { name })}</p>
        </EmptyState>
      )}
      {!unknown && groups && groups.length > 0 && (
        <div className={records.current ? 'competence-cards' : 'competence-cards is-updating'} aria-busy={!records.current}>
          {groups.map((group) => (
            <CompetenceCard
              key={group.type.id}
              group={group}
              today={today}
              keeper={keeper}
              staffName={staffName}
              onRenew={() => {
                setFeedback(null);
                setDialog({ kind: 'new', competenceTypeId: group.type.id });
              }}
              onEdit={(record) => {
                setFeedback(null);
                setDialog({ kind: 'edit', record });
              }}
              onDelete={(record) => {
                setFeedback(null);
                setDeleting(record);
              }}
            />
          ))}
        </div>
      )}
      {dialog && types.data && staff.data && (
        <RecordDialog
          staffId={staffId}
          personName={name}
          types={types.data}
          staff={staff.data}
          mode={dialog}
          onClose={() => setDialog(null)}
          onSaved={afterChange}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('competence.deleteRecordTitle')}
        text={
          deleting
            ? t('competence.deleteRecordText', { type: deletingType?.name ?? '', date: formatDate(deleting.obtained, language), name })
            : ''
        }
        confirmLabel={t('common.confirmDelete')}
        cancelLabel={t('common.cancel')}
        busy={busy}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      />
    </section>
  );
}

interface CompetenceCardProps {
  group: PersonCompetenceGroup;
  today: string;
  keeper: boolean;
  staffName: (id: string | null) => string | null;
  onRenew: () => void;
  onEdit: (record: StaffCompetence) => void;
  onDelete: (record: StaffCompetence) => void;
}

/** One competence type: the state today, and the history newest first with the record in force marked. */
function CompetenceCard({ group, today, keeper, staffName, onRenew, onEdit, onDelete }: CompetenceCardProps) {
  const { t, language } = useT();
  const { type, status } = group;
  const headingId = `competence-card-${type.id}`;
  return (
    <section className={`competence-card competence-card--${status.state}`} aria-labelledby={headingId}>
      <div className="competence-card-head">
        <h2 id={headingId}>{type.name}</h2>
        <span className={`competence-state competence-state--${status.state}`}>
          <span aria-hidden="true">{STATE_SYMBOLS[status.state]} </span>
          {statusText(t, status, language)}
        </span>
        {keeper && (
          <button type="button" className="button button--small button--push" onClick={onRenew}>
            {group.records.length > 0 ? t('competence.renew') : t('competence.registerFirst')}
            <span className="visually-hidden"> {type.name}</span>
          </button>
        )}
      </div>
      {!group.applies && <p className="muted">{t('competence.notApplicableNote')}</p>}
      {group.records.length === 0 ? (
        <p className="muted competence-none">{t('competence.noRecord')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table competence-history">
            <caption className="visually-hidden">{t('competence.historyCaption', { type: type.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('competence.colObtained')}</th>
                <th scope="col">{t('competence.colExpiresOn')}</th>
                <th scope="col">{t('competence.colEvidence')}</th>
                <th scope="col">{t('competence.colVerifiedBy')}</th>
                <th scope="col">{t('competence.colNote')}</th>
                {keeper && <th scope="col">{t('competence.colAction')}</th>}
              </tr>
            </thead>
            <tbody>
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
                    <td>{record.evidenceRef ?? <span className="muted">{t('common.none')}</span>}</td>
                    <td>{staffName(record.verifiedBy) ?? <span className="muted">{t('common.none')}</span>}</td>
                    <td>{record.note ?? <span className="muted">{t('common.none')}</span>}</td>
                    {keeper && (
                      <td className="nowrap">
                        <button type="button" className="button button--small" onClick={() => onEdit(record)}>
                          {t('competence.editRecord')}
                          <span className="visually-hidden"> {about}</span>
                        </button>{' '}
                        <button type="button" className="button button--small button--danger" onClick={() => onDelete(record)}>
                          {t('competence.deleteRecord')}
                          <span className="visually-hidden"> {about}</span>
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
    </section>
  );
}
