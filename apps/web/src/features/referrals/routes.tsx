import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { PlacementPage } from '../placements/placement-page';
import { PlacementsPage } from '../placements/placements-page';
import { ReferralForm } from './referral-form';
import { ReferralPage } from './referral-page';
import { ReferralsPage } from './referrals-page';

const page = (value: unknown) => (typeof value === 'number' && value > 1 ? value : typeof value === 'string' && Number(value) > 1 ? Number(value) : undefined);
const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** A placement team's pages: referrals, the referral forms, a referral's shortlist, placements. */
export function officerRoutes<P extends AnyRoute>(parent: P) {
  const referrals = createRoute({
    getParentRoute: () => parent,
    path: '/referrals',
    validateSearch: (search: Record<string, unknown>): { status?: string; urgency?: string; page?: number } => ({
      status: text(search.status),
      urgency: text(search.urgency),
      page: page(search.page),
    }),
    component: ReferralsPage,
  });
  const newReferral = createRoute({ getParentRoute: () => parent, path: '/referrals/new', component: () => <ReferralForm kind="planned" /> });
  const emergency = createRoute({
    getParentRoute: () => parent,
    path: '/referrals/emergency',
    component: () => <ReferralForm kind="emergency" />,
  });
  const referral = createRoute({ getParentRoute: () => parent, path: '/referrals/$referralId', component: ReferralPage });
  const placements = createRoute({
    getParentRoute: () => parent,
    path: '/placements',
    validateSearch: (search: Record<string, unknown>): { state?: 'live' | 'ended'; page?: number } => ({
      state: search.state === 'ended' ? 'ended' : undefined,
      page: page(search.page),
    }),
    component: PlacementsPage,
  });
  const placement = createRoute({ getParentRoute: () => parent, path: '/placements/$placementId', component: PlacementPage });
  return [referrals, newReferral, emergency, referral, placements, placement] as const;
}
