/**
 * RFC 4180 CSV text for a download made in the browser, as the api writes its own: a header row,
 * CRLF line ends, a field quoted when it holds a comma, a quote or a line break, and text a
 * spreadsheet would read as a formula prefixed with a quote mark. Null is an empty field.
 */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const line = (values: readonly (string | number | null)[]) => values.map(field).join(',');
  return [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}

const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
