// A data table with its caption and one header row from a column list, so pages write only their rows.
import type { ReactNode } from 'react';

/** A column heading: its text, or the text with a class; `hidden` keeps it for screen readers only (an actions column). */
export type Column = string | { label: string; className?: string; hidden?: boolean };

interface DataTableProps {
  /** The table's accessible name. */
  caption?: string;
  /** Shows the caption; by default it is for screen readers only (the section heading says the same). */
  showCaption?: boolean;
  /** Column headings; `false` and `null` leave a column out (one shown only to some users). */
  columns: readonly (Column | false | null)[];
  className?: string;
  /** Wraps the table in `.table-wrap` so a wide one scrolls on its own (the default). */
  wrap?: boolean;
  /** The rows: `<tr>` elements. */
  children: ReactNode;
  /** Rows for a `<tfoot>` (totals). */
  foot?: ReactNode;
}

export function DataTable({ caption, showCaption = false, columns, className = 'table', wrap = true, children, foot }: DataTableProps) {
  const table = (
    <table className={className}>
      {caption !== undefined && <caption className={showCaption ? undefined : 'visually-hidden'}>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column, index) => {
            if (column === false || column === null) return null;
            const { label, className: columnClass, hidden } = typeof column === 'string' ? { label: column, className: undefined, hidden: false } : column;
            return (
              <th scope="col" key={index} className={columnClass}>
                {hidden ? <span className="visually-hidden">{label}</span> : label}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>{children}</tbody>
      {foot && <tfoot>{foot}</tfoot>}
    </table>
  );
  return wrap ? <div className="table-wrap">{table}</div> : table;
}
