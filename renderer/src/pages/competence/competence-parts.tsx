// Parts shared by the competence views: the tab links and the CSV export button.
import { useState } from 'react';
import { api } from '../../api/client';
import { toClientError } from '../../api/errors';
import type { ClientApiError } from '../../api/errors';
import { hrefFor } from '../../app/routes';
import { Notice } from '../../components/page';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useSession } from '../../stores/session';
import { downloadText } from '../rota/rota-labels';
import type { CompetenceView } from './competence-format';

const TABS: readonly { view: CompetenceView | 'mine'; label: MessageKey }[] = [
  { view: 'expiring', label: 'competence.tabExpiring' },
  { view: 'matrix', label: 'competence.tabMatrix' },
  { view: 'coverage', label: 'competence.tabCoverage' },
  { view: 'types', label: 'competence.tabTypes' },
  { view: 'mine', label: 'competence.tabMine' },
];

/** Links styled as tabs (each view has its own address, so Back and reload work); the current one has aria-current. */
export function CompetenceTabs({ current }: { current: CompetenceView | 'mine' | null }) {
  const { t } = useT();
  const user = useSession((state) => state.user);
  return (
    <nav className="competence-tabs" aria-label={t('competence.tabsLabel')}>
      <ul>
        {TABS.map((tab) => {
          const path = tab.view === 'mine' ? `/competence/${user?.staffId ?? ''}` : `/competence/${tab.view}`;
          const active = tab.view === current;
          return (
            <li key={tab.view}>
              <a className={`competence-tab${active ? ' competence-tab--active' : ''}`} href={hrefFor(path)} aria-current={active ? 'page' : undefined}>
                {t(tab.label)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** "Eksporter … (CSV)": asks the backend for the file and saves it; says what happened next to the button. */
export function CsvExportButton({ kind, days, label }: { kind: 'matrix' | 'expiring'; days?: number; label: string }){
  const { t, errorText } = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ file: string } | { error: ClientApiError } | null>(null);
  const hintId = `competence-export-${kind}-hint`;

  async function exportCsv() {
    setBusy(true);
    setResult(null);
    try {
      const file = await api.call('competence.exportCsv', { kind, days });
      downloadText(file.fileName, file.content, 'text/csv;charset=utf-8');
      setResult({ file: file.fileName });
    } catch (error) {
      setResult({ error: toClientError(error) });
    } finally {
      setBusy(false);
    }
  }

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
