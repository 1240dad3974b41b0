/** Whole years between a date of birth and a date, as a birthday counts them. Dates are `YYYY-MM-DD`. */
export function ageInYears(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.slice(0, 10).split('-').map(Number);
  const [y, m, d] = on.slice(0, 10).split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

// Built once: constructing an Intl formatter costs about a hundred times more than using one.
const ENGLAND_CALENDAR_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** Today's date in England as `YYYY-MM-DD` (placement dates are local calendar dates). */
export function todayInEngland(now: Date = new Date()): string {
  return ENGLAND_CALENDAR_DAY.format(now);
}
