// The one client cache for backend reads: one answer per method and input, refreshed when the backend says an area changed.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import type { Area } from '../../../domain/areas';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../backend/api-types';
import { api } from '../api/client';
import { toClientError } from '../api/errors';
import type { ClientApiError } from '../api/errors';

/** One cached answer. `data` is kept while a refresh is under way, so screens do not flicker or go blank. */
interface CacheEntry {
  data: unknown;
  error: ClientApiError | null;
  loading: boolean;
  /** A change event arrived for one of `areas` since the answer: the next reader loads it again. */
  stale: boolean;
  areas: readonly Area[];
}

interface QueryCacheState {
  entries: Record<string, CacheEntry>;
  /** Calls the backend for `key` and stores the answer; resolves with it (or null when the call failed). */
  load(key: string, method: ApiMethod, input: unknown, areas: readonly Area[]): Promise<unknown>;
  /** Marks every answer that depends on `area` stale; open screens reload it at once, others when next shown. */
  invalidateArea(area: Area): void;
  /** Forgets everything (sign-in, sign-out): the next user never sees the previous user's answers. */
  reset(): void;
}

/** Answers kept at most; the oldest unused ones go first (weeks stepped through, closed pages). */
const ENTRY_LIMIT = 64;
/** Bumped on reset so answers to the previous user's requests are dropped. */
let generation = 0;
let requestCounter = 0;
/** The newest request per key: an overtaken answer (last week's, arriving late) never replaces a newer one. */
const latestRequest = new Map<string, number>();

function withoutOldest(entries: Record<string, CacheEntry>, keep: string): Record<string, CacheEntry> {
  const keys = Object.keys(entries);
  if (keys.length <= ENTRY_LIMIT) return entries;
  const next = { ...entries };
  for (const key of keys) {
    if (Object.keys(next).length <= ENTRY_LIMIT) break;
    if (key !== keep && !next[key]!.loading) delete next[key];
  }
  return next;
}

export const useQueryCache = create<QueryCacheState>((set) => {
  function patch(key: string, values: Partial<CacheEntry>, areas: readonly Area[]) {
    set((state) => {
      const previous = state.entries[key] ?? { data: null, error: null, loading: false, stale: false, areas };
      // Re-inserting moves the key to the end, so the oldest answers are the first ones evicted.
      const rest = { ...state.entries };
      delete rest[key];
      return { entries: withoutOldest({ ...rest, [key]: { ...previous, ...values, areas } }, key) };
    });
  }

  return {
    entries: {},
    async load(key, method, input, areas) {
      const request = ++requestCounter;
      const startedIn = generation;
      latestRequest.set(key, request);
      patch(key, { loading: true, stale: false }, areas);
      const isNewest = () => latestRequest.get(key) === request && startedIn === generation;
      try {
        const data = await api.call(method, input as ApiInput<typeof method>);
        if (isNewest()) patch(key, { data, error: null, loading: false }, areas);
        // The caller may use an overtaken answer: it is as fresh as when it was asked for.
        return data;
      } catch (error) {
        if (isNewest()) patch(key, { error: toClientError(error), loading: false }, areas);
        return null;
      }
    },
    invalidateArea(area) {
      set((state) => {
        const entries = { ...state.entries };
        for (const [key, entry] of Object.entries(entries)) if (entry.areas.includes(area)) entries[key] = { ...entry, stale: true };
        return { entries };
      });
    },
    reset() {
      generation++;
      latestRequest.clear();
      set({ entries: {} });
    },
  };
});

function cacheKey(method: ApiMethod, input: unknown): string {
  return `${method}|${JSON.stringify(input)}`;
}

