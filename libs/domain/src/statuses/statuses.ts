/**
 * The life-cycles of referrals, vacancies, offers, placements and outcomes: every status each can
 * be in, and the named sets of them the rules speak of. Declared once here: the entities' CHECK
 * constraints, the API's enums and the SQL that filters on a set (as an `= ANY($n)` parameter) all
 * take them from this module.
 */

export const REFERRAL_STATUSES = ['submitted', 'matching', 'shortlisted', 'no_match', 'match_failed', 'placed', 'withdrawn', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * A referral that awaits placement and may be matched again: a change of vacancies or weights
 * re-matches it, and a re-match claims it from these. `submitted` too: a re-match asked for while
 * the first match runs must wait for that run's row lock and then match again, and Postgres only
 * waits for rows its WHERE accepts in the version it first sees (still `submitted` until the first
 * run commits). Re-matching a referral whose first match has not started just matches it a little early.
 */
export const REMATCHABLE: readonly ReferralStatus[] = ['submitted', 'shortlisted', 'no_match', 'match_failed'];

/** A referral still awaiting placement: every status before it is placed, withdrawn or closed. */
export const AWAITING_PLACEMENT: readonly ReferralStatus[] = ['submitted', 'matching', 'shortlisted', 'no_match', 'match_failed'];

/** A referral its officer may still withdraw: any awaiting placement. */
export const WITHDRAWABLE: readonly ReferralStatus[] = AWAITING_PLACEMENT;

/** A referral whose matching can give up: awaiting or in a match, and not failed already. */
export const MATCHING_CAN_FAIL: readonly ReferralStatus[] = ['submitted', 'matching', 'shortlisted', 'no_match'];

/** A referral the platform has matched (it has a shortlist, or knows it has none). */
export const MATCHED: readonly ReferralStatus[] = ['shortlisted', 'no_match'];

export const VACANCY_STATUSES = ['open', 'filled', 'withdrawn'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];

export const OFFER_STATUSES = ['open', 'accepted', 'closed', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** A placement is active until its end date is recorded. */
export const PLACEMENT_STATUSES = ['active', 'ended'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

export const OUTCOME_STATUSES = ['not_started', 'in_progress', 'achieved', 'not_achieved'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

/** An outcome whose result is known: achieved or not. */
export const SETTLED_OUTCOMES: readonly OutcomeStatus[] = ['achieved', 'not_achieved'];
