import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { QueuesPage } from './queues-page';

export function queuesRoutes<P extends AnyRoute>(parent: P) {
  return [createRoute({ getParentRoute: () => parent, path: '/queues', component: QueuesPage })] as const;
}
