// The Turnus page's controls: "Per kontor" / "Per person", the office or person shown, and the person's calendar export (.ics).
import { useState } from 'react';
import { isoWeekMonday } from '../../../../domain/calendar/isoWeek';
import type { IsoWeek } from '../../../../domain/calendar/isoWeek';
import { api } from '../../api/client';
import { toClientError } from '../../api/errors';
import { SelectField } from '../../components/fields';
import type { Feedback } from '../../components/Feedback';
import { useT } from '../../i18n';
import { professionName } from '../../i18n/labels';
import { saveFile } from '../../format/download';
import { icsRange, ICS_WEEKS } from './rota-labels';
import type { RotaWeek } from './rota-view';
import type { RotaScope } from './use-rota-scope';

interface RotaControlsProps {
  rota: RotaWeek;
  week: IsoWeek;
  scope: RotaScope;
  officeId: string | null;
  staffId: string | null;
  /** What the export did (null as it starts). */
  onFeedback: (feedback: Feedback | null) => void;
}

export function RotaControls({ rota, week, scope, officeId, staffId, onFeedback }: RotaControlsProps) {
  const { t } = useT();
  const sortedStaff = [...rota.staff].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return (
    <div className="rota-controls">
      <fieldset className="view-switch">
        <legend className="visually-hidden">{t('rota.viewLegend')}</legend>
        {(['office', 'person'] as const).map((option) => (
          <div key={option} className="view-option">
            <input type="radio" id={`rota-view-${option}`} name="rota-view" checked={scope.view === option} onChange={() => scope.setView(option)} />
            <label htmlFor={`rota-view-${option}`}>{t(option === 'office' ? 'rota.viewOffice' : 'rota.viewPerson')}</label>
          </div>
        ))}
      </fieldset>
      {scope.view === 'office' ? (
        <SelectField
          id="rota-office"
          label={t('rota.showOffice')}
          value={officeId ?? ''}
          options={rota.offices.map((office) => ({ value: office.id, label: office.name }))}
          onChange={scope.setOffice}
        />
      ) : (
        <>
          <SelectField
            id="rota-person"
            label={t('rota.showPerson')}
            value={staffId ?? ''}
            options={sortedStaff.map((member) => ({
              value: member.id,
              label: `${member.name} (${professionName(t, member.profession)}${member.active ? '' : `, ${t('common.inactive').toLocaleLowerCase()}`})`,
            }))}
            onChange={scope.setStaff}
          />
          {staffId && <IcsExport week={week} staffId={staffId} onFeedback={onFeedback} />}
        </>
      )}
    </div>
  );
}

/** "Eksporter til kalender (.ics)": the person's shifts for the next weeks, downloaded as a file. */
function IcsExport({ week, staffId, onFeedback }: { week: IsoWeek; staffId: string; onFeedback: (feedback: Feedback | null) => void }) {
  const { t } = useT();
  const [exporting, setExporting] = useState(false);

  async function exportIcs() {
    setExporting(true);
    onFeedback(null);
    try {
      const result = await api.call('rota.exportIcs', { staffId, ...icsRange(isoWeekMonday(week)) });
      saveFile(result.fileName, result.content, 'text/calendar;charset=utf-8');
      onFeedback({ kind: 'success', key: 'rota.icsDone', params: { count: result.count, file: result.fileName } });
    } catch (error) {
      onFeedback({ kind: 'error', key: 'rota.icsFailed', error: toClientError(error) });
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className="ics-export">
      <button type="button" className="button" onClick={() => void exportIcs()} disabled={exporting} aria-describedby="rota-ics-hint">
        {t('rota.exportIcs')}
      </button>
      <p className="field-hint" id="rota-ics-hint">
        {t('rota.exportIcsHint', { weeks: ICS_WEEKS, from: week.week })}
      </p>
    </div>
  );
}
