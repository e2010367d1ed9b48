// "Matrise": active staff × competence types with the state of each cell as symbol, word and date; sticky headers; CSV export.
import type { ApiOutput } from '../../../../backend/api-types';
import { PROFESSIONS } from '../../../../domain/staff';
import type { Profession } from '../../../../domain/staff';
import { can } from '../../app/permissions';
import { hrefFor, itemPath } from '../../app/routes';
import { SelectField } from '../../components/fields';
import { EmptyState, Loaded, NoAccess, Refreshing } from '../../components/page';
import { useT } from '../../i18n';
import { capitalise, professionName } from '../../i18n/labels';
import { useQuery } from '../../stores/query';
import { useSession } from '../../stores/session';
import { matrixCellLines, matrixTotals, sortMatrixRows, STATE_SYMBOLS } from './competence-format';
import { formatDate } from '../../format/dates';
import { CsvExportButton } from './competence-parts';
import { COMPETENCE_AREAS, useCompetenceUi } from './competence-ui';

type Matrix = ApiOutput<'competence.matrix'>;

export function MatrixView() {
  const { t, language } = useT();
  const user = useSession((state) => state.user);
  const keeper = can(user, 'keepCompetence');
  const profession = useCompetenceUi((state) => state.matrixProfession);
  const setProfession = useCompetenceUi((state) => state.setMatrixProfession);
  const query = useQuery('competence.matrix', {}, COMPETENCE_AREAS);

  if (query.error?.code === 'auth.forbidden') return <NoAccess />;
  const data = query.data;

  return (
    <div className="competence-view">
      <h2>{t('competence.matrixTitle')}</h2>
      {data && <p className="page-intro">{t('competence.matrixIntro', { date: formatDate(data.date, language), days: data.matrix.warnDays })}</p>}
      <div className="competence-toolbar">
        <SelectField
          id="competence-matrix-profession"
          label={t('competence.professionFilter')}
          value={profession ?? ''}
          placeholder={t('competence.allProfessions')}
          options={PROFESSIONS.map((option) => ({ value: option, label: capitalise(professionName(t, option)) }))}
          onChange={(value) => setProfession(value === '' ? null : (value as Profession))}
        />
        <CsvExportButton kind="matrix" label={t('competence.exportCsvMatrix')} />
      </div>
      <Loaded query={query}>{(loaded) => <MatrixBody data={loaded} current={query.current} keeper={keeper} profession={profession} />}</Loaded>
    </div>
  );
}

function MatrixBody({ data, current, keeper, profession }: { data: Matrix; current: boolean; keeper: boolean; profession: Profession | null }) {
  const { t, language } = useT();
  const matrix = data.matrix;
  const rows = sortMatrixRows(matrix.rows, profession);
  const totals = matrixTotals(rows);
  const date = formatDate(data.date, language);
  return (
    <>
      {matrix.types.length === 0 && (
        <EmptyState>
          <p>{keeper ? t('competence.matrixNoTypes') : t('competence.matrixNoTypesReader')}</p>
          {keeper && (
            <a className="button button--primary" href={hrefFor('/competence/types')}>
              {t('competence.tabTypes')}
            </a>
          )}
        </EmptyState>
      )}
      {matrix.types.length > 0 && rows.length === 0 && (
        <EmptyState>
          <p>{t('competence.matrixNoStaff')}</p>
        </EmptyState>
      )}
      {matrix.types.length > 0 && rows.length > 0 && (
        <Refreshing current={current}>
          <div className="competence-matrix-head">
            <p className="competence-count" role="status">
              {t('competence.matrixCount', { expired: totals.expired, expiring: totals.expiring, missing: totals.missing })}
            </p>
            <MatrixLegend />
          </div>
          {/* The scroll box is focusable so keyboard users can scroll a matrix wider than the window. */}
          <div className="competence-matrix-wrap" tabIndex={0} role="region" aria-labelledby="competence-matrix-caption">
            <table className="competence-matrix">
              <caption id="competence-matrix-caption" className="visually-hidden">
                {t('competence.matrixCaption', { date })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="matrix-corner">
                    {t('competence.matrixPerson')}
                  </th>
                  {matrix.types.map((type) => (
                    <th scope="col" key={type.id} className="matrix-type">
                      {type.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.staffId}>
                    <th scope="row" className="matrix-person">
                      <a href={hrefFor(itemPath('competence', row.staffId))}>{row.staffName}</a>
                      <span className="matrix-profession">{professionName(t, row.profession)}</span>
                    </th>
                    {row.cells.map((cell) => {
                      const [word, detail] = matrixCellLines(t, cell, language);
                      return (
                        <td key={cell.competenceTypeId} className={`matrix-cell matrix-cell--${cell.state}`}>
                          <span className="matrix-word">
                            <span className="matrix-symbol" aria-hidden="true">
                              {STATE_SYMBOLS[cell.state]}
                            </span>{' '}
                            {word}
                          </span>
                          {detail && (
                            <>
                              {' '}
                              <span className="matrix-date">{detail}</span>
                            </>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Refreshing>
      )}
    </>
  );
}

function MatrixLegend() {
  const { t } = useT();
  return (
    <div className="competence-legend">
      <span className="competence-legend-title">{t('competence.legendTitle')}:</span>
      <ul>
        <li className="matrix-cell--valid">{t('competence.legendValid')}</li>
        <li className="matrix-cell--expiring">{t('competence.legendExpiring')}</li>
        <li className="matrix-cell--expired">{t('competence.legendExpired')}</li>
        <li className="matrix-cell--missing">{t('competence.legendMissing')}</li>
        <li className="matrix-cell--notApplicable">{t('competence.legendNotApplicable')}</li>
      </ul>
    </div>
  );
}
