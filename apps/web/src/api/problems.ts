import type { FieldError } from '../components/error-summary';
import { ApiError } from './client';

/** Where an api field's problem is shown: the input's id and the words its label uses. */
export interface FieldTarget {
  id: string;
  label: string;
}

/**
 * A refusal as the error summary's list. A 400's details go beside their inputs ("Youngest age must
 * not be above the oldest age"); other statuses get the sentence the form gives for them, or a
 * general one with the request id to quote to support.
 */
export function errorsFrom(
  error: unknown,
  target: (field: string) => FieldTarget | undefined,
  sentences: Partial<Record<number, string>> = {},
): FieldError[] {
  if (!(error instanceof ApiError)) return [{ text: 'The service could not be reached: check your connection and try again' }];
  const sentence = sentences[error.status];
  if (sentence) return [{ text: sentence }];
  const details = error.status === 400 ? (error.body.details ?? []) : [];
  if (details.length === 0) {
    const reference = error.body.requestId ? ` (reference ${error.body.requestId})` : '';
    return [{ text: `${error.body.message || 'Something went wrong'}: try again${reference}` }];
  }
  const words = (name: string) => target(name)?.label.toLowerCase();
  return details.map(({ field, problem }) => {
    const place = target(field);
    return { href: place?.id, text: `${place?.label ?? field} ${problemInWords(problem, words)}` };
  });
}

/** A 400's problems by api field (`{ endDate: 'must be a date' }`); undefined for any other refusal, or a 400 naming no field. */
export function problemsByField(error: unknown): Record<string, string> | undefined {
  if (!(error instanceof ApiError && error.status === 400 && error.body.details?.length)) return undefined;
  return Object.fromEntries(error.body.details.map((detail) => [detail.field, detail.problem]));
}

/** "must not be above ageMax" -> "must not be above the oldest age": field names in a problem, in words. */
export function problemInWords(problem: string, words: (field: string) => string | undefined): string {
  const named = problem.replace(/\b[a-z]+[A-Z][A-Za-z]*\b/g, (name) => {
    const said = words(name);
    return said ? `the ${said}` : name;
  });
  return named.startsWith('not ') ? `is ${named}` : named;
}

/** The message beside one input, from the same list the summary shows. */
export const problemAt = (errors: FieldError[], id: string) =>
  errors
    .filter((error) => error.href === id)
    .map((error) => error.text)
    .join('. ') || undefined;
