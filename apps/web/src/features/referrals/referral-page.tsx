import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useState } from 'react';
import { api, ApiError, unwrap } from '../../api/client';
import { StatusTag } from '../../components/status-tag';
import { SummaryList } from '../../components/summary-list';
import { Tabs } from '../../components/tabs';
import { ageOn } from '../../lib/age';
import { formatDate, formatDateTime, formatWeeklyCost } from '../../lib/format';
import { categoryOfNeedWords, GENDER_WORDS, legalStatusWords, needWords, placementTypeWords } from '../../lib/words';
import { localAuthoritiesQuery } from '../home/organisation';
import { OffersPanel } from './offers-panel';
import { MOVING, exclusionsQuery, matchesQuery, referralQuery } from './queries';
import { Shortlist } from './shortlist';
import { WhyNot } from './why-not';

const ShortlistMap = lazy(() => import('./shortlist-map'));
const route = getRouteApi('/authed/referrals/$referralId');

export function ReferralPage() {
  const { referralId } = route.useParams();
  const [tab, setTab] = useState('shortlist');
  const referral = useQuery(referralQuery(referralId));
  const matches = useQuery(matchesQuery(referralId));
  // The shortlist's answer is the fresher word on where matching stands: the referral follows it.
  const status = matches.data?.status ?? referral.data?.status;
  const queryClient = useQueryClient();
  useEffect(() => {
    if (matches.data && referral.data && matches.data.status !== referral.data.status) {
      void queryClient.invalidateQueries({ queryKey: ['referrals', referralId], exact: true });
    }
  }, [matches.data, referral.data, queryClient, referralId]);
  const exclusions = useQuery({ ...exclusionsQuery(referralId, status), enabled: tab === 'why-not' || tab === 'map' });
  const localAuthorities = useQuery(localAuthoritiesQuery());
  const laName = (code: string | null) =>
    code ? (localAuthorities.data?.find((la) => la.code === code)?.name ?? code) : 'outside England';

  if (referral.isPending) return <p className="govuk-body">Loading the referral…</p>;
  if (referral.isError) {
    return (
      <>
        <h1 className="govuk-heading-l">Referral not found</h1>
        <p className="govuk-body">
          It may belong to another LA, or the link may be wrong. <Link to="/referrals">See your referrals</Link>.
        </p>
      </>
    );
  }
  const r = referral.data;
  const child = r.child;
  const items = matches.data?.items ?? [];

  return (
    <>
      <Link to="/referrals" className="govuk-back-link">
        Referrals
      </Link>
      <span className="govuk-caption-l">
        {r.urgency === 'emergency' ? 'Emergency referral' : r.urgency === 'urgent' ? 'Urgent referral' : 'Planned referral'}
      </span>
      <h1 className="govuk-heading-l">
        {child.localReference}{' '}
        <span aria-live="polite">
          <StatusTag status={status ?? r.status} />
        </span>
      </h1>
      <StatusExplained status={r.status} placementId={r.placementId} shortlistedAt={r.shortlistedAt} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            noBorder
            rows={[
              {
                key: 'Age',
                value: `${ageOn(child.dateOfBirth, r.requiredBy)} on the day needed (born ${formatDate(child.dateOfBirth)}), ${
                  GENDER_WORDS[child.gender]?.toLowerCase() ?? child.gender
                }`,
              },
              { key: 'Home district', value: `${child.homeDistrict}, ${laName(r.localAuthorityCode)}` },
              { key: 'Legal status', value: `${legalStatusWords(child.legalStatus)} (${child.legalStatus})` },
              { key: 'Category of need', value: `${categoryOfNeedWords(child.categoryOfNeed)} (${child.categoryOfNeed})` },
              {
                key: 'Needs',
                value:
                  child.needs.length === 0
                    ? 'None stated'
                    : child.needs.map((need) => `${needWords(need.code)} (level ${need.level}${need.essential ? ', essential' : ''})`).join('; '),
              },
              { key: 'Needed by', value: formatDate(r.requiredBy) },
              { key: 'Kinds of placement', value: r.placementTypes.map(placementTypeWords).join(', ') },
              { key: 'Furthest from home', value: r.maxDistanceMiles ? `${r.maxDistanceMiles} miles` : 'No limit' },
              { key: 'Weekly budget', value: formatWeeklyCost(r.weeklyBudget) },
            ]}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <Withdraw referralId={r.id} status={r.status} />
        </div>
      </div>

      {r.status === 'shortlisted' || r.status === 'placed' || r.status === 'no_match' ? (
        <OffersPanel referral={r} items={items} />
      ) : null}

      <Tabs
        id="referral"
        selected={tab}
        onSelect={setTab}
        tabs={[
          { key: 'shortlist', label: `Shortlist${matches.data ? ` (${items.length})` : ''}` },
          { key: 'why-not', label: 'Why not' },
          { key: 'map', label: 'Map' },
        ]}
      >
        {tab === 'shortlist' ? (
          MOVING.has(status ?? r.status) ? (
            <p className="govuk-body" role="status">
              Matching is under way: the shortlist appears here by itself in a moment.
            </p>
          ) : (
            <>
              {matches.data?.stale ? (
                <div className="govuk-warning-text">
                  <span className="govuk-warning-text__icon" aria-hidden="true">
                    !
                  </span>
                  <strong className="govuk-warning-text__text">
                    <span className="govuk-visually-hidden">Warning</span>
                    This shortlist could not be refreshed and is as it stood {formatDateTime(matches.data.computedAt)}. The child is still
                    listed and offers can still be accepted; matching tries again by itself.
                  </strong>
                </div>
              ) : null}
              <Shortlist referral={r} items={items} laName={laName} loading={matches.isPending} />
            </>
          )
        ) : null}
        {tab === 'why-not' ? <WhyNot items={exclusions.data?.items} laName={laName} /> : null}
        {tab === 'map' ? (
          <Suspense fallback={<p className="govuk-body">Loading the map…</p>}>
            <ShortlistMap
              home={child.homeLocation}
              homeDistrict={child.homeDistrict}
              homeLocalAuthorityCode={r.localAuthorityCode}
              items={items}
              laName={laName}
            />
          </Suspense>
        ) : null}
      </Tabs>
    </>
  );
}


