import type { ReactNode } from 'react';

export interface SummaryRow {
  key: ReactNode;
  value: ReactNode;
  /** A "Change" link or similar, with hidden text naming what it changes. */
  action?: ReactNode;
}

/** GOV.UK summary list: what we know, one row a fact. Rows with no value are left out. */
export function SummaryList({ rows, noBorder }: { rows: SummaryRow[]; noBorder?: boolean }) {
  const shown = rows.filter((row) => row.value !== null && row.value !== undefined && row.value !== '');
  const anyAction = shown.some((row) => row.action);
  return (
    <dl className={`govuk-summary-list${noBorder ? ' govuk-summary-list--no-border' : ''}`}>
      {shown.map((row, index) => (
        <div
          className={`govuk-summary-list__row${anyAction && !row.action ? ' govuk-summary-list__row--no-actions' : ''}`}
          key={index}
        >
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.action ? <dd className="govuk-summary-list__actions">{row.action}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

/**
 * GOV.UK summary card: a summary list under a title, with the card's own actions. An article, so
 * a screen reader can move from card to card by the title.
 */
export function SummaryCard({
  id,
  title,
  tag,
  actions = [],
  children,
}: {
  id: string;
  title: ReactNode;
  tag?: ReactNode;
  actions?: ReactNode[];
  children: ReactNode;
}) {
  return (
    <article className="govuk-summary-card" aria-labelledby={`${id}-title`}>
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title" id={`${id}-title`}>
          {title} {tag}
        </h2>
        {actions.length > 0 ? (
          <ul className="govuk-summary-card__actions">
            {actions.map((action, index) => (
              <li className="govuk-summary-card__action" key={index}>
                {action}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">{children}</div>
    </article>
  );
}

/** A summary row's value that is a list: one line each, or `none` when there is nothing. */
export function ListValue({ items, none }: { items: ReactNode[]; none: string }) {
  if (items.length === 0) return <>{none}</>;
  return (
    <ul className="govuk-list">
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}
