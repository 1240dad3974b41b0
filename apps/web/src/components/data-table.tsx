import type { ReactNode } from 'react';
import { Table } from './table';

export interface Column {
  header: ReactNode;
  /** Right-aligned, as GOV.UK sets numbers. */
  numeric?: boolean;
}

/** A GOV.UK table with its caption; `rows` are cells in the order of `columns`, the first a row header. */
export function DataTable({
  caption,
  captionClass = 'govuk-table__caption--m',
  columns,
  rows,
}: {
  caption: ReactNode;
  captionClass?: string;
  columns: Column[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  const numeric = (index: number) => (columns[index]?.numeric ? ' govuk-table__cell--numeric' : '');
  return (
    <Table
      caption={caption}
      captionClass={captionClass}
      heads={columns.map((column) => column.header)}
      numeric={(index) => Boolean(columns[index]?.numeric)}
    >
      {rows.map((row) => (
        <tr className="govuk-table__row" key={row.key}>
          {row.cells.map((cell, index) =>
            index === 0 ? (
              <th scope="row" className={`govuk-table__header${numeric(index).replace('cell', 'header')}`} key={index}>
                {cell}
              </th>
            ) : (
              <td className={`govuk-table__cell${numeric(index)}`} key={index}>
                {cell}
              </td>
            ),
          )}
        </tr>
      ))}
    </Table>
  );
}
