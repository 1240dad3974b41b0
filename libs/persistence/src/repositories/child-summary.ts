/**
 * What a provider may know of a child: an explicit allow-list of columns of `children c`, so the
 * local reference, date of birth, full postcode, preferences and the LA's notes never leave the
 * database on a provider's path. Age is whole years today, in England.
 */
export const CHILD_SUMMARY_COLUMNS = `
  date_part('year', age((now() AT TIME ZONE 'Europe/London')::date, c.date_of_birth))::int AS "ageYears",
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
