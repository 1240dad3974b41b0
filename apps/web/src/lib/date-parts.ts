/** A GOV.UK date input's three boxes, as typed. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

/** `2026-12-03` -> {day: "3", month: "12", year: "2026"}; nothing -> empty boxes. */
export function partsFromDate(value: string | null | undefined): DateParts {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!match) return EMPTY_DATE;
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] };
}

export const isBlankDate = (parts: DateParts) => !parts.day.trim() && !parts.month.trim() && !parts.year.trim();

/** The boxes as `YYYY-MM-DD`, or null when they do not make a real date (31 February, a 2-digit year). */
export function dateFromParts(parts: DateParts): string | null {
  const [day, month, year] = [parts.day, parts.month, parts.year].map((part) => part.trim());
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return null;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}
