// Page building blocks: the focused <h1>, the one-off confirmation after a save, notices, load failures and no-access.
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

export function LoadError({ error, onRetry }: { error: ClientApiError; onRetry?: () => void }) {
  const { t, errorText } = useT();
  return (
    <Notice kind="error" role="alert" title={t('page.loadFailed')}>
      <p>{errorText(error)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </Notice>
  );
}

export function NoAccess() {
  const { t } = useT();
  return (
    <section>
      <PageTitle>{t('page.noAccessTitle')}</PageTitle>
      <Notice kind="warning">
        <p>{t('page.noAccessText')}</p>
      </Notice>
    </section>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="empty-state">{children}</div>;
}
