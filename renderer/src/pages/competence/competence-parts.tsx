// Parts shared by the competence views: the tab links and the CSV export button.
import { api } from '../../api/client';
import { AreaTabs } from '../../components/AreaTabs';
import { useDownload } from '../../components/use-download';
import { Notice } from '../../components/page';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useSession } from '../../stores/session';
import { saveFile } from '../../format/download';
import type { CompetenceView } from './competence-format';

const TABS: readonly { view: CompetenceView | 'mine'; label: MessageKey }[] = [
  { view: 'expiring', label: 'competence.tabExpiring' },
  { view: 'matrix', label: 'competence.tabMatrix' },
  { view: 'coverage', label: 'competence.tabCoverage' },
  { view: 'types', label: 'competence.tabTypes' },
  { view: 'mine', label: 'competence.tabMine' },
];

export function CompetenceTabs({ current }: { current: CompetenceView | 'mine' | null }) {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const tabs = TABS.map((tab) => ({ key: tab.view, label: t(tab.label), path: tab.view === 'mine' ? `/competence/${user?.staffId ?? ''}` : `/competence/${tab.view}` }));
  return <AreaTabs label={t('competence.tabsLabel')} tabs={tabs} current={current} />;
}

/** "Eksporter … (CSV)": asks the backend for the file and saves it; says what happened next to the button. */
export function CsvExportButton({ kind, days, label }: { kind: 'matrix' | 'expiring'; days?: number; label: string }){
  const { t, errorText } = useT();
  const { busy, result, run } = useDownload();
  const hintId = `competence-export-${kind}-hint`;

  const exportCsv = () =>
    run(async () => {
      const file = await api.call('competence.exportCsv', { kind, days });
      saveFile(file.fileName, file.content, 'text/csv;charset=utf-8');
      return file.fileName;
    });

  return (
    <div className="competence-export">
      <button type="button" className="button" onClick={() => void exportCsv()} disabled={busy} aria-describedby={hintId}>
        <span aria-hidden="true">⤓</span> {label}
      </button>
      <p className="field-hint" id={hintId}>
        {t('competence.exportHint')}
      </p>
      <div role="status" className="competence-export-status">
        {result && 'file' in result && <p className="status status--ok">{t('competence.exportDone', { file: result.file })}</p>}
        {result && 'error' in result && (
          <Notice kind="error">
            <p>
              {t('competence.exportFailed')} {errorText(result.error)}
            </p>
          </Notice>
        )}
      </div>
    </div>
  );
}
