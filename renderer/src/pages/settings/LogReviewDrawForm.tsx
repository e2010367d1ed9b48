// The form that draws a new log review sample: a period (default the last 30 days) and a size (default 20).
import { useState } from 'react';
import { addDays, isLocalDate } from '../../../../domain/calendar/dates';
import { osloToday } from '../../../../domain/calendar/oslo';
import { DEFAULT_SAMPLE_SIZE } from '../../../../domain/audit/review-sample';
import { api } from '../../api/client';
import { ApiCallError } from '../../api/errors';
import { FeedbackRegion } from '../../components/Feedback';
import type { Feedback } from '../../components/Feedback';
import { DateField } from '../../components/DateField';
import { TextField } from '../../components/fields';
import { useT } from '../../i18n';
import type { FormFieldErrorCode } from '../../i18n/codes';

type Fields = Partial<Record<'fromDate' | 'toDate' | 'size', FormFieldErrorCode>>;

export function LogReviewDrawForm({ onDrawn }: { onDrawn: (id: string) => void }) {
  const { t, fieldErrorText } = useT();
  const today = osloToday();
  const [fromDate, setFromDate] = useState(addDays(today, -30));
  const [toDate, setToDate] = useState(today);
  const [size, setSize] = useState(String(DEFAULT_SAMPLE_SIZE));
  const [errors, setErrors] = useState<Fields>({});
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const errorText = (field: keyof Fields) => (errors[field] ? fieldErrorText(errors[field]) : undefined);

  async function draw() {
    const count = Number(size.trim());
    const local: Fields = {};
    for (const [field, value] of [['fromDate', fromDate], ['toDate', toDate]] as const) {
      if (!value) local[field] = 'required';
      else if (!isLocalDate(value)) local[field] = 'invalidFormat';
    }
    if (!Number.isInteger(count) || size.trim() === '') local.size = 'invalidFormat';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    setFeedback(null);
    try {
      const drawn = await api.call('logReview.draw', { fromDate, toDate, size: count });
      setFeedback({ kind: 'success', key: 'logReview.drawn', params: { sampled: drawn.sampled, candidates: drawn.candidates } });
      onDrawn(drawn.id);
    } catch (caught) {
      if (caught instanceof ApiCallError) {
        if (caught.error.fields) setErrors(caught.error.fields as Fields);
        setFeedback({ kind: 'error', key: 'logReview.drawFailed', error: caught.error });
      } else throw caught;
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="form form--section"
      aria-labelledby="log-review-draw-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void draw();
      }}
    >
      <h2 id="log-review-draw-title">{t('logReview.drawTitle')}</h2>
      <div className="log-review-fields">
        <DateField id="log-review-from" label={t('logReview.from')} value={fromDate} onChange={setFromDate} error={errorText('fromDate')} />
        <DateField id="log-review-to" label={t('logReview.to')} value={toDate} onChange={setToDate} error={errorText('toDate')} />
        <TextField
          id="log-review-size"
          label={t('logReview.size')}
          inputMode="numeric"
          width="short"
          value={size}
          onChange={setSize}
          error={errorText('size')}
          hint={t('logReview.sizeHint')}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('logReview.drawing') : t('logReview.draw')}
        </button>
      </div>
      <FeedbackRegion feedback={feedback} />
    </form>
  );
}
