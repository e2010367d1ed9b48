// A person's competence page (#/competence/<staffId>, "Min kompetanse" for one's own): records grouped by type with history; keepers add, renew, edit and delete.
import { useEffect, useState } from 'react';
import type { StaffCompetence } from '../../../../domain/competence/types';
import { api } from '../../api/client';
import { toClientError } from '../../api/errors';
import { can } from '../../app/permissions';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FeedbackRegion } from '../../components/Feedback';
import type { Feedback } from '../../components/Feedback';
import { EmptyState, LoadError, Loading, NoAccess, Notice, PageHeader } from '../../components/page';
import { useT } from '../../i18n';
import type { MessageKey, MessageParams } from '../../i18n';
import { professionName } from '../../i18n/labels';
import { useList, useQuery } from '../../stores/query';
import { useSession } from '../../stores/session';
import { formatDate, osloToday } from '../../format/dates';
import { personCompetenceGroups } from './competence-format';
import { CompetenceCard } from './CompetenceCard';
import { CompetenceTabs } from './competence-parts';
import { COMPETENCE_AREAS, useCompetenceUi } from './competence-ui';
import { RecordDialog } from './RecordDialog';
import type { RecordDialogMode } from './RecordDialog';

export function PersonPage({ staffId }: { staffId: string }) {
  const { t, language } = useT();
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

  /** Opens a dialog (or the delete confirmation) and clears the last message. */
  function open<T>(show: (value: T) => void, value: T) {
    setFeedback(null);
    show(value);
  }

  function afterChange(key: MessageKey, params?: MessageParams) {
    setDialog(null);
    setFeedback({ kind: 'success', key, params });
    void records.reload();
  }

  async function confirmDelete(record: StaffCompetence) {
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
  const emptyText = own && !keeper ? t('competence.personEmptyOwn') : keeper ? t('competence.personEmptyKeeper', { name }) : t('competence.personEmptyViewer', { name });

  return (
    <section className={`competence-page${viewer ? ' page--wide' : ''}`}>
      <PageHeader
        title={title}
        actions={
          keeper &&
          types.data &&
          !unknown && (
            <button type="button" className="button button--primary" onClick={() => open(setDialog, { kind: 'new', competenceTypeId: null })}>
              {t('competence.newRecord')}
            </button>
          )
        }
      />
      {viewer && <CompetenceTabs current={own ? 'mine' : null} />}
      {member && !own && <p className="competence-person-profession">{t('competence.personProfession', { profession: professionName(t, member.profession) })}</p>}
      <p className="page-intro">{own && !keeper ? t('competence.personIntroOwn') : keeper ? t('competence.personIntroKeeper') : t('competence.personIntroViewer')}</p>
      <FeedbackRegion feedback={feedback} />
      {loadError && <LoadError error={loadError} onRetry={() => void Promise.all([records.reload(), types.reload()])} />}
      {unknown && (
        <Notice kind="warning">
          <p>{t('competence.personUnknown')}</p>
        </Notice>
      )}
      {!unknown && !groups && !loadError && <Loading />}
      {!unknown && groups && groups.length === 0 && (
        <EmptyState>
          <p>{emptyText}</p>
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
              onRenew={() => open(setDialog, { kind: 'new', competenceTypeId: group.type.id })}
              onEdit={(record) => open(setDialog, { kind: 'edit', record })}
              onDelete={(record) => open(setDeleting, record)}
            />
          ))}
        </div>
      )}
      {dialog && types.data && staff.data && (
        <RecordDialog staffId={staffId} personName={name} types={types.data} staff={staff.data} mode={dialog} onClose={() => setDialog(null)} onSaved={afterChange} />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('competence.deleteRecordTitle')}
        text={deleting ? t('competence.deleteRecordText', { type: deletingType?.name ?? '', date: formatDate(deleting.obtained, language), name }) : ''}
        confirmLabel={t('common.confirmDelete')}
        cancelLabel={t('common.cancel')}
        busy={busy}
        onConfirm={() => deleting && void confirmDelete(deleting)}
        onCancel={() => setDeleting(null)}
      />
    </section>
  );
}
