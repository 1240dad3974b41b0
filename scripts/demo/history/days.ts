/** Days of the history: whole days since 1970-01-01, and England's local times as `YYYY-MM-DD HH:MM:SS`. */
export const DAY_MS = 86_400_000;
export const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoDays = new Map<number, string>();
export const isoOf = (day: number) => {
  let iso = isoDays.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoDays.set(day, iso);
  }
  return iso;
};
export const weekdayOf = (day: number) => new Date(day * DAY_MS).getUTCDay(); // 0 Sunday

export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export const at = (day: number, minutes: number) => {
  const m = Math.max(0, Math.min(24 * 60 - 1, Math.round(minutes)));
  return `${isoOf(day)} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
};

/** The DfE reporting year a day falls in: April to March, named by the year it ends. */
export const reportingYear = (day: number) => {
  const date = new Date(day * DAY_MS);
  return date.getUTCFullYear() + (date.getUTCMonth() >= 3 ? 1 : 0);
};
