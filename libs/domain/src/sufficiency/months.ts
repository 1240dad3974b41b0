/**
 * Month arithmetic on calendar days (`YYYY-MM-DD`) and months (`YYYY-MM`), as the sufficiency
 * reports and the demand forecast count them: a month is whole once its last day has passed.
 */

/** The first day of the month of `day`. */
export function firstOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month `count` months after the month of `day` (YYYY-MM-DD). */
export function addMonths(day: string, count: number): string {
  const [year, month] = day.split('-').map(Number);
  const index = year * 12 + (month - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** The `months` whole months before today's: from the 1st of the first to the last day of the last. */
export function lastCompleteMonths(today: string, months: number): { from: string; to: string } {
  const firstOfThisMonth = new Date(`${firstOfMonth(today)}T12:00:00Z`);
  const to = new Date(firstOfThisMonth.getTime() - 86_400_000).toISOString().slice(0, 10);
  const start = new Date(firstOfThisMonth);
  start.setUTCMonth(start.getUTCMonth() - months);
  return { from: start.toISOString().slice(0, 10), to };
}
