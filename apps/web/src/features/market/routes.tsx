import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { MarketListPage, MarketPositionPage } from './market-pages';

/** The market position: providers read it, the alliance's commissioner publishes it. */
export function marketRoutes<P extends AnyRoute>(parent: P) {
  const list = createRoute({ getParentRoute: () => parent, path: '/market', component: MarketListPage });
  const position = createRoute({ getParentRoute: () => parent, path: '/market/$allianceId', component: MarketPositionPage });
  return [list, position] as const;
}
