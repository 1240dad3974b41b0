/**
 * RFC 4180 CSV: a header row, then one line per row, CRLF line ends. A field is quoted when it
 * holds a comma, a quote or a line break; null and undefined are empty fields.
 */
export function toCsv<T extends object>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  const line = (values: readonly unknown[]) => values.map(field).join(',');
  return [line(columns), ...rows.map((row) => line(columns.map((column) => row[column])))].join('\r\n') + '\r\n';
}

function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
