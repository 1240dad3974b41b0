/**
 * A vacancy its provider has not confirmed for a while may no longer be free: it is "stale". A
 * stale vacancy still matches, but ranks below an equally scored fresh one, and never counts as
 * emergency-ready: a child placed tonight must not be sent to a bed nobody has vouched for this week.
 *
 * Staleness is counted in whole days in England, so the worker's in-memory index and a Postgres
 * read agree on it for the whole of a day, and it changes only when the day turns.
 */

/** Days without confirmation after which a vacancy is stale, unless configured otherwise. */
export const DEFAULT_VACANCY_STALE_DAYS = 7;

const DAY_MS = 86_400_000;

/** A calendar day `YYYY-MM-DD` as a whole number of days since 1970-01-01. */
export function dayNumberOf(day: string): number {
  return Math.floor(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS);
}

/** `day` moved by `days` (negative: earlier). */
export function addCalendarDays(day: string, days: number): string {
  return new Date((dayNumberOf(day) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from the day a vacancy was last confirmed to `today`; 0 when confirmed today. */
export function daysUnconfirmed(confirmedOn: string, today: string): number {
  return Math.max(0, dayNumberOf(today) - dayNumberOf(confirmedOn));
}

/** Stale once `staleDays` whole days have passed without confirmation. */
export function isStaleAfter(daysWithoutConfirmation: number, staleDays: number): boolean {
  return daysWithoutConfirmation >= staleDays;
}

/**
 * The earliest confirmation day that is still fresh on `today`: a vacancy confirmed before it is
 * stale. Matching compares each vacancy's `confirmedOn` with it as a string.
 */
export function freshFrom(today: string, staleDays: number): string {
  return addCalendarDays(today, -(staleDays - 1));
}

/** Whether a vacancy confirmed on `confirmedOn` (absent: treated as fresh) is stale for a referral matched with `fresh`. */
export function isStaleVacancy(confirmedOn: string | undefined, fresh: string | null | undefined): boolean {
  return fresh != null && confirmedOn !== undefined && confirmedOn < fresh;
}

/**
 * The order of two equally scored vacancies: a fresh one before a stale one, then by id. A tie-break
 * rather than a penalty on the score, so a score stays the sum of its explained parts and a stale
 * bed that fits far better still ranks above a fresh one that barely fits.
 */
export function compareFreshness(stale: boolean, otherStale: boolean, id: string, otherId: string): number {
  if (stale !== otherStale) return stale ? 1 : -1;
  return id < otherId ? -1 : id > otherId ? 1 : 0;
}
