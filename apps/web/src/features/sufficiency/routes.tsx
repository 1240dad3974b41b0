import { type AnyRoute, createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { benchmarkSearch } from './benchmarks';
import { SETTING_PLACEMENT_TYPES } from '../../lib/words';
import { MEASURES, type Measure } from './measures';
import { PERIOD_PRESETS, type PeriodPreset } from './period';

type Search = Record<string, unknown>;
const day = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
const periodSearch = (search: Search): { period?: PeriodPreset; from?: string; to?: string; measure?: Measure } => ({
  measure: MEASURES.includes(search.measure as Measure) ? (search.measure as Measure) : undefined,
  period: PERIOD_PRESETS.includes(search.period as PeriodPreset) ? (search.period as PeriodPreset) : undefined,
  from: day(search.from),
  to: day(search.to),
});

/**
 * The commissioner's pages. Their components (and the map's boundaries and the charts) load only
 * when a commissioner opens them, so the app's first download stays the same for everyone else.
 */
export const sufficiencyRoutes = (parent: AnyRoute) =>
  [
    createRoute({
      getParentRoute: () => parent,
      path: '/sufficiency',
      validateSearch: periodSearch,
      component: lazyRouteComponent(() => import('./dashboard-page'), 'DashboardPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/sufficiency/trend',
      validateSearch: (search: Search): { placementType?: string } => ({
        placementType: (SETTING_PLACEMENT_TYPES as readonly string[]).includes(search.placementType as string) ? (search.placementType as string) : undefined,
      }),
      component: lazyRouteComponent(() => import('./trend-page'), 'TrendPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/sufficiency/step-downs',
      component: lazyRouteComponent(() => import('./step-downs-page'), 'StepDownsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/sufficiency/reserved-beds',
      validateSearch: periodSearch,
      component: lazyRouteComponent(() => import('./reserved-beds-page'), 'ReservedBedsPage'),
    }),
    createRoute({
      getParentRoute: () => parent,
      path: '/sufficiency/providers',
      validateSearch: benchmarkSearch,
      component: lazyRouteComponent(() => import('./benchmarks-page'), 'BenchmarksPage'),
    }),
  ] as const;
