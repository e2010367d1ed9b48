// Sjekk rutine (the nurse's check): search by title or ICPC-2 code (or choose a nurse first), the results with ✓/✕, and the chosen routine's check.
import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ApiOutput } from '../../../../backend/api-types';
import { SelectField, TextField } from '../../components/fields';
import { EmptyState, LoadError, Loading, PageTitle } from '../../components/page';
import { useT } from '../../i18n';
import { useList, useQuery } from '../../stores/query';
import { useSession } from '../../stores/session';
import { CheckPanel } from './RoutineCheckPanel';
import type { CheckFor } from './RoutineCheckPanel';
import { RoutineTabs, YesNo } from './routine-parts';
import { SupervisingDoctorNote } from './SupervisingDoctorNote';
import { isExampleRoutine, matchRoutines, shortTitle } from './routine-view';

type CheckEntry = ApiOutput<'routines.check'>['routines'][number];

/** The check changes when routines, authorisations or competences change, the rota (supervising doctor), and when example data is loaded. */
const CHECK_AREAS = ['routines', 'competence', 'staff', 'rota', 'setup'] as const;

const focusSearch = () => document.getElementById('routine-search')?.focus();

export function RoutineCheckPage({ canEdit, initialRoutineId }: { canEdit: boolean; initialRoutineId: string | null }) {
  const { t } = useT();
  const user = useSession((state) => state.user);
  const isNurse = user?.roles.includes('nurse') ?? false;
  const [chosenNurseId, setChosenNurseId] = useState('');
  const nurseId = isNurse ? (user?.staffId ?? '') : chosenNurseId;
  const staff = useList('staff.list');
  const check = useQuery('routines.check', { nurseId: nurseId || user?.staffId || null }, CHECK_AREAS);
  const types = useQuery('competence.types', {}, ['competence', 'setup']);
  const entries = useMemo(() => check.data?.routines ?? [], [check.data]);
  const search = useRoutineSearch(entries, initialRoutineId);
  const selected = entries.find((entry) => entry.routine.routineId === search.selectedId) ?? null;
  const nurses = (staff.data ?? []).filter((member) => member.profession === 'nurse' && member.active);
  const checkFor: CheckFor = {
    nurseId,
    nurseName: nurses.find((member) => member.id === nurseId)?.name ?? '',
    self: isNurse,
    showVerdict: nurseId !== '' && (check.data?.nurseId === nurseId || isNurse),
    date: check.data?.date ?? '',
    at: check.data?.at ?? null,
  };

  return (
    <section className="routines-page routine-check page--wide">
      <RoutineTabs current="check" canEdit={canEdit} />
      <PageTitle focusOnMount={false}>{t('routines.check.title')}</PageTitle>
      <SupervisingDoctorNote supervising={check.data?.supervising ?? null} at={check.data?.at ?? null} known={checkFor.showVerdict} />
      <div className="routine-check-layout">
        <div className="routine-check-search">
          <div onKeyDown={search.onSearchKey}>
            <TextField id="routine-search" type="search" label={t('routines.check.search')} hint={t('routines.check.searchHint')} value={search.query} onChange={search.setQuery} autoFocus inputMode="search" />
          </div>
          {isNurse ? (
            <p className="muted routine-check-for">{t('routines.check.forYou', { name: user?.name ?? '' })}</p>
          ) : (
            <SelectField
              id="routine-check-nurse"
              label={t('routines.check.nurse')}
              hint={t('routines.check.nurseHint')}
              placeholder={t('routines.check.chooseNurse')}
              value={chosenNurseId}
              onChange={setChosenNurseId}
              options={nurses.map((member) => ({ value: member.id, label: member.name }))}
            />
          )}
          {check.error && <LoadError error={check.error} onRetry={() => void check.reload()} />}
          {!check.data && !check.error && <Loading />}
          {check.data && entries.length === 0 && (
            <EmptyState>
              <p>{canEdit ? t('routines.check.noneDoctor') : t('routines.check.none')}</p>
            </EmptyState>
          )}
          {check.data && entries.length > 0 && (
            <SearchResults search={search} total={entries.length} showVerdicts={checkFor.showVerdict} />
          )}
        </div>
        <div
          className="routine-check-panel"
          onKeyDown={(event) => {
            // Esc goes back to the search, so the next routine is a few keys away.
            if (event.key === 'Escape' && !event.defaultPrevented) focusSearch();
          }}
        >
          {selected ? (
            <CheckPanel
              key={selected.routine.id}
              entry={selected}
              checkFor={checkFor}
              typeName={(id) => types.data?.find((type) => type.id === id)?.name ?? null}
              doctorName={(staff.data ?? []).find((member) => member.id === selected.routine.responsibleDoctorId)?.name ?? ''}
            />
          ) : (
            check.data &&
            entries.length > 0 && (
              <EmptyState>
                <p>{t('routines.check.chooseRoutine')}</p>
              </EmptyState>
            )
          )}
        </div>
      </div>
    </section>
  );
}

