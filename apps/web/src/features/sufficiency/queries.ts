import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import type { Period } from './period';

type PlacementType = components['schemas']['PlacementType'];

export const sufficiencyQuery = (allianceId: string, period: Period) => ({
  queryKey: ['sufficiency', allianceId, period.from, period.to],
  queryFn: () => unwrap(api.GET('/api/v1/sufficiency', { params: { query: { allianceId, ...period } } })),
});

export const needsQuery = (allianceId: string, period: Period) => ({
  queryKey: ['sufficiency-needs', allianceId, period.from, period.to],
  queryFn: () => unwrap(api.GET('/api/v1/sufficiency/needs', { params: { query: { allianceId, ...period } } })),
});

export const trendQuery = (allianceId: string, period: Period, placementType: PlacementType | undefined) => ({
  queryKey: ['sufficiency-trend', allianceId, period.from, period.to, placementType ?? 'all'],
  queryFn: () => unwrap(api.GET('/api/v1/sufficiency/trend', { params: { query: { allianceId, ...period, placementType } } })),
});

export const forecastQuery = (allianceId: string) => ({
  queryKey: ['sufficiency-forecast', allianceId],
  queryFn: () => unwrap(api.GET('/api/v1/sufficiency/forecast', { params: { query: { allianceId, months: 12 } } })),
});

export const stepDownsQuery = (allianceId: string) => ({
  queryKey: ['sufficiency-step-downs', allianceId],
  queryFn: () => unwrap(api.GET('/api/v1/sufficiency/step-downs', { params: { query: { allianceId } } })),
});

export const reservedBedsQuery = (allianceId: string, period: Period) => ({
  queryKey: ['sufficiency-reserved-beds', allianceId, period.from, period.to],
  queryFn: () => unwrap(api.GET('/api/v1/sufficiency/reserved-beds', { params: { query: { allianceId, ...period } } })),
});
