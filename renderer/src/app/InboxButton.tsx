// The header's inbox button ("Innboks 3"): the number of lines waiting, reloaded with every change that can add one.
import { useInbox } from '../stores/inbox';
import { useT } from '../i18n';
import { useRouter } from './router';
import { hrefFor, parseRoute } from './routes';
import '../styles/inbox.css';

export function InboxButton() {
  const { t } = useT();
  const current = useRouter((state) => parseRoute(state.path).area === 'inbox');
  const inbox = useInbox();
  const count = inbox.data?.items.length ?? 0;
  return (
    <a className="button button--header" href={hrefFor('/inbox')} aria-current={current ? 'page' : undefined} aria-label={t('inbox.buttonLabel', { count })}>
      {t('inbox.button')}
      {count > 0 && <span className="header-inbox-count">{count}</span>}
    </a>
  );
}
