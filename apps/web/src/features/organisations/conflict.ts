import { ApiError } from '../../api/client';
import type { FieldError } from '../../components/error-summary';

/**
 * A refusal shown on a form: a 409 (a name or URN another record holds) beside the field it is
 * about, not only in the summary; anything else as `fail` shows it.
 */
export function failBeside(
  form: { fail: (error: unknown) => void; setErrors: (errors: FieldError[]) => void },
  error: unknown,
  conflict: FieldError,
) {
  if (error instanceof ApiError && error.status === 409) form.setErrors([conflict]);
  else form.fail(error);
}
