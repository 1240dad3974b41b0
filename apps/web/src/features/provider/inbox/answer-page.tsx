import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useVacancies } from '../settings/queries';
import { LoadProblem } from '../load-problem';
import type { ProviderReferral, Vacancy } from '../types';
import { useProviderReferrals } from './queries';
import { ReferralSummary, referralTitle } from './referral-summary';

/** The sentence for a referral that has gone from our inbox while the form was open. */
export const NO_LONGER_OPEN =
  'This referral is no longer waiting for an answer from this home: the child may have been placed, the referral withdrawn, or the home matched out. Go back to the referrals sent to you.';

/**
 * An answer to one referral for one of our vacancies (an offer or a decline): the referral as we
 * were sent it, then the form. Both pages take `?vacancyId=`.
 */
export function AnswerPage({
  routeId,
  heading,
  children,
}: {
  routeId: '/authed/inbox/$referralId/offer' | '/authed/inbox/$referralId/decline';
  heading: string;
  children: (item: ProviderReferral, vacancy: Vacancy | undefined) => ReactNode;
}) {
  const route = getRouteApi(routeId);
  const { referralId } = route.useParams();
  const { vacancyId } = route.useSearch();
  const referrals = useProviderReferrals();
  const vacancies = useVacancies();
  const item = referrals.data?.find((candidate) => candidate.referralId === referralId && candidate.vacancyId === vacancyId);
  const vacancy = vacancies.data?.find((candidate) => candidate.id === vacancyId);
  return (
    <>
      <Link to="/inbox" search={{}} className="govuk-back-link">
        Back to referrals sent to us
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <LoadProblem query={referrals} what="this referral" />
          {referrals.data && !item ? (
            <>
              <h1 className="govuk-heading-l">{heading}</h1>
              <p className="govuk-body">{NO_LONGER_OPEN}</p>
            </>
          ) : null}
          {item && !vacancies.isPending ? (
            <>
              <span className="govuk-caption-l">
                {referralTitle(item)}, for {vacancy?.settingName ?? 'our vacancy'}
              </span>
              <h1 className="govuk-heading-l">{heading}</h1>
              <details className="govuk-details">
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">The referral</span>
                </summary>
                <div className="govuk-details__text">
                  <ReferralSummary item={item} vacancy={vacancy} />
                </div>
              </details>
              {children(item, vacancy)}
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}