function StatusExplained({ status, placementId, shortlistedAt }: { status: string; placementId?: string; shortlistedAt?: string }) {
  const text: Record<string, string> = {
    submitted: 'Received. Matching starts in a moment.',
    matching: 'Every open vacancy in the region is being checked and ranked.',
    shortlisted: `Shortlisted${shortlistedAt ? ` ${formatDateTime(shortlistedAt)}` : ''}. The providers it was sent to can offer or decline; new vacancies are matched as they open.`,
    no_match: 'No open vacancy meets every requirement today. "Why not" shows what rules each one out; the referral is matched again whenever a vacancy changes.',
    match_failed: 'Matching failed after several tries. The team running the service has been alerted; withdraw and send again if it is urgent.',
    withdrawn: 'Withdrawn. Providers can no longer see it.',
    closed: 'Closed: the placement has ended.',
  };
  if (status === 'placed') {
    return (
      <p className="govuk-body">
        Placed.{' '}
        {placementId ? (
          <Link to="/placements/$placementId" params={{ placementId }} className="govuk-link">
            See the placement
          </Link>
        ) : null}
      </p>
    );
  }
  return (
    <p className="govuk-body" role="status">
      {text[status] ?? ''}
    </p>
  );
}

function Withdraw({ referralId, status }: { referralId: string; status: string }) {
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/referrals/{id}/withdraw', { params: { path: { id: referralId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['referrals'] }),
  });
  if (!['submitted', 'matching', 'shortlisted', 'no_match', 'match_failed'].includes(status)) return null;
  if (!confirming) {
    return (
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setConfirming(true)}>
        Withdraw referral
      </button>
    );
  }
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body">Withdraw this referral? Providers will no longer see it and any holds are given back.</p>
      {withdraw.error ? (
        <p className="govuk-error-message">
          {withdraw.error instanceof ApiError ? withdraw.error.message : 'It could not be withdrawn: try again.'}
        </p>
      ) : null}
      <div className="govuk-button-group">
        <button type="button" className="govuk-button govuk-button--warning" onClick={() => withdraw.mutate()} disabled={withdraw.isPending}>
          Yes, withdraw it
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setConfirming(false)}>
          Keep it
        </button>
      </div>
    </div>
  );
}
