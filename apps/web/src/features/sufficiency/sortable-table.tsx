import { useState, type ReactNode } from 'react';
import { Table } from '../../components/table';
import { nextSort, sortRows, type SortState } from './sort';

export interface Column<R, K extends string> {
  key: K;
  label: string;
  numeric?: boolean;
  value: (row: R) => string | number | null;
  show?: (row: R) => ReactNode;
}

/**
 * A GOV.UK table sorted by a click on a column's header; the sorted column carries `aria-sort`, as
 * the Design System's sortable table does. The totals row, when given, stays at the foot.
 */
export function SortableTable<R, K extends string>({
  caption,
  columns,
  rows,
  rowKey,
  totals,
  initial,
}: {
  caption: string;
  columns: Column<R, K>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  totals?: ReactNode[];
  initial: SortState<K>;
}) {
  const [sort, setSort] = useState(initial);
  const byKey = new Map(columns.map((column) => [column.key, column]));
  const sorted = sortRows(rows, sort, (row, key) => byKey.get(key)!.value(row));
  const cell = (numeric?: boolean) => `govuk-table__cell${numeric ? ' govuk-table__cell--numeric' : ''}`;
  return (
    <Table
      caption={caption}
      captionClass="govuk-table__caption--m"
      heads={columns.map((column) => (
        <button type="button" className="app-link-button" onClick={() => setSort(nextSort(sort, column.key))}>
          {column.label}
        </button>
      ))}
      numeric={(index) => Boolean(columns[index].numeric)}
      sort={(index) => (sort.key === columns[index].key ? sort.direction : 'none')}
      foot={
        totals ? (
          <tfoot>
            <tr className="govuk-table__row">
              {totals.map((total, index) => (
                <td className={`${cell(columns[index]?.numeric)} govuk-!-font-weight-bold`} key={index}>
                  {total}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null
      }
    >
      {sorted.map((row) => (
        <tr className="govuk-table__row" key={rowKey(row)}>
          {columns.map((column) => (
            <td className={cell(column.numeric)} key={column.key}>
              {column.show ? column.show(row) : (column.value(row) ?? 'Not known')}
            </td>
          ))}
        </tr>
      ))}
    </Table>
  );
}
