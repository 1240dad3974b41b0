export type Direction = 'ascending' | 'descending';
export interface SortState<K extends string> {
  key: K;
  direction: Direction;
}

/**
 * Rows sorted by one column. Numbers sort as numbers and text as text (in English order); a missing
 * figure (null) always goes last, whichever the direction, so "not known" never tops a table.
 */
export function sortRows<R, K extends string>(rows: readonly R[], sort: SortState<K>, value: (row: R, key: K) => string | number | null): R[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: value(row, sort.key) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.index - b.index : a.v === null ? 1 : -1;
      const order = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v), 'en-GB');
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((entry) => entry.row);
}

/** Clicking a column header: a new column sorts ascending, the same column flips. */
export function nextSort<K extends string>(current: SortState<K>, key: K): SortState<K> {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
