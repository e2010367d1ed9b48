// One log review: who drew it and when, each sampled access with its mark, and printing it (A4, with a signature line).
import { useState } from 'react';
import { printPage } from '../../app/print';
import { DataTable } from '../../components/DataTable';
import { EmptyState, LoadError, Loading, Notice } from '../../components/page';
import { formatDate, formatStamp } from '../../format/dates';
import { useT } from '../../i18n';
import { useLanguage } from '../../stores/language';
import { useQuery } from '../../stores/query';
import { LogReviewRow } from './LogReviewRow';

export function LogReviewDetail({ id }: { id: string }) {
  const { t } = useT();
  const language = useLanguage((state) => state.language);
  const review = useQuery('logReview.get', { id }, ['audit']);
  const [printFailed, setPrintFailed] = useState(false);
  const [printedAt, setPrintedAt] = useState(() => new Date().toISOString());

  if (review.error && !review.data) return <LoadError error={review.error} onRetry={() => void review.reload()} />;
  if (!review.data) return <Loading />;
  const data = review.data;
  const period = { from: formatDate(data.fromDate, language), to: formatDate(data.toDate, language) };

  async function print() {
    setPrintFailed(false);
    setPrintedAt(new Date().toISOString());
    const outcome = await printPage('dialog', `stikkprove-${data.fromDate}-${data.toDate}`);
    if (outcome.kind === 'failed') setPrintFailed(true);
  }

  return (
    <section className="log-review-sheet" aria-labelledby="log-review-title">
      <p className="print-only log-review-print-header">{t('logReview.printHeader', period)}</p>
      <h2 id="log-review-title">{t('logReview.reviewTitle', period)}</h2>
      <p>
        {t('logReview.meta', { at: formatStamp(data.at), by: data.byName, count: data.items.length, candidates: data.candidateCount, seed: data.seed })}
      </p>
      <div className="no-print">
        <button type="button" className="button" onClick={() => void print()}>
          {t('logReview.print')}
        </button>
        {printFailed && (
          <Notice kind="error">
            <p>{t('logReview.printFailed')}</p>
          </Notice>
        )}
      </div>
      {data.items.length === 0 ? (
        <EmptyState>
          <p>{t('logReview.empty')}</p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t('logReview.reviewTitle', period)}
          className="table log-review-table"
          columns={[t('logReview.col.time'), t('logReview.col.person'), t('logReview.col.action'), t('logReview.col.patient'), t('logReview.col.why'), t('logReview.col.mark')]}
        >
          {data.items.map((item) => (
            <LogReviewRow key={item.auditEventId} reviewId={data.id} item={item} onMarked={() => void review.reload()} />
          ))}
        </DataTable>
      )}
      <p className="print-only log-review-signature">{t('logReview.signature')}</p>
      <p className="print-only log-review-print-footer">{t('logReview.printFooter', { at: formatStamp(printedAt) })}</p>
    </section>
  );
}
