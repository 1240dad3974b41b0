import type { OfferStatus, OutcomeStatus, PlacementStatus, ReferralStatus, VacancyStatus } from '@app/domain';

/**
 * SQL literals of single statuses, each checked by the compiler against the domain's list, so a
 * misspelt or renamed status fails to compile rather than silently matching no row. Sets of
 * statuses go to SQL as parameters instead (`status = ANY($n)` with the domain's named set).
 */
const literal = (status: string) => `'${status}'`;

export const referralStatus: (status: ReferralStatus) => string = literal;
export const vacancyStatus: (status: VacancyStatus) => string = literal;
export const offerStatus: (status: OfferStatus) => string = literal;
export const outcomeStatus: (status: OutcomeStatus) => string = literal;
export const placementStatus: (status: PlacementStatus) => string = literal;
