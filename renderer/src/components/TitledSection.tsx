// A page section named by its own <h2> (aria-labelledby), optionally with controls beside the heading.
import type { ReactNode } from 'react';

interface TitledSectionProps {
  /** The heading's id; the section refers to it. */
  titleId: string;
  title: string;
  className?: string;
  /** Shown beside the heading in a `.section-header` row (a version picker, a reset button). */
  aside?: ReactNode;
  children: ReactNode;
}

export function TitledSection({ titleId, title, className, aside, children }: TitledSectionProps) {
  const heading = <h2 id={titleId}>{title}</h2>;
  return (
    <section className={className} aria-labelledby={titleId}>
      {aside ? (
        <div className="section-header">
          {heading}
          {aside}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
