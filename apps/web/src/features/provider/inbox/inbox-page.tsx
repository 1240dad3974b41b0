import { getRouteApi, Link } from '@tanstack/react-router';
import { NotificationBanner } from '../../../components/notification-banner';
import { StatusTag } from '../../../components/status-tag';
import { SummaryCard } from '../../../components/summary-list';
import { formatWeeklyCost } from '../../../lib/format';
import { useProviderOffers } from '../offers/queries';
import { useVacancies } from '../settings/queries';
import { LoadProblem } from '../load-problem';
import { useProviderReferrals } from './queries';
import { ReferralSummary, referralTitle } from './referral-summary';

const route = getRouteApi('/authed/inbox');

/** Referrals shortlisted to our vacancies: make an offer or decline, emergencies first. */
export function InboxPage() {
  const { answered } = route.useSearch();
  const referrals = useProviderReferrals();
  const vacancies = useVacancies();
  // Until the api lists our offers, a referral we offered on simply shows its actions.
  const openOffers = useProviderOffers({ status: 'open', limit: 200 });
  const vacancy = (id: string) => vacancies.data?.find((candidate) => candidate.id === id);
  const offerFor = (referralId: string, vacancyId: string) =>
    openOffers.data?.items.find((offer) => offer.referralId === referralId && offer.vacancyId === vacancyId);

  return (
    <>
      {answered ? (
        <NotificationBanner success heading={answered === 'offer' ? 'Offer sent to the placement team' : 'Referral declined'}>
          <p className="govuk-body">
            {answered === 'offer' ? (
              <>
                The placement team can now accept it. See what becomes of it in{' '}
                <Link to="/offers" className="govuk-notification-banner__link">
                  our offers
                </Link>
                .
              </>
            ) : (
              'The placement team has been told why.'
            )}
          </p>
        </NotificationBanner>
      ) : null}
      <h1 className="govuk-heading-l">Referrals sent to us</h1>
      <p className="govuk-body">
        Children whose needs one of our homes could meet. You see what you need to decide, never the child's name or
        address. Emergencies come first. This page checks for new referrals every 15 seconds.
      </p>
      <LoadProblem query={referrals} what="the referrals sent to you" />
      {referrals.data && referrals.data.length === 0 ? (
        <p className="govuk-inset-text">No referrals are waiting for an answer from you.</p>
      ) : null}
      {referrals.data?.map((item) => {
        const title = referralTitle(item);
        const home = vacancy(item.vacancyId)?.settingName ?? 'our vacancy';
        const offer = offerFor(item.referralId, item.vacancyId);
        const params = { referralId: item.referralId };
        const search = { vacancyId: item.vacancyId };
        return (
          <SummaryCard
            key={`${item.referralId}-${item.vacancyId}`}
            id={`referral-${item.referralId}-${item.vacancyId}`}
            title={`${title}, for ${home}`}
            tag={<StatusTag status={item.urgency} />}
            actions={[
              offer ? null : (
                <Link to="/inbox/$referralId/offer" params={params} search={search} className="govuk-link">
                  Make an offer<span className="govuk-visually-hidden"> of {home} for the {title}</span>
                </Link>
              ),
              <Link to="/inbox/$referralId/decline" params={params} search={search} className="govuk-link">
                Decline<span className="govuk-visually-hidden"> the {title} for {home}</span>
              </Link>,
            ].filter(Boolean)}
          >
            {offer ? (
              <p className="govuk-body govuk-!-font-weight-bold">
                You offered {home} at {formatWeeklyCost(offer.weeklyCost)}: waiting for the placement team.
              </p>
            ) : null}
            <ReferralSummary item={item} vacancy={vacancy(item.vacancyId)} />
          </SummaryCard>
        );
      })}
    </>
  );
}