/** Moves focus to the result at `index` (clamped to the list). */
function focusResult(list: HTMLUListElement | null, index: number) {
  const buttons = list?.querySelectorAll<HTMLButtonElement>('button.routine-result');
  if (!buttons || buttons.length === 0) return;
  buttons[Math.max(0, Math.min(index, buttons.length - 1))]?.focus();
}

/** The search box's text, the matching routines, the chosen one, and the keys: ↓ to the results, Enter picks the first. */
function useRoutineSearch(entries: readonly CheckEntry[], initialRoutineId: string | null) {
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(initialRoutineId);
  const listRef = useRef<HTMLUListElement>(null);
  const matches = useMemo(() => matchRoutines(entries, query, (entry) => entry.routine), [entries, query]);

  function onSearchKey(event: KeyboardEvent<HTMLDivElement>) {
    if (!(event.target instanceof HTMLInputElement)) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusResult(listRef.current, 0);
    } else if (event.key === 'Enter' && matches[0]) {
      event.preventDefault();
      setSelectedId(matches[0].routine.routineId);
    }
  }

  return { query, setQuery, matches, selectedId, setSelectedId, listRef, onSearchKey };
}

type RoutineSearch = ReturnType<typeof useRoutineSearch>;

/** How many routines match, and the matches as buttons (↑/↓ move, ↑ from the first goes back to the search) with ✓/✕ once a nurse is known. */
function SearchResults({ search, total, showVerdicts }: { search: RoutineSearch; total: number; showVerdicts: boolean }) {
  const { t } = useT();
  const { query, matches, selectedId, listRef } = search;

  function onResultKey(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusResult(listRef.current, index + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (index === 0) focusSearch();
      else focusResult(listRef.current, index - 1);
    }
  }

  return (
    <>
      <p className="muted routine-count" role="status">
        {query.trim() === '' ? t('routines.check.countAll', { count: total }) : t('routines.check.count', { shown: matches.length, count: total })}
      </p>
      {matches.length === 0 ? (
        <EmptyState>
          <p>{t('routines.check.noMatch', { query: query.trim() })}</p>
          <button type="button" className="button" onClick={() => search.setQuery('')}>
            {t('routines.check.clearSearch')}
          </button>
        </EmptyState>
      ) : (
        <ul className="routine-results" ref={listRef} aria-label={t('routines.check.results')}>
          {matches.map((entry, index) => (
            <li key={entry.routine.routineId}>
              <button
                type="button"
                className={`routine-result${entry.routine.routineId === selectedId ? ' routine-result--selected' : ''}`}
                aria-pressed={entry.routine.routineId === selectedId}
                onClick={() => search.setSelectedId(entry.routine.routineId)}
                onKeyDown={(event) => onResultKey(event, index)}
              >
                <span className="routine-result-title">{shortTitle(entry.routine.title)}</span>
                <span className="routine-result-meta">
                  <span>{entry.routine.icpc2Codes.join(', ')}</span>
                  {isExampleRoutine(entry.routine) && <span className="routine-result-example">{t('routines.exampleShort')}</span>}
                  {showVerdicts && <YesNo yes={entry.result.allowed} yesText={t('routines.check.yesShort')} noText={t('routines.check.noShort')} />}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
