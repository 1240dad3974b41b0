import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { AlertsPage } from './alerts/alerts-page';
import { DeclinePage } from './inbox/decline-page';
import { InboxPage } from './inbox/inbox-page';
import { OfferPage } from './inbox/offer-page';
import { OffersPage } from './offers/offers-page';
import { OutcomePage } from './placements/outcome-page';
import { PlacementPage } from './placements/placement-page';
import { PlacementsPage } from './placements/placements-page';
import { NewVacancyPage } from './settings/new-vacancy-page';
import { EditSettingPage, NewSettingPage } from './settings/setting-form-page';
import { SettingPage } from './settings/setting-page';
import { SettingsPage } from './settings/settings-page';
import { VacancyPage } from './settings/vacancy-page';
import { WithdrawVacancyPage } from './settings/withdraw-vacancy-page';
import type { OfferStatus } from './types';

type Search = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const oneOf = <T extends string>(value: unknown, allowed: readonly T[]) =>
  allowed.includes(value as T) ? (value as T) : undefined;
/** `?page=` as a whole number from 1; anything else is the first page. */
const pageOf = (value: unknown) => {
  const page = Number(value);
  return Number.isInteger(page) && page > 1 ? page : undefined;
};

const OFFER_STATUSES = ['open', 'accepted', 'closed', 'withdrawn'] as const satisfies readonly OfferStatus[];

/** The provider's pages: the nav in features/home/layout.tsx links to the first of each group. */
export const providerRoutes = (parent: AnyRoute) => {
  const route = <P extends string>(path: P, component: () => React.ReactNode, validateSearch?: (search: Search) => object) =>
    createRoute({ getParentRoute: () => parent, path, component, ...(validateSearch ? { validateSearch } : {}) });
  const vacancyFor = (search: Search) => ({ vacancyId: text(search.vacancyId) ?? '' });
  const saved = (search: Search) => ({ saved: text(search.saved) });
  return [
    route('/inbox', InboxPage, (search) => ({ answered: oneOf(search.answered, ['offer', 'decline'] as const) })),
    route('/inbox/$referralId/offer', OfferPage, vacancyFor),
    route('/inbox/$referralId/decline', DeclinePage, vacancyFor),
    route('/offers', OffersPage, (search) => ({ status: oneOf(search.status, OFFER_STATUSES), page: pageOf(search.page) })),
    route('/settings', SettingsPage),
    route('/settings/new', NewSettingPage),
    route('/settings/$settingId', SettingPage, saved),
    route('/settings/$settingId/edit', EditSettingPage),
    route('/settings/$settingId/vacancies/new', NewVacancyPage),
    route('/settings/$settingId/vacancies/$vacancyId', VacancyPage),
    route('/settings/$settingId/vacancies/$vacancyId/withdraw', WithdrawVacancyPage),
    route('/provider-placements', PlacementsPage, (search) => ({
      state: oneOf(search.state, ['live', 'ended'] as const),
      page: pageOf(search.page),
    })),
    route('/provider-placements/$placementId', PlacementPage, (search) => ({ recorded: search.recorded === true || undefined })),
    route('/provider-placements/$placementId/outcomes/$outcomeId', OutcomePage),
    route('/alerts', AlertsPage),
  ] as const;
};
