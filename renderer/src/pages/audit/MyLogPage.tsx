// Min logg: what the audit log holds about the signed-in user's own actions, newest first, a page at a time, for a period.
import { useState } from 'react';
import { addDays } from '../../../../domain/calendar/dates';
import { AuditEventTable } from '../../components/AuditEventTable';
import { DateField } from '../../components/DateField';
import { EmptyState, Loaded, PageHeader } from '../../components/page';
import { osloToday } from '../../format/dates';
import { useT } from '../../i18n';
import { useQuery } from '../../stores/query';

const PAGE_SIZE = 50;

export function MyLogPage() {
  const { t } = useT();
  const today = osloToday();
  const [fromDate, setFromDate] = useState(addDays(today, -29));
  const [toDate, setToDate] = useState(today);
  const [offset, setOffset] = useState(0);
  // A half-typed or reversed period asks for the last 30 days rather than failing.
  const from = fromDate && toDate && fromDate <= toDate ? fromDate : addDays(today, -29);
  const to = fromDate && toDate && fromDate <= toDate ? toDate : today;
  const log = useQuery('audit.ownLog', { fromDate: from, toDate: to, offset, limit: PAGE_SIZE }, ['audit', 'consultations']);
  const period = (set: (value: string) => void) => (value: string) => {
    set(value);
    setOffset(0);
  };

  return (
    <section className="my-log-page">
      <PageHeader title={t('audit.own.title')} />
      <p className="field-hint">{t('audit.own.intro')}</p>
      <div className="consultation-filters">
        <DateField id="mylog-from" label={t('consultations.filter.from')} value={fromDate} onChange={period(setFromDate)} filter />
        <DateField id="mylog-to" label={t('consultations.filter.to')} value={toDate} onChange={period(setToDate)} filter />
      </div>
      <Loaded query={log}>
        {(data) =>
          data.total === 0 ? (
            <EmptyState>{t('audit.own.empty')}</EmptyState>
          ) : (
            <>
              <p className="field-hint" role="status">
                {t('audit.own.showing', { first: data.offset + 1, last: data.offset + data.events.length, total: data.total })}
              </p>
              <AuditEventTable events={data.events} caption={t('audit.own.title')} showWho={false} />
              <nav className="pager" aria-label={t('audit.own.pages')}>
                <button type="button" className="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                  {t('audit.own.newer')}
                </button>
                <button type="button" className="button" disabled={offset + PAGE_SIZE >= data.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
                  {t('audit.own.older')}
                </button>
              </nav>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
