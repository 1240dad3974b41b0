import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { errorsFrom, problemInWords, problemsByField } from './problems';

const FIELDS: Record<string, { id: string; label: string }> = {
  ageMin: { id: 'age-min', label: 'Youngest age' },
  ageMax: { id: 'age-max', label: 'Oldest age' },
  postcode: { id: 'postcode', label: 'Postcode' },
};
const refusal = (status: number, details?: { field: string; problem: string }[]) =>
  new ApiError(status, { statusCode: status, error: 'Bad Request', message: 'Validation failed', details, requestId: 'req-1' });

describe('api problems in words', () => {
  it('puts each field problem beside its input, naming other fields by their labels', () => {
    const errors = errorsFrom(
      refusal(400, [
        { field: 'ageMin', problem: 'must not be above ageMax' },
        { field: 'postcode', problem: 'not a UK postcode' },
      ]),
      (field) => FIELDS[field],
    );
    expect(errors).toEqual([
      { href: 'age-min', text: 'Youngest age must not be above the oldest age' },
      { href: 'postcode', text: 'Postcode is not a UK postcode' },
    ]);
  });

  it('keeps a field the form does not show, without a link', () => {
    expect(errorsFrom(refusal(400, [{ field: 'vacancyId', problem: 'must be a UUID' }]), () => undefined)).toEqual([
      { href: undefined, text: 'vacancyId must be a UUID' },
    ]);
  });

  it("uses the form's sentence for a status, else the api's message with the reference", () => {
    expect(errorsFrom(refusal(409), () => undefined, { 409: 'Already offered' })).toEqual([{ text: 'Already offered' }]);
    expect(errorsFrom(refusal(500), () => undefined)).toEqual([{ text: 'Validation failed: try again (reference req-1)' }]);
    expect(errorsFrom(new TypeError('fetch failed'), () => undefined)[0].text).toMatch(/could not be reached/);
  });

  it('leaves words it does not know alone', () => {
    expect(problemInWords('must be one of K1, K2', () => undefined)).toBe('must be one of K1, K2');
  });
});

describe('a 400 by field', () => {
  it("gives each named field its problem, and nothing for other refusals", () => {
    expect(problemsByField(refusal(400, [{ field: 'endDate', problem: 'must be a date' }]))).toEqual({ endDate: 'must be a date' });
    expect(problemsByField(refusal(400, []))).toBeUndefined();
    expect(problemsByField(refusal(409))).toBeUndefined();
    expect(problemsByField(new Error('offline'))).toBeUndefined();
  });
});
