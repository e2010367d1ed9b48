// A register's list page (offices, staff, users): title with a "Ny …" link, the one-off message after a save, an intro, and the list's load states.
import type { ReactNode } from 'react';
import { FlashMessage, Loaded, PageHeader } from './page';
import type { LoadedQuery } from './page';

interface ListPageProps<T> {
  title: string;
  /** The "Nytt kontor" button (a link to the new item's form); left out for readers who may not add. */
  newLink?: { href: string; label: string } | false;
  intro: string;
  query: LoadedQuery<T[]>;
  /** What to say (and offer) when the list is empty. */
  empty: ReactNode;
  /** The list itself, once loaded and not empty. */
  children: (items: T[]) => ReactNode;
}

export function ListPage<T>({ title, newLink, intro, query, empty, children }: ListPageProps<T>) {
  return (
    <section>
      <PageHeader
        title={title}
        actions={
          newLink && (
            <a className="button button--primary" href={newLink.href}>
              {newLink.label}
            </a>
          )
        }
      />
      <FlashMessage />
      <p className="page-intro">{intro}</p>
      <Loaded query={query} empty={empty}>
        {children}
      </Loaded>
    </section>
  );
}
