import { createRootRoute, createRoute, createRouter, redirect } from '@tanstack/react-router';
import { session } from './api/session';
import { SignInPage } from './features/auth/sign-in-page';
import { HomePage, NotFoundPage, ProblemPage } from './features/home/home-page';
import { Layout } from './features/home/layout';
import { officerRoutes } from './features/referrals/routes';
import { providerRoutes } from './features/provider/routes';
import { marketRoutes } from './features/market/routes';
import { weightsRoutes } from './features/weights/routes';
import { queuesRoutes } from './features/queues/routes';
import { auditRoutes } from './features/audit/routes';
import { sufficiencyRoutes } from './features/sufficiency/routes';
import { usersRoutes } from './features/users/routes';
import { ChangePasswordPage, PasswordGate } from './features/auth/change-password-page';
import { CHANGE_PASSWORD_PATH, mustChangePasswordFirst } from './features/auth/password-gate';
import { organisationRoutes } from './features/organisations/routes';

const rootRoute = createRootRoute({ component: Layout, notFoundComponent: NotFoundPage, errorComponent: ProblemPage });

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { next?: string } => ({
    next: typeof search.next === 'string' ? search.next : undefined,
  }),
  component: SignInPage,
});

/**
 * Every page but sign-in needs a session; a token that expired on this page is renewed in place. A
 * user whose password an admin reset must choose a new one before any other page.
 */
export const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authed',
  beforeLoad: ({ location }) => {
    if (!session.get() && !session.expiredUser()) {
      throw redirect({ to: '/sign-in', search: { next: location.href } });
    }
    if (mustChangePasswordFirst(session.get()?.user, location.pathname)) {
      throw redirect({ to: CHANGE_PASSWORD_PATH, search: { next: location.href } });
    }
  },
  component: PasswordGate,
});

const homeRoute = createRoute({ getParentRoute: () => authedRoute, path: '/', component: HomePage });

const changePasswordRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: CHANGE_PASSWORD_PATH,
  validateSearch: (search: Record<string, unknown>): { next?: string } => ({
    next: typeof search.next === 'string' ? search.next : undefined,
  }),
  component: ChangePasswordPage,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  authedRoute.addChildren([homeRoute, changePasswordRoute, ...usersRoutes(authedRoute), ...officerRoutes(authedRoute), ...providerRoutes(authedRoute), ...marketRoutes(authedRoute), ...weightsRoutes(authedRoute), ...queuesRoutes(authedRoute), ...auditRoutes(authedRoute), ...sufficiencyRoutes(authedRoute), ...organisationRoutes(authedRoute)]),
]);

export const router = createRouter({
  routeTree,
  defaultPreload: false,
  scrollRestoration: true,
  defaultErrorComponent: ProblemPage,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
