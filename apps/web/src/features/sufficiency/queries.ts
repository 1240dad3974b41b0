import { api, unwrap } from '../../api/client';
import type { Period } from './period';

export const sufficiencyQuery = (allianceId: string, period: Period) => ({
  queryKey: ['sufficiency', allianceId, period.from, period.to],
  queryFn: () => unwrap(api.GET('/api/v1/sufficiency', { params: { query: { allianceId, ...period } } })),
});

export const needsQuery = (allianceId: string, period: Period) => ({
  queryKey: ['sufficiency-needs', allianceId, period.from, period.to],
  queryFn: () => unwrap(api.GET('/api/v1/sufficiency/needs', { params: { query: { allianceId, ...period } } })),
});
