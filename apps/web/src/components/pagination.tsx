import { Link } from '@tanstack/react-router';

/**
 * GOV.UK pagination for a list of `total` items shown `pageSize` at a time. Pages travel in the
 * address (`?page=2`), so a page can be bookmarked and the back button works.
 */
export function Pagination({
  to,
  page,
  pageSize,
  total,
}: {
  /** The list's own path: the links keep its other search parameters. */
  to: string;
  page: number;
  pageSize: number;
  total: number;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const link = (target: number) => ({ to, search: (previous: Record<string, unknown>) => ({ ...previous, page: target }) });
  return (
    <nav className="govuk-pagination" aria-label="Pages">
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" rel="prev" {...link(page - 1)}>
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {pageNumbers(page, pages).map((number, index) =>
          number === null ? (
            <li className="govuk-pagination__item govuk-pagination__item--ellipses" key={`gap-${index}`}>
              ⋯
            </li>
          ) : (
            <li className={`govuk-pagination__item${number === page ? ' govuk-pagination__item--current' : ''}`} key={number}>
              <Link
                className="govuk-link govuk-pagination__link"
                aria-label={`Page ${number}`}
                aria-current={number === page ? 'page' : undefined}
                {...link(number)}
              >
                {number}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < pages ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" rel="next" {...link(page + 1)}>
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}

/** The first, the last and the pages either side of the current one; null where pages are skipped. */
export function pageNumbers(page: number, pages: number): (number | null)[] {
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  shown.forEach((n, index) => {
    if (index > 0 && n - shown[index - 1] > 1) out.push(null);
    out.push(n);
  });
  return out;
}
