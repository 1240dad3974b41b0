import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { WeightsPage } from './weights-page';

/** The alliance's matching weights and step-down days, for its commissioners. */
export function weightsRoutes<P extends AnyRoute>(parent: P) {
  return [createRoute({ getParentRoute: () => parent, path: '/weights', component: WeightsPage })] as const;
}
