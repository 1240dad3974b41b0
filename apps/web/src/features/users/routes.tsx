import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { NewUserPage } from './new-user-page';
import { UserPage } from './user-page';
import { UsersPage } from './users-page';
import { usersSearch } from './users';

/** The admin's user management: the list, a new user, and one user's page. */
export function usersRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({ getParentRoute: () => parent, path: '/users', validateSearch: usersSearch, component: UsersPage }),
    createRoute({ getParentRoute: () => parent, path: '/users/new', component: NewUserPage }),
    createRoute({ getParentRoute: () => parent, path: '/users/$id', component: UserPage }),
  ] as const;
}
