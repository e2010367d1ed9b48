// Page building blocks: the focused <h1>, the one-off confirmation after a save, notices, load failures, loading and empty states, not found and no-access.
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import type { ClientApiError } from '../api/errors';
import { useRouter } from '../app/router';
import { useT } from '../i18n';

/** The page's <h1>; takes focus when the page opens so screen readers announce the new page. */
export function PageTitle({ children, focusOnMount = true, id }: { children: string; focusOnMount?: boolean; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} – Samvakt`;
  }, [children]);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus({ preventScroll: true });
  }, [focusOnMount]);
  return (
    <h1 ref={ref} tabIndex={-1} id={id}>
      {children}
    </h1>
  );
}

export function PageHeader({ title, actions }: { title: string; actions?: ReactNode }) {
  return (
    <div className="page-header">
      <PageTitle>{title}</PageTitle>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}

/** Shows the router's one-off message (e.g. "Kontoret er lagret."). */
export function FlashMessage() {
  const { t } = useT();
  const flash = useRouter((state) => state.flash);
  if (!flash) return null;
  return (
    <Notice kind="success" role="status">
      {t(flash.key, flash.params)}
    </Notice>
  );
}

const NOTICE_ICONS = { info: 'ℹ', success: '✓', warning: '⚠', error: '⚠' } as const;

export function Notice({
  kind,
  children,
  role,
  title,
}: {
  kind: keyof typeof NOTICE_ICONS;
  children: ReactNode;
  role?: 'status' | 'alert';
  title?: string;
}) {
  return (
    <div className={`notice notice--${kind}`} role={role}>
      <span className="notice-icon" aria-hidden="true">
        {NOTICE_ICONS[kind]}
      </span>
      <div className="notice-body">
        {title && <p className="notice-title">{title}</p>}
        {children}
      </div>
    </div>
  );
}

export function Loading() {
  const { t } = useT();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** A failed call's message in a red notice (role="alert"), under an optional title such as "Ikke slettet". */
export function ErrorNotice({ error, title, children }: { error: ClientApiError; title?: string; children?: ReactNode }) {
  const { errorText } = useT();
  return (
    <Notice kind="error" role="alert" title={title}>
      <p>{errorText(error)}</p>
      {children}
    </Notice>
  );
}

export function LoadError({ error, onRetry }: { error: ClientApiError; onRetry?: () => void }) {
  const { t } = useT();
  return (
    <ErrorNotice error={error} title={t('page.loadFailed')}>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </ErrorNotice>
  );
}

/** What a screen's data (a useQuery/useList answer) offers to Loaded. */
export interface LoadedQuery<T> {
  data: T | null;
  error: ClientApiError | null;
  reload(): Promise<unknown>;
}

/**
 * A query's states in the usual order: its load error with "Prøv igjen" (also over an older answer), "Laster …" until
 * the first answer, `empty` for an answer that is an empty list, else `children` with the data.
 */
export function Loaded<T>({ query, empty, children }: { query: LoadedQuery<T>; empty?: ReactNode; children: (data: T) => ReactNode }) {
  const { data, error } = query;
  return (
    <>
      {error && <LoadError error={error} onRetry={() => void query.reload()} />}
      {data === null && !error && <Loading />}
      {data !== null && (empty !== undefined && Array.isArray(data) && data.length === 0 ? <EmptyState>{empty}</EmptyState> : children(data))}
    </>
  );
}

/** Content shown while a newer answer is on its way (another week, a change elsewhere): dimmed and marked busy. */
export function Refreshing({ current, className, children }: { current: boolean; className?: string; children: ReactNode }) {
  const classes = [className, current ? null : 'is-updating'].filter(Boolean).join(' ');
  return (
    <div className={classes || undefined} aria-busy={!current}>
      {children}
    </div>
  );
}

/** A whole page that could not load: its title and the failure with "Prøv igjen". */
export function PageLoadError({ title, error, onRetry }: { title: string; error: ClientApiError; onRetry: () => void }) {
  return (
    <section>
      <PageTitle>{title}</PageTitle>
      <LoadError error={error} onRetry={onRetry} />
    </section>
  );
}

/** A page with nothing to show and why: no access, or something that does not exist (deleted elsewhere, a mistyped address), with a way back. */
export function PageUnavailable({ title, text, back }: { title: string; text: string; back?: { href: string; label: string } }) {
  return (
    <section>
      <PageTitle>{title}</PageTitle>
      <Notice kind="warning">
        <p>{text}</p>
      </Notice>
      {back && (
        <p>
          <a href={back.href}>{back.label}</a>
        </p>
      )}
    </section>
  );
}

export function NoAccess() {
  const { t } = useT();
  return <PageUnavailable title={t('page.noAccessTitle')} text={t('page.noAccessText')} />;
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="empty-state">{children}</div>;
}
