import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { StatusTag } from '../../components/status-tag';
import { SummaryList } from '../../components/summary-list';
import { formatDate, formatWeeklyCost } from '../../lib/format';
import { endReasonWords, GENDER_WORDS } from '../../lib/words';
import { EndPlacement } from './end-placement';
import { Feedback } from './feedback';
import { Outcomes } from './outcomes';
import { placementQuery, providerQuery } from './queries';

const route = getRouteApi('/authed/placements/$placementId');

/** A placement for the placing LA: end it, set outcomes and record their progress, give feedback. */
export function PlacementPage() {
  const { placementId } = route.useParams();
  const placement = useQuery(placementQuery(placementId));
  const provider = useQuery(providerQuery(placement.data?.providerId));
  if (placement.isPending) return <p className="govuk-body">Loading the placement…</p>;
  if (placement.isError) return <h1 className="govuk-heading-l">Placement not found</h1>;
  const p = placement.data;
  const child = p.child as { localReference?: string; dateOfBirth?: string; gender?: string };
  const live = p.status === 'active';
  return (
    <>
      <Link to="/placements" className="govuk-back-link">
        Placements
      </Link>
      <span className="govuk-caption-l">Placement</span>
      <h1 className="govuk-heading-l">
        {child.localReference ?? 'Placement'} <StatusTag status={live ? 'live' : 'ended'} />
      </h1>
      <SummaryList
        rows={[
          { key: 'Provider', value: provider.data?.name ?? '' },
          {
            key: 'Child',
            value: `${child.dateOfBirth ? `Born ${formatDate(child.dateOfBirth)}` : ''}${
              child.gender ? `, ${GENDER_WORDS[child.gender]?.toLowerCase() ?? child.gender}` : ''
            }`,
          },
          { key: 'Started', value: formatDate(p.startDate) },
          { key: 'Weekly cost', value: formatWeeklyCost(p.weeklyCost) },
          {
            key: 'Ended',
            value: live ? null : `${formatDate(p.endedOn)}: ${p.endReason ? endReasonWords(p.endReason) : ''} (${p.plannedEnding ? 'planned' : 'unplanned'})`,
          },
          {
            key: 'Referral',
            value: (
              <Link to="/referrals/$referralId" params={{ referralId: p.referralId }} className="govuk-link">
                See the referral
              </Link>
            ),
          },
        ]}
      />
      <Outcomes placement={p} />
      {live ? <EndPlacement placement={p} /> : <Feedback placement={p} />}
    </>
  );
}
