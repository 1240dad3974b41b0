/**
 * Who a referral is sent to. A shortlist ranks every suitable vacancy, but a child's (anonymised)
 * details go only to the providers the placement team chooses: by default the providers of the
 * top few vacancies, automatically, as each shortlist is written; the team sends to more by hand.
 */

/** Distinct providers, best-ranked first, sent a referral when matching writes its shortlist, unless the alliance sets otherwise. */
export const DEFAULT_AUTO_SEND_TOP_PROVIDERS = 5;

/** No more than a shortlist's length (50 vacancies) could ever name. 0: the placement team sends by hand. */
export const MAX_AUTO_SEND_TOP_PROVIDERS = 50;
