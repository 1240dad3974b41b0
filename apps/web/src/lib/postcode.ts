/**
 * A UK postcode's shape, checked as the user types: a full postcode (`UB1 1AA`) or, where the
 * form allows it, an outward code alone (`UB1`). Whether the district exists is the api's to say.
 */
const FULL = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;
const OUTWARD = /^[A-Z]{1,2}\d[A-Z\d]?$/i;

export function postcodeProblem(value: string, { allowDistrict = false } = {}): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return 'Enter a postcode';
  if (FULL.test(trimmed) || (allowDistrict && OUTWARD.test(trimmed))) return undefined;
  return allowDistrict ? 'Enter a postcode such as UB1 1AA, or a district such as UB1' : 'Enter a full postcode, such as UB1 1AA';
}

/** `ub11aa` -> `UB1 1AA`. */
export function normalisePostcode(value: string): string {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return compact.length > 4 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}
