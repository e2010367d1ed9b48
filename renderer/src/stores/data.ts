// Cached lists from the backend (offices, staff, users, settings), refreshed when the backend says an area changed.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { ApiMethod, ApiOutput } from '../../../backend/api-types';
import { api } from '../api/client';
import { toClientError } from '../api/errors';
import type { ClientApiError } from '../api/errors';

export const RESOURCE_METHODS = ['offices.list', 'staff.list', 'users.list', 'settings.get'] as const satisfies readonly ApiMethod[];
export type ResourceMethod = (typeof RESOURCE_METHODS)[number];

export interface ResourceEntry<M extends ResourceMethod> {
  /** The last data received; kept while a refresh is under way so lists do not flicker. */
  data: ApiOutput<M> | null;
  error: ClientApiError | null;
  loading: boolean;
  stale: boolean;
}

/** Which cached lists a 'data.changed' event for an area makes stale. */
export const AREA_RESOURCES: Record<string, readonly ResourceMethod[]> = {
  offices: ['offices.list', 'settings.get', 'staff.list'],
  staff: ['staff.list', 'users.list'],
  users: ['users.list'],
  settings: ['settings.get'],
  setup: RESOURCE_METHODS,
  rota: [],
};

type Entries = { [M in ResourceMethod]?: ResourceEntry<M> };

interface DataState {
  entries: Entries;
  /** Bumped for an area on every 'data.changed' event, so screens with their own queries (useQuery) reload. */
  versions: Record<string, number>;
  load(method: ResourceMethod): Promise<void>;
  invalidateArea(area: string): void;
  invalidate(...methods: ResourceMethod[]): void;
  reset(): void;
}

let generation = 0;
/** Bumped on sign-out so answers to the previous user's requests are dropped. */
let generationAtReset = 0;
const latestRequest = new Map<ResourceMethod, number>();

export const useData = create<DataState>((set, get) => {
  function patch<M extends ResourceMethod>(method: M, values: Partial<ResourceEntry<M>>) {
    set((state) => {
      const previous = (state.entries[method] ?? { data: null, error: null, loading: false, stale: true }) as ResourceEntry<M>;
      return { entries: { ...state.entries, [method]: { ...previous, ...values } } };
    });
  }

  return {
    entries: {},
    versions: {},
    async load(method) {
      const request = ++generation;
      latestRequest.set(method, request);
      const startedIn = generationAtReset;
      patch(method, { loading: true });
      try {
        const data = await api.call(method, {});
        if (latestRequest.get(method) !== request || startedIn !== generationAtReset) return;
        patch(method, { data, error: null, loading: false, stale: false });
      } catch (error) {
        if (latestRequest.get(method) !== request || startedIn !== generationAtReset) return;
        patch(method, { error: toClientError(error), loading: false, stale: false });
      }
    },
    invalidateArea(area) {
      set((state) => ({ versions: { ...state.versions, [area]: (state.versions[area] ?? 0) + 1 } }));
      get().invalidate(...(AREA_RESOURCES[area] ?? []));
    },
    invalidate(...methods) {
      set((state) => {
        const entries: Entries = { ...state.entries };
        for (const method of methods) {
          const entry = entries[method];
          if (entry) (entries as Record<ResourceMethod, ResourceEntry<ResourceMethod>>)[method] = { ...entry, stale: true };
        }
        return { entries };
      });
    },
    reset() {
      generationAtReset++;
      latestRequest.clear();
      set({ entries: {} });
    },
  };
});

const EMPTY_ENTRY = { data: null, error: null, loading: true, stale: true } as const;

/** A cached list; loads it on first use and again whenever it becomes stale. Pass enabled=false to skip loading. */
export function useResource<M extends ResourceMethod>(method: M, enabled = true): ResourceEntry<M> {
  const entry = useData((state) => state.entries[method]) as ResourceEntry<M> | undefined;
  const load = useData((state) => state.load);
  useEffect(() => {
    if (!enabled) return;
    if (!entry || (entry.stale && !entry.loading)) void load(method);
  }, [enabled, entry, load, method]);
  return entry ?? EMPTY_ENTRY;
}
