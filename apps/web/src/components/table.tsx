import type { ReactNode } from 'react';

/**
 * A GOV.UK table with its caption (hidden where the page's heading already says it) and its
 * column headers; the body's rows are the caller's.
 */
export function Table({
  caption,
  captionClass = 'govuk-visually-hidden',
  heads,
  children,
}: {
  caption: string;
  captionClass?: string;
  heads: ReactNode[];
  children: ReactNode;
}) {
  return (
    <div className="app-table-scroll">
      <table className="govuk-table">
        <caption className={`govuk-table__caption ${captionClass}`}>{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {heads.map((head, index) => (
              <th scope="col" className="govuk-table__header" key={index}>
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
