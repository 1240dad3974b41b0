import type { ReactNode } from 'react';

/**
 * A GOV.UK table with its caption (hidden where the page's heading already says it) and its
 * column headers; the body's rows are the caller's. `numeric` right-aligns a column's header, as
 * GOV.UK sets numbers.
 */
export function Table({
  caption,
  captionClass = 'govuk-visually-hidden',
  heads,
  numeric,
  children,
}: {
  caption: ReactNode;
  captionClass?: string;
  heads: ReactNode[];
  numeric?: (index: number) => boolean;
  children: ReactNode;
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
                key={index}
              >
                {head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">{children}</tbody>
      </table>
    </div>
  );
}