export interface QueryState<M extends ApiMethod> {
  /** The newest answer; while another input loads it may still be the previous input's, so the screen does not go blank. */
  data: ApiOutput<M> | null;
  /** True when `data` answers the current input. */
  current: boolean;
  /** The last call for the current input failed (data may still hold an older answer). */
  error: ClientApiError | null;
  /** True until the first answer for the current input arrives, and while it is being fetched again. */
  loading: boolean;
  /** Loads again now; resolves with the answer (even if a newer call overtook it on screen), or null when it failed. */
  reload(): Promise<ApiOutput<M> | null>;
}

/**
 * Calls `method` with `input` and again whenever the input changes (compared as JSON) or the backend reports a change
 * in one of `areas` (the events arrive through api.subscribe in bootstrap.ts). Pages that read the same method and
 * input share one answer. Pass `enabled: false` to read nothing (e.g. a page the user may not open).
 */
export function useQuery<M extends ApiMethod>(
  method: M,
  input: ApiInput<M>,
  areas: readonly Area[],
  options: { enabled?: boolean; refreshOnMount?: boolean } = {},
): QueryState<M> {
  const enabled = options.enabled ?? true;
  const refreshOnMount = options.refreshOnMount ?? true;
  const key = cacheKey(method, input);
  const entry = useQueryCache((state) => state.entries[key]);
  const load = useQueryCache((state) => state.load);
  // The areas are compared by value, so callers may pass a new array literal on every render.
  const areasKey = areas.join(',');
  const missing = entry === undefined;
  const stale = entry?.stale ?? false;
  const loading = entry?.loading ?? false;
  /** The key this screen has asked for at least once: a remembered answer is shown at once and fetched again. */
  const askedFor = useRef<string | null>(null);

  const reload = useCallback(
    () => load(key, method, JSON.parse(key.slice(method.length + 1)), areasKey === '' ? [] : (areasKey.split(',') as Area[])) as Promise<ApiOutput<M> | null>,
    [load, key, method, areasKey],
  );

  // A layout effect: the call leaves before the browser paints the page's loading state.
  useLayoutEffect(() => {
    if (!enabled) return;
    const firstTime = askedFor.current !== key;
    askedFor.current = key;
    if (missing || (stale && !loading) || (firstTime && refreshOnMount && !loading)) void reload();
  }, [enabled, missing, stale, loading, refreshOnMount, key, reload]);

  // Stepping to a week not seen yet keeps the previous week's answer on screen until the new one arrives.
  // (React's "information from previous renders" pattern: state set while rendering, not a ref.)
  const [previous, setPrevious] = useState<ApiOutput<M> | null>(null);
  const data = (entry?.data ?? null) as ApiOutput<M> | null;
  if (data !== null && data !== previous) setPrevious(data);
  return {
    data: data ?? previous,
    current: data !== null && !entry?.error,
    error: entry?.error ?? null,
    loading: !entry || entry.loading,
    reload,
  };
}

/** The shared lists most pages read, and the areas whose changes make each one out of date. */
const LIST_AREAS = {
  'offices.list': ['offices', 'setup'],
  'staff.list': ['offices', 'staff', 'setup'],
  'users.list': ['staff', 'users', 'setup'],
  'settings.get': ['offices', 'settings', 'setup', 'sync'],
} as const satisfies Partial<Record<ApiMethod, readonly Area[]>>;
export type ListMethod = keyof typeof LIST_AREAS;

/** A shared list (offices, staff, users, settings) from the cache; loads it on first use and after every change. */
export function useList<M extends ListMethod>(method: M, enabled = true): QueryState<M> {
  return useQuery(method, {} as ApiInput<M>, LIST_AREAS[method], { enabled, refreshOnMount: false });
}

/** Loads a shared list again now (a "Prøv igjen" button). */
export function reloadList(method: ListMethod): Promise<unknown> {
  return useQueryCache.getState().load(cacheKey(method, {}), method, {}, LIST_AREAS[method]);
}

/** Tells the cache that an area changed (after a save on this window, or a change event from the backend). */
export function invalidateArea(area: Area): void {
  useQueryCache.getState().invalidateArea(area);
}
