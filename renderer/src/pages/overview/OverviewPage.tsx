// Oversikt: one week for all offices (or one) — who is where, video cover, legevakt, absences, warnings — printable on one A4 sheet.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import type { CoverGap } from '../../../../domain/rota/cover';
import { can } from '../../app/permissions';
import { canSaveAsPdf, printPage } from '../../app/print';
import type { PrintMode, PrintOutcome } from '../../app/print';
import { hrefFor } from '../../app/routes';
import { SelectField } from '../../components/fields';
import { EmptyState, LoadError, Loading, Notice, PageHeader } from '../../components/page';
import { PublicationBar } from '../../components/PublicationBar';
import { usePrintTime } from '../../components/use-print-time';
import { useSelectedWeek, useWeekTitle, WeekNav } from '../../components/WeekNav';
import { useT } from '../../i18n';
import { useList, useQuery } from '../../stores/query';
import { useUi } from '../../stores/ui';
import { freshnessScreenText, freshnessText } from './overview-format';
import { OverviewGrid } from './OverviewGrid';
import { WarningList } from '../../components/WarningList';
import { CoverDialog } from '../../components/CoverDialog';
import { useSession } from '../../stores/session';

type OverviewData = ApiOutput<'overview.week'>;

/** Areas whose changes alter the overview (shifts, offices' hours and names, people, rota limits, a fresh data load). */
const OVERVIEW_AREAS = ['rota', 'offices', 'staff', 'settings', 'setup', 'sync'] as const;

export function OverviewPage() {
  const { t } = useT();
  const [week, setWeek] = useSelectedWeek();
  const officeId = useUi((state) => state.overviewOfficeId);
  const setOfficeId = useUi((state) => state.setOverviewOfficeId);
  const overview = useQuery('overview.week', { week, officeId }, OVERVIEW_AREAS);
  const offices = useList('offices.list');
  const staff = useList('staff.list');
  const settings = useList('settings.get');
  const weekTitle = useWeekTitle(week);
  const printedAt = usePrintTime();
  const [printOutcome, setPrintOutcome] = useState<PrintOutcome | null>(null);
  const data = overview.data;

  // A filter for an office deleted elsewhere falls back to all offices.
  const officeList = offices.data ?? [];
  const filterStale = officeId !== null && offices.data !== null && !officeList.some((office) => office.id === officeId);
  useEffect(() => {
    if (filterStale) setOfficeId(null);
  }, [filterStale, setOfficeId]);

  const officeOptions = [
    { value: '', label: t('overview.allOffices') },
    ...officeList.map((office) => ({ value: office.id, label: office.name })),
  ];
  const scopeName = officeId === null ? t('overview.allOffices') : (officeList.find((office) => office.id === officeId)?.name ?? data?.offices[0]?.officeName ?? '');

  async function print(mode: PrintMode) {
    setPrintOutcome(null);
    const outcome = await printPage(mode, `ukeoversikt-uke-${week.week}-${week.year}.pdf`);
    if (outcome.kind === 'saved' || outcome.kind === 'failed') setPrintOutcome(outcome);
  }

  return (
    <section className="page--wide print-sheet overview-page">
      <div className="no-print">
        <PageHeader
          title={t('overview.title')}
          actions={
            <>
              <button type="button" className="button button--primary" onClick={() => void print('dialog')}>
                {t('overview.print')}
              </button>
              {canSaveAsPdf() && (
                <button type="button" className="button" onClick={() => void print('pdf')}>
                  {t('overview.savePdf')}
                </button>
              )}
            </>
          }
        />
      </div>
      {printOutcome?.kind === 'saved' && (
        <Notice kind="success" role="status">
          <p>{t('overview.savedPdf', { path: printOutcome.path })}</p>
        </Notice>
      )}
      {printOutcome?.kind === 'failed' && (
        <Notice kind="error" role="alert">
          <p>{t('overview.printFailed')}</p>
        </Notice>
      )}
      <div className="overview-toolbar">
        <WeekNav week={week} onChange={setWeek} />
        <p className="print-only print-title">
          <span className="print-title-main">{t('overview.printTitle', { scope: scopeName })}</span>
          {settings.data?.cooperationName && <span className="print-title-cooperation">{settings.data.cooperationName}</span>}
        </p>
        <div className="no-print overview-filter">
          <SelectField
            id="overview-office"
            label={t('overview.office')}
            value={officeId ?? ''}
            onChange={(value) => setOfficeId(value === '' ? null : value)}
            options={officeOptions}
          />
        </div>
      </div>
      {data && (
        <PublicationBar
          key={`${week.year}-${week.week}`}
          publication={data.publication}
          week={week}
          officeIds={data.offices.map((block) => block.officeId)}
          officeName={(id) => data.offices.find((block) => block.officeId === id)?.officeName ?? ''}
          offerDraft={officeId !== null}
        />
      )}
      <OverviewBody overview={data} current={overview.current} weekTitle={weekTitle} staffNames={staff.data ?? []} />
      {overview.error && <LoadError error={overview.error} onRetry={() => void overview.reload()} />}
      {!data && !overview.error && <Loading />}
      {data && (
        <>
          <p className="freshness no-print">{freshnessScreenText(t, data)}</p>
          <p className="print-only print-footer">
            {freshnessText(t, { printedAt: printedAt ?? data.generatedAt, dataAsOf: data.dataAsOf, lastSyncedAt: data.lastSyncedAt })}
          </p>
        </>
      )}
    </section>
  );
}

