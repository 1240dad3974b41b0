/**
 * Continuity, 0-1: what the child keeps from their life so far, as far as the inputs tell it.
 * - Local ties (60%): within 10 miles of the home district the child can usually stay at the same
 *   school and keep seeing family and friends; within 20 miles often still; beyond that rarely.
 * - Home LA (40%): a setting in the LA the child lives in keeps their school admissions, health
 *   services (CAMHS, GP) and local support with the same authorities.
 * Siblings kept together earn nothing here because too few beds for the group is a hard
 * constraint (INSUFFICIENT_BEDS): every vacancy that is scored already keeps them together. The
 * child's stated preferences are not among the inputs yet.
 * Non-increasing in distance for a given LA relation.
 */
const LOCAL_TIES_SHARE = 0.6;
const HOME_LA_SHARE = 0.4;
const SAME_SCHOOL_MILES = 10;
const LOCAL_TIES_MILES = 20;

export function continuityFit(miles: number, insideHomeLocalAuthority: boolean): number {
  const localTies = miles <= SAME_SCHOOL_MILES ? 1 : miles <= LOCAL_TIES_MILES ? 0.5 : 0;
  return LOCAL_TIES_SHARE * localTies + (insideHomeLocalAuthority ? HOME_LA_SHARE : 0);
}
