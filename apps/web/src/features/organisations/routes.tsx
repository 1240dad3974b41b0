import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { AlliancePage, AlliancesPage, NewAlliancePage } from './alliance-pages';
import { NewProviderPage, ProviderPage, ProvidersPage } from './provider-pages';

type Search = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
/** `?page=` as a whole number from 1; anything else is the first page. */
const pageOf = (value: unknown) => {
  const page = Number(value);
  return Number.isInteger(page) && page > 1 ? page : undefined;
};

/** The admin's alliances and providers: the nav in features/home/layout.tsx links to both lists. */
export function organisationRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({ getParentRoute: () => parent, path: '/alliances', component: AlliancesPage }),
    createRoute({ getParentRoute: () => parent, path: '/alliances/new', component: NewAlliancePage }),
    createRoute({ getParentRoute: () => parent, path: '/alliances/$allianceId', component: AlliancePage }),
    createRoute({
      getParentRoute: () => parent,
      path: '/providers',
      validateSearch: (search: Search): { search?: string; page?: number } => ({ search: text(search.search), page: pageOf(search.page) }),
      component: ProvidersPage,
    }),
    createRoute({ getParentRoute: () => parent, path: '/providers/new', component: NewProviderPage }),
    createRoute({
      getParentRoute: () => parent,
      path: '/providers/$providerId',
      validateSearch: (search: Search): { created?: boolean } => ({ created: search.created === true || undefined }),
      component: ProviderPage,
    }),
  ] as const;
}