function OverviewBody({
  overview,
  current,
  weekTitle,
  staffNames,
}: {
  overview: OverviewData | null;
  current: boolean;
  weekTitle: string;
  staffNames: readonly { id: string; name: string }[];
}) {
  const { t } = useT();
  if (!overview) return null;
  if (overview.offices.length === 0) {
    return (
      <EmptyState>
        <p>{t('overview.noOffices')}</p>
      </EmptyState>
    );
  }
  const planned = overview.offices.some((block) => block.rows.some((row) => row.cells.some((cell) => cell.length > 0)));
  if (!planned) {
    return (
      <EmptyState>
        <p>
          {t('overview.emptyWeek')}{' '}
          <a href={hrefFor('/rota')}>{t('overview.goToRota')}</a>
        </p>
      </EmptyState>
    );
  }
  return <PlannedWeek overview={overview} current={current} weekTitle={weekTitle} staffNames={staffNames} />;
}

function PlannedWeek({
  overview,
  current,
  weekTitle,
  staffNames,
}: {
  overview: OverviewData;
  current: boolean;
  weekTitle: string;
  staffNames: readonly { id: string; name: string }[];
}) {
  const { t } = useT();
  // Names come from the overview's own entries; the staff list is only needed for someone named in a warning who has no
  // entry here (e.g. filtered to one office), so its late arrival does not redraw the grid for nothing.
  const entryNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const block of overview.offices) for (const row of block.rows) for (const cell of row.cells) for (const entry of cell) if (entry.staffId) names.set(entry.staffId, entry.text);
    return names;
  }, [overview]);
  const needsStaff = overview.warnings.some((warning) => warning.staffIds.some((id) => !entryNames.has(id)));
  const extraNames = needsStaff ? staffNames : null;
  const unknown = t('overview.unknownPerson');
  const staffName = useCallback(
    (id: string) => entryNames.get(id) ?? extraNames?.find((member) => member.id === id)?.name ?? unknown,
    [entryNames, extraNames, unknown],
  );
  const offices = useMemo(() => overview.offices.map((block) => ({ id: block.officeId, name: block.officeName })), [overview]);
  const planner = useSession((state) => can(state.user, 'planRota'));
  const [coverGap, setCoverGap] = useState<CoverGap | null>(null);
  const [booked, setBooked] = useState<string | null>(null);
  return (
    <div className={current ? undefined : 'is-updating'} aria-busy={!current}>
      <OverviewGrid overview={overview} caption={weekTitle} staffName={staffName} />
      <div className="no-print">
        <WarningList
          warnings={overview.warnings}
          offices={offices}
          headingId="overview-warnings"
          title={t('overview.warningsTitle')}
          noneText={t('overview.noWarnings')}
          onCover={planner ? setCoverGap : undefined}
        />
        {booked && (
          <Notice kind="success" role="status">
            <p>{t('cover.booked', { name: booked })}</p>
          </Notice>
        )}
        {coverGap && (
          <CoverDialog
            gap={coverGap}
            onClose={() => setCoverGap(null)}
            onBooked={(name) => {
              setCoverGap(null);
              setBooked(name);
            }}
          />
        )}
      </div>
    </div>
  );
}
