// Screen data that is not a cached list (one rota week, one overview week): one call per input, reloaded on 'data.changed'.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../backend/api-types';
import { api } from '../api/client';
import { toClientError } from '../api/errors';
import type { ClientApiError } from '../api/errors';
import { useData } from './data';
import { useSession } from './session';

export interface QueryState<M extends ApiMethod> {
  /** The newest answer; while another input loads it may still be the previous input's, so the screen does not go blank. */
  data: ApiOutput<M> | null;
  /** True when `data` answers the current input. */
  current: boolean;
  /** The last call for the current input failed (data may still hold an older answer). */
  error: ClientApiError | null;
  /** Loads again now; resolves with the answer (even if a newer call overtook it on screen), or null when it failed. */
  reload(): Promise<ApiOutput<M> | null>;
}

interface Answer<M extends ApiMethod> {
  key: string;
  data: ApiOutput<M> | null;
  error: ClientApiError | null;
}

/**
 * Recent answers per user, method and input, so reopening a page or stepping back to a week shows it at once while it
 * is fetched again. An answer is only reused while no change event arrived for its areas since (same version sum).
 */
const recent = new Map<string, { version: number; data: unknown }>();
const RECENT_LIMIT = 24;

function remember(cacheKey: string, version: number, data: unknown) {
  recent.delete(cacheKey);
  recent.set(cacheKey, { version, data });
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value!);
}

/**
 * Calls `method` with `input` and again whenever the input changes (compared as JSON) or the backend reports a change
 * in one of `areas` (the events arrive through api.subscribe in bootstrap.ts and bump useData's area versions).
 * Only the newest call's answer is kept, so a slow answer for last week never replaces this week's.
 */
export function useQuery<M extends ApiMethod>(method: M, input: ApiInput<M>, areas: readonly string[]): QueryState<M> {
  const key = JSON.stringify(input);
  const version = useData((state) => areas.reduce((sum, area) => sum + (state.versions[area] ?? 0), 0));
  const userId = useSession((state) => state.user?.userId ?? '');
  const cacheKey = `${userId}|${method}|${key}`;
  const [answer, setAnswer] = useState<Answer<M>>({ key: '', data: null, error: null });
  const latest = useRef(0);

  const load = useCallback(
    async (forKey: string, forCacheKey: string, forVersion: number): Promise<ApiOutput<M> | null> => {
      const request = ++latest.current;
      try {
        const data = await api.call(method, JSON.parse(forKey) as ApiInput<M>);
        remember(forCacheKey, forVersion, data);
        // An overtaken answer is not shown (a newer one is on its way), but the caller may still use it: it is as fresh as when asked.
        if (request === latest.current) setAnswer({ key: forKey, data, error: null });
        return data;
      } catch (error) {
        if (request !== latest.current) return null;
        setAnswer((previous) => ({ key: forKey, data: previous.data, error: toClientError(error) }));
        return null;
      }
    },
    [method],
  );

  // A layout effect: the call leaves before the browser paints the page's loading state.
  useLayoutEffect(() => {
    void load(key, cacheKey, version);
  }, [load, key, cacheKey, version]);

  useEffect(
    () => () => {
      // Answers that arrive after the screen closed are dropped.
      latest.current = -1;
    },
    [],
  );

  const reload = useCallback(() => load(key, cacheKey, version), [load, key, cacheKey, version]);
  // Opening a page or stepping to a week seen moments ago shows the remembered answer at once; the call brings it up to date.
  const hit = answer.key === key ? undefined : recent.get(cacheKey);
  const shown: Answer<M> = hit && hit.version === version ? { key, data: hit.data as ApiOutput<M>, error: null } : answer;
  return {
    data: shown.data,
    current: shown.key === key && shown.data !== null && shown.error === null,
    error: shown.key === key ? shown.error : null,
    reload,
  };
}
