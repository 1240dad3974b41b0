import type { AriaAttributes, ReactNode } from 'react';

/**
 * A GOV.UK table with its caption (hidden where the page's heading already says it) and its
 * column headers; the body's rows are the caller's. `numeric` right-aligns a column's header, as
 * GOV.UK sets numbers; `sort` gives a sortable table's headers their `aria-sort`.
 */
export function Table({
  caption,
  captionClass = 'govuk-visually-hidden',
  heads,
  numeric,
  sort,
  children,
  foot,
}: {
  caption: ReactNode;
  captionClass?: string;
  heads: ReactNode[];
  numeric?: (index: number) => boolean;
  sort?: (index: number) => AriaAttributes['aria-sort'];
  children: ReactNode;
  /** A <tfoot>, such as totals, kept below the body's rows whatever their order. */
  foot?: ReactNode;
}) {
  return (
    <div className="app-table-scroll">
      <table className="govuk-table">
        <caption className={`govuk-table__caption ${captionClass}`}>{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {heads.map((head, index) => (
              <th
                scope="col"
                className={`govuk-table__header${numeric?.(index) ? ' govuk-table__header--numeric' : ''}`}
                aria-sort={sort?.(index)}
                key={index}
              >
                {head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">{children}</tbody>
        {foot}
      </table>
    </div>
  );
}
