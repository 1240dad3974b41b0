/**
 * The age bands the sufficiency reports count children and beds by: a child's age in whole years
 * on the day of the referral. There is no band past 17: a child is under 18.
 */

/** The bands, youngest first: the order reports list them in. Each names its youngest and oldest age. */
export const AGE_BANDS = ['0-4', '5-10', '11-15', '16-17'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export interface AgeBandBounds {
  band: AgeBand;
  /** The youngest age in the band, in whole years. */
  low: number;
  /** The oldest, inclusive. */
  high: number;
}

/**
 * Each band with its youngest and oldest age, youngest first, read from its name. A bed serves
 * every band its setting's age range overlaps (one for 8-17 serves 5-10, 11-15 and 16-17).
 */
export const AGE_BAND_BOUNDS: readonly AgeBandBounds[] = AGE_BANDS.map((band) => {
  const [low, high] = band.split('-').map(Number);
  return { band, low, high };
});

/**
 * The band of an age in whole years: the first band whose oldest age it does not pass, so the
 * youngest band also takes anything below it. Null past the oldest band.
 */
export function ageBandOf(age: number): AgeBand | null {
  return AGE_BAND_BOUNDS.find(({ high }) => age <= high)?.band ?? null;
}
