/**
 * UK postcodes: an outward code (the district, `UB1`, `SW1A`, `EC1V`) and an optional inward code
 * (`1AA`). Only the district ever leaves the local authority that owns a child's record.
 */
export interface ParsedPostcode {
  /** The district, upper-case: `UB1`. */
  district: string;
  /** The whole postcode in its canonical spacing (`UB1 1AA`), or the district when only that was given. */
  normalised: string;
  full: boolean;
}

// Outward code: A9, A99, AA9, AA99, A9A, AA9A (the Royal Mail formats); inward code: 9AA.
const OUTWARD = '[A-Z]{1,2}[0-9][A-Z0-9]?';
const INWARD = '[0-9][ABD-HJLNP-UW-Z]{2}';
const FULL = new RegExp(`^(${OUTWARD}) ?(${INWARD})$`);
const DISTRICT_ONLY = new RegExp(`^(${OUTWARD})$`);

export function parsePostcode(input: string): ParsedPostcode | null {
  if (typeof input !== 'string') return null;
  const compact = input.trim().toUpperCase().replace(/\s+/g, ' ');
  if (compact.length === 0 || compact.length > 8) return null;
  const full = FULL.exec(compact) ?? FULL.exec(compact.replace(' ', ''));
  if (full) return { district: full[1], normalised: `${full[1]} ${full[2]}`, full: true };
  const district = DISTRICT_ONLY.exec(compact);
  if (district) return { district: district[1], normalised: district[1], full: false };
  return null;
}
