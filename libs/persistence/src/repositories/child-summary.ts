/** The age of child `c` in whole years today, in England. */
export const CHILD_AGE_YEARS = `date_part('year', age((now() AT TIME ZONE 'Europe/London')::date, c.date_of_birth))::int AS "ageYears"`;

/**
 * What a provider may know of a child: an explicit allow-list of columns of `children c`, so the
 * local reference, date of birth, full postcode, preferences and the LA's notes never leave the
 * database on a provider's path. (Once its offer is accepted, the provider is also told the date of
 * birth: see PlacementRepository.providerHandover.) Age is whole years today, in England.
 */
export const CHILD_SUMMARY_COLUMNS = `
  ${CHILD_AGE_YEARS},
  c.gender, c.home_district AS "postcodeDistrict", c.legal_status AS "legalStatus",
  c.category_of_need AS "categoryOfNeed", c.needs, c.sibling_group_size AS "siblingGroupSize"`;

export interface ChildSummary {
  ageYears: number;
  gender: string;
  postcodeDistrict: string;
  legalStatus: string;
  categoryOfNeed: string;
  needs: { code: string; level: number; essential: boolean }[];
  siblingGroupSize: number;
}
