/** A benchmark's report: plain-text tables, numbers, the machine it ran on, and its exit code. */
import { cpus, loadavg } from 'node:os';

/** A line of the report, on stdout. */
export const log = (line = '') => process.stdout.write(`${line}\n`);

/** A plain-text table, numbers right-aligned. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
export const whole = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-GB') : '-');

/** Cores and load average, so figures from a busy machine read as such. */
export function machineLine(): string {
  const [one, five] = loadavg();
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown cpu'}), load average ${one.toFixed(2)} / ${five.toFixed(2)} (1 / 5 min), node ${process.version}`;
}

/** Runs a benchmark's main and exits with its code; a throw prints its stack and exits 1. */
export function runBenchmark(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
