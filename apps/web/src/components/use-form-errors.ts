import { useState } from 'react';
import { ApiError } from '../api/client';
import { problemsByField } from '../api/problems';
import type { FieldError } from './error-summary';

/**
 * A form's problems by api field name: the browser's own checks and the api's 400 details land
 * in one place, shown beside each field and in the error summary. `prefix` turns an api field
 * (`endDate`) into the input's id (`end-endDate`).
 */
export function useFormErrors(prefix: string, labels: Record<string, string>, dateFields: string[] = []) {
  // A date's problem links to its first box, the day, as GOV.UK's date input does.
  const href = (field: string) => `${prefix}-${field}${dateFields.includes(field) ? '-day' : ''}`;
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  return {
    problems,
    general,
    problem: (field: string) => problems[field],
    id: (field: string) => `${prefix}-${field}`,
    summary: (): FieldError[] => [
      ...Object.entries(problems).map(([field, text]) => ({ href: href(field), text: `${labels[field] ?? field}: ${text}` })),
      ...(general ? [{ href: href(Object.keys(labels)[0]), text: general }] : []),
    ],
    set: (found: Record<string, string>) => {
      setProblems(found);
      setGeneral(null);
      return Object.keys(found).length === 0;
    },
    /** An api refusal: a 400's fields beside their inputs, anything else as one message. */
    fail: (error: unknown, conflict = 'That could not be saved because something changed: reload and try again.') => {
      const byField = problemsByField(error);
      if (byField) {
        setProblems(byField);
        setGeneral(null);
      } else if (error instanceof ApiError && error.status === 409) {
        setGeneral(error.body.message || conflict);
      } else {
        setGeneral('That could not be saved: try again.');
      }
    },
    clear: () => {
      setProblems({});
      setGeneral(null);
    },
  };
}
