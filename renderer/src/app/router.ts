// A tiny router: the current path lives in zustand and mirrors the URL hash, so links, Back and reload work.
import { create } from 'zustand';
import type { MessageKey, MessageParams } from '../i18n';
import { normalisePath } from './routes';

/** A one-off confirmation ("Kontoret er lagret") shown on the page navigated to. */
export interface Flash {
  key: MessageKey;
  params?: MessageParams;
}

interface RouterState {
  path: string;
  flash: Flash | null;
  navigate(path: string, options?: { flash?: Flash; replace?: boolean }): void;
}

function currentHashPath(): string {
  return typeof window === 'undefined' ? normalisePath('') : normalisePath(window.location.hash);
}

export const useRouter = create<RouterState>((set) => ({
  path: currentHashPath(),
  flash: null,
  navigate(path, options = {}) {
    const next = normalisePath(path);
    if (typeof window !== 'undefined' && window.location.hash !== `#${next}`) {
      // pushState does not fire hashchange, so the listener below only sees the user's own navigation.
      if (options.replace) window.history.replaceState(null, '', `#${next}`);
      else window.history.pushState(null, '', `#${next}`);
    }
    set({ path: next, flash: options.flash ?? null });
  },
}));

export function navigate(path: string, options?: { flash?: Flash; replace?: boolean }): void {
  useRouter.getState().navigate(path, options);
}

/** Follows links (<a href="#/…">) and the Back/Forward buttons. */
export function startRouter(): () => void {
  const sync = () => {
    // In-page anchors (e.g. '#main') are not routes: stay on the current page.
    if (window.location.hash !== '' && !window.location.hash.startsWith('#/')) return;
    const path = currentHashPath();
    if (path !== useRouter.getState().path) useRouter.setState({ path, flash: null });
  };
  sync();
  window.addEventListener('hashchange', sync);
  window.addEventListener('popstate', sync);
  return () => {
    window.removeEventListener('hashchange', sync);
    window.removeEventListener('popstate', sync);
  };
}
