/** Formatting for people: dates in the GOV.UK style, money in whole pounds, distances in miles. */
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const DAY_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});
const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/** `2026-12-03` or a timestamp -> "3 December 2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : DAY.format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : DAY_TIME.format(date);
}

/** Whole pounds a week: 4250 -> "£4,250 a week". */
export function formatWeeklyCost(pounds: number | null | undefined): string {
  return pounds == null ? 'Not stated' : `${POUNDS.format(pounds)} a week`;
}

export function formatMiles(miles: number | null | undefined): string {
  if (miles == null) return '';
  if (miles < 0.05) return 'same district';
  return `${miles < 10 ? miles.toFixed(1) : Math.round(miles)} miles`;
}

/** Seconds left as "14:05" (minutes:seconds), or "1 h 02 min" beyond an hour. */
export function formatCountdown(msLeft: number): string {
  if (msLeft <= 0) return 'Expired';
  const total = Math.floor(msLeft / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** Today in England as `YYYY-MM-DD`, for date inputs' defaults and minimums. */
export function todayInEngland(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
