import type { Response } from 'express';

/**
 * RFC 4180 CSV: a header row, then one line per row, CRLF line ends. A field is quoted when it
 * holds a comma, a quote or a line break; null and undefined are empty fields; text that would
 * start a spreadsheet formula is prefixed with a quote mark (numbers are written as they are).
 */
export function toCsv<T extends object>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  const line = (values: readonly unknown[]) => values.map(field).join(',');
  return [line(columns), ...rows.map((row) => line(columns.map((column) => row[column])))].join('\r\n') + '\r\n';
}

/** A report as a CSV file: the name it downloads as (without `.csv`) and its text. */
export interface CsvFile {
  filename: string;
  text: string;
}

export function csvFile<T extends object>(filename: string, columns: readonly (keyof T & string)[], rows: readonly T[]): CsvFile {
  return { filename, text: toCsv(columns, rows) };
}

/**
 * Sends `file` as CSV, named for download. The type is set here, once the report is made, so that
 * a refusal on the way (a 400, a 404) goes out as the JSON error it is.
 */
export function sendCsv(response: Response, file: CsvFile): string {
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${file.filename}.csv"`);
  return file.text;
}

/**
 * Text a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a tab or carriage return before
 * one): a provider's name such as `=HYPERLINK(...)` must open in Excel as the text it is.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
