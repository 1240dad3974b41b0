import type { FieldError } from '../../../components/error-summary';
import { dateFromParts, isBlankDate, partsFromDate, type DateParts } from '../../../lib/date-parts';
import type { Vacancy, VacancyTerms } from '../types';

/** The vacancy form as typed: text boxes hold text until the whole form is checked. */
export interface VacancyDraft {
  beds: string;
  availableFrom: DateParts;
  availableUntil: DateParts;
  weeklyCost: string;
  emergencyReady: boolean;
}

/** The inputs' ids and the words their labels use, for messages beside them and the api's field names. */
export const VACANCY_FIELDS: Record<keyof VacancyTerms, { id: string; label: string }> = {
  beds: { id: 'vacancy-beds', label: 'Beds' },
  availableFrom: { id: 'vacancy-from-day', label: 'Available from' },
  availableUntil: { id: 'vacancy-until-day', label: 'Available until' },
  weeklyCost: { id: 'vacancy-cost', label: 'Weekly cost' },
  emergencyReady: { id: 'vacancy-emergency', label: 'Emergency-ready' },
};

export const termsOf = (vacancy: Vacancy): VacancyTerms => ({
  beds: vacancy.beds,
  availableFrom: vacancy.availableFrom,
  availableUntil: vacancy.availableUntil,
  weeklyCost: vacancy.weeklyCost,
  emergencyReady: vacancy.emergencyReady,
});

export const draftOf = (terms: VacancyTerms): VacancyDraft => ({
  beds: String(terms.beds),
  availableFrom: partsFromDate(terms.availableFrom),
  availableUntil: partsFromDate(terms.availableUntil),
  weeklyCost: String(terms.weeklyCost),
  emergencyReady: terms.emergencyReady,
});

/** "£4,800" or "4800" -> 4800; anything but a whole number of pounds from 1 to 100,000 -> null. */
export function wholePounds(text: string): number | null {
  const cleaned = text.trim().replace(/^£/, '').replace(/,/g, '');
  if (!/^\d{1,6}$/.test(cleaned)) return null;
  const pounds = Number(cleaned);
  return pounds >= 1 && pounds <= 100_000 ? pounds : null;
}

/**
 * The draft as terms the api takes, or the problems that stop it. `minBeds` is 1 for a new vacancy;
 * an existing one may go to 0, which marks it filled.
 */
export function readDraft(draft: VacancyDraft, minBeds: number): { terms?: VacancyTerms; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const problem = (field: keyof VacancyTerms, text: string) => errors.push({ href: VACANCY_FIELDS[field].id, text });
  const beds = /^\d{1,2}$/.test(draft.beds.trim()) ? Number(draft.beds.trim()) : NaN;
  if (!(beds >= minBeds && beds <= 50)) problem('beds', `Enter the number of beds, from ${minBeds} to 50`);
  const availableFrom = dateFromParts(draft.availableFrom);
  if (!availableFrom) problem('availableFrom', 'Enter the date the beds are available from, for example 3 12 2026');
  const availableUntil = isBlankDate(draft.availableUntil) ? null : dateFromParts(draft.availableUntil);
  if (availableUntil === null && !isBlankDate(draft.availableUntil)) {
    problem('availableUntil', 'Enter a real date the beds are available until, or leave it blank');
  } else if (availableUntil && availableFrom && availableUntil < availableFrom) {
    problem('availableUntil', 'The date available until must be on or after the date available from');
  }
  const weeklyCost = wholePounds(draft.weeklyCost);
  if (weeklyCost === null) problem('weeklyCost', 'Enter the weekly cost in whole pounds, between £1 and £100,000');
  if (errors.length > 0) return { errors };
  return {
    terms: { beds, availableFrom: availableFrom!, availableUntil, weeklyCost: weeklyCost!, emergencyReady: draft.emergencyReady },
    errors,
  };
}

/** The terms the user changed from those the form started with: all a PATCH should send. */
export function changedTerms(typed: VacancyTerms, base: VacancyTerms): Partial<VacancyTerms> {
  const changes: Partial<VacancyTerms> = {};
  for (const key of Object.keys(typed) as (keyof VacancyTerms)[]) {
    if (typed[key] !== base[key]) Object.assign(changes, { [key]: typed[key] });
  }
  return changes;
}
