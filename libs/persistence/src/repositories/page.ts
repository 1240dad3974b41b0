import type { DataSource } from 'typeorm';

/** One page of a list, and how many the list holds in all. */
export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * Reads a page of `SELECT <select> <from> ORDER BY <orderBy>` and counts `<from>`: both statements
 * share the FROM and WHERE, so the total counts exactly what is listed. `params` are the ones
 * `from` uses ($1…); the page's limit and offset follow them.
 */
export async function readPage<T>(
  dataSource: DataSource,
  query: { select: string; from: string; orderBy: string; params: unknown[] },
  page: { limit: number; offset: number },
): Promise<Page<T>> {
  const { select, from, orderBy, params } = query;
  const [items, [{ total }]] = await Promise.all([
    dataSource.query(`SELECT ${select} ${from} ORDER BY ${orderBy} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
      ...params,
      page.limit,
      page.offset,
    ]),
    dataSource.query(`SELECT count(*)::int AS total ${from}`, params),
  ]);
  return { items, total };
}

const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** An ILIKE pattern for `text` anywhere, its own `%`, `_` and `\` taken literally. */
export const containing = (text: string) => `%${literal(text)}%`;

/** A LIKE pattern for values that start with `text`, taken literally. */
export const startingWith = (text: string) => `${literal(text)}%`;
