import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { AuditPage, type AuditSearch } from './audit-page';

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

export function auditRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/audit',
      validateSearch: (search: Record<string, unknown>): AuditSearch => ({
        referralId: text(search.referralId),
        userId: text(search.userId),
        from: text(search.from),
        to: text(search.to),
        page: typeof search.page === 'number' && search.page > 1 ? search.page : undefined,
      }),
      component: AuditPage,
    }),
  ] as const;
}
