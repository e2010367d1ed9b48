// Innstillinger › Stikkprøver av loggen (admins): draw a sample of patient accesses, pick an earlier review, and review or print the one shown.
import { useState } from 'react';
import { formatDate, formatStamp } from '../../format/dates';
import { EmptyState, LoadError, Loading, PageTitle } from '../../components/page';
import { useT } from '../../i18n';
import { useQuery } from '../../stores/query';
import { useLanguage } from '../../stores/language';
import { LogReviewDetail } from './LogReviewDetail';
import { LogReviewDrawForm } from './LogReviewDrawForm';
import '../../styles/log-review.css';

export function LogReviewPage() {
  const { t } = useT();
  const language = useLanguage((state) => state.language);
  const list = useQuery('logReview.list', {}, ['audit']);
  const [chosen, setChosen] = useState<string | null>(null);
  const reviews = list.data?.reviews ?? [];
  const shownId = chosen ?? reviews[0]?.id ?? null;

  return (
    <section className="log-review-page">
      <div className="no-print">
        <PageTitle>{t('logReview.title')}</PageTitle>
        <p>{t('logReview.intro')}</p>
        <LogReviewDrawForm onDrawn={setChosen} />
        <h2>{t('logReview.listTitle')}</h2>
        {list.error && !list.data && <LoadError error={list.error} onRetry={() => void list.reload()} />}
        {!list.data && !list.error && <Loading />}
        {list.data && reviews.length === 0 && (
          <EmptyState>
            <p>{t('logReview.none')}</p>
          </EmptyState>
        )}
        {reviews.length > 0 && (
          <ul className="log-review-list">
            {reviews.map((review) => {
              const text = t('logReview.listItem', {
                from: formatDate(review.fromDate, language),
                to: formatDate(review.toDate, language),
                at: formatStamp(review.at),
                by: review.byName,
                marked: review.markedCount,
                count: review.itemCount,
              });
              return (
                <li key={review.id}>
                  <span>{text}</span>{' '}
                  {review.id === shownId ? (
                    <span className="field-hint">({t('logReview.opened')})</span>
                  ) : (
                    <button type="button" className="button button--small" onClick={() => setChosen(review.id)}>
                      {t('logReview.open')}
                      <span className="visually-hidden"> {text}</span>
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {shownId && <LogReviewDetail key={shownId} id={shownId} />}
    </section>
  );
}
