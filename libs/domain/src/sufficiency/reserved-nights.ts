/**
 * How many bed-nights a reserved (block or remand) vacancy stood empty within a period, and what
 * they cost. The night of a day is the night that begins on it; a night counts once it has begun
 * and passed, so today's night is not counted yet.
 */

/** A placement made into the vacancy: it took `beds` from `startDate`, and gave them back on `freedOn` if it did. */
export interface ReservedFill {
  startDate: string;
  beds: number;
  freedOn: string | null;
}

export interface ReservedVacancyHistory {
  /** Beds free now. */
  beds: number;
  availableFrom: string;
  /** The last day the vacancy is available on; open-ended when null. */
  availableUntil: string | null;
  /** The day it was withdrawn; its night and later are not counted. */
  withdrawnOn: string | null;
  fills: readonly ReservedFill[];
}

export interface ReservedNights {
  /** Beds reserved: those free now and those placements still hold. */
  beds: number;
  /** Bed-nights the vacancy stood open and empty within the period, up to last night. */
  nightsEmpty: number;
}

const DAY_MS = 86_400_000;
/** A calendar day (`YYYY-MM-DD`) as a whole number of days. */
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** The nights of [start, end) that fall in [windowStart, windowEnd). */
const overlap = (start: number, end: number, windowStart: number, windowEnd: number) =>
  Math.max(0, Math.min(end, windowEnd) - Math.max(start, windowStart));

export function reservedNights(vacancy: ReservedVacancyHistory, period: { from: string; to: string }, today: string): ReservedNights {
  const held = vacancy.fills.filter((fill) => fill.freedOn === null).reduce((sum, fill) => sum + fill.beds, 0);
  const beds = vacancy.beds + held;
  const start = Math.max(dayNumber(vacancy.availableFrom), dayNumber(period.from));
  const ends = [dayNumber(period.to) + 1, dayNumber(today)];
  if (vacancy.availableUntil) ends.push(dayNumber(vacancy.availableUntil) + 1);
  if (vacancy.withdrawnOn) ends.push(dayNumber(vacancy.withdrawnOn));
  const end = Math.min(...ends);
  if (end <= start) return { beds, nightsEmpty: 0 };
  const occupied = vacancy.fills.reduce(
    (sum, fill) => sum + fill.beds * overlap(dayNumber(fill.startDate), fill.freedOn ? dayNumber(fill.freedOn) : Infinity, start, end),
    0,
  );
  return { beds, nightsEmpty: Math.max(0, beds * (end - start) - occupied) };
}

/** The cost of empty bed-nights at a weekly cost per bed, in whole pounds. */
export const emptyNightsCost = (nightsEmpty: number, weeklyCost: number) => Math.round((nightsEmpty * weeklyCost) / 7);
