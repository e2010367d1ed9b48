// The planning week in view: the office's grid (people × days) or the person's seven days, the legend, and the week's warnings for that view.
import type { CoverGap } from '../../../../domain/rota/cover';
import { Notice, Refreshing } from '../../components/page';
import { WarningList } from '../../components/WarningList';
import { useT } from '../../i18n';
import type { RotaView } from '../../stores/ui';
import { OfficeWeekGrid, PersonWeekTable } from './RotaGrids';
import type { GridActions } from './RotaGrids';
import { officeViewWarnings, officeWeekRows, personViewWarnings, personWeekDays } from './rota-view';
import type { RotaWeek } from './rota-view';

interface RotaWeekViewProps {
  rota: RotaWeek;
  /** False while another week's (or a newer) answer is on its way. */
  current: boolean;
  view: RotaView;
  officeId: string | null;
  staffId: string | null;
  /** The office's or person's name, for the warnings heading. */
  scopeName: string;
  /** null: read-only. */
  actions: GridActions | null;
  planner: boolean;
  officeName: (id: string) => string;
  staffName: (id: string) => string;
  /** Planners: "Hvem kan dekke?" on the coverage warnings. */
  onCover?: (gap: CoverGap) => void;
}

export function RotaWeekView({ rota, current, view, officeId, staffId, scopeName, actions, planner, officeName, staffName, onCover }: RotaWeekViewProps) {
  const { t } = useT();
  const rows = view === 'office' && officeId ? officeWeekRows(rota, officeId) : [];
  const warnings = view === 'office' ? (officeId ? officeViewWarnings(rota, officeId, rows) : []) : staffId ? personViewWarnings(rota, staffId) : [];
  return (
    <Refreshing current={current}>
      {rota.offices.length === 0 ? (
        <Notice kind="info">
          <p>{t('rota.noOffices')}</p>
        </Notice>
      ) : view === 'office' && officeId ? (
        <>
          <OfficeWeekGrid rota={rota} actions={actions} staffName={staffName} officeId={officeId} officeName={officeName(officeId)} rows={rows} />
          {rows.length === 0 && <p className="page-intro">{planner ? t('rota.noPeoplePlanner') : t('rota.noPeople')}</p>}
        </>
      ) : staffId ? (
        <PersonWeekTable rota={rota} actions={actions} staffName={staffName} staffId={staffId} days={personWeekDays(rota, staffId)} />
      ) : null}
      <p className="grid-legend">{t('rota.legend')}</p>
      <WarningList
        warnings={warnings}
        offices={rota.offices.map((office) => ({ id: office.id, name: office.name }))}
        headingId="rota-warnings"
        title={t('rota.warningsTitle', { scope: scopeName })}
        noneText={t('rota.noWarnings')}
        onCover={onCover}
      />
      {rota.warnings.length > warnings.length && <p className="page-intro">{t('rota.otherWarnings', { count: rota.warnings.length - warnings.length })}</p>}
    </Refreshing>
  );
}
