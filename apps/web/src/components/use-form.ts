import { useState, type ChangeEvent } from 'react';
import { errorsFrom, problemAt, type FieldTarget } from '../api/problems';
import type { FieldError } from './error-summary';

/**
 * A form's typed values and its problems. `input(name)` binds a text input, textarea or select,
 * `choice(name)` a group of radios: id, value, change handler and the message beside it. `fail(error)` turns an api refusal into
 * the summary's list, each 400 detail beside its field.
 */
export function useForm<F extends string>(fields: Record<F, FieldTarget>, initial: Record<F, string>) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const set = (name: F, value: string) => setValues((current) => ({ ...current, [name]: value }));
  return {
    values,
    set,
    errors,
    setErrors,
    problem: (name: F) => problemAt(errors, fields[name].id),
    input: (name: F) => ({
      id: fields[name].id,
      value: values[name],
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => set(name, event.target.value),
      error: problemAt(errors, fields[name].id),
    }),
    /** Binds radios: the chosen value and the message beside the group. */
    choice: (name: F) => ({
      id: fields[name].id,
      value: values[name],
      onChange: (value: string) => set(name, value),
      error: problemAt(errors, fields[name].id),
    }),
    /** Problems found before sending, as [field, message]; true when there were any. */
    refuse: (problems: [F, string][]) => {
      setErrors(problems.map(([name, text]) => ({ href: fields[name].id, text })));
      return problems.length > 0;
    },
    fail: (error: unknown, sentences?: Partial<Record<number, string>>) =>
      setErrors(errorsFrom(error, (field) => fields[field as F], sentences)),
  };
}
