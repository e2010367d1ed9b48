// Innstillinger: the admins' way to the log review (stikkprøver av loggen), a page of its own at #/settings/log-review.
import { hrefFor } from '../../app/routes';
import { useT } from '../../i18n';

export function LogReviewLink() {
  const { t } = useT();
  return (
    <section className="form--section" aria-labelledby="settings-log-review-title">
      <h2 id="settings-log-review-title">{t('logReview.title')}</h2>
      <p className="field-hint">{t('logReview.settingsHint')}</p>
      <p>
        <a href={hrefFor('/settings/log-review')}>{t('logReview.settingsLink')}</a>
      </p>
    </section>
  );
}
