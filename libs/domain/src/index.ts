export * from './codes/ssda903';
export * from './needs/needs-taxonomy';
export * from './postcode/postcode';
export * from './age/age';
export * from './errors/domain-error';
export type {
  ChildNeed,
  ExclusionReason,
  GeoPoint,
  MatchingWeights,
  MatchReferral,
  MatchVacancy,
  RankedMatch,
  RankOptions,
  RankResult,
  ScoreBreakdown,
  VacancyExclusion,
} from './matching/types';
export { EXCLUSION_REASONS } from './matching/types';
export { distanceMiles, EARTH_RADIUS_MILES } from './matching/distance';
export { checkEligibility } from './matching/eligibility';
export { MIN_STABILITY_EVIDENCE } from './matching/quality';
export { rankVacancies, DEFAULT_EXCLUSION_LIMIT, DEFAULT_MATCH_LIMIT } from './matching/rank';
export type { LatLonBox } from './matching/lat-lon-box';
export { searchBox, shortlistRounds, shortlistSettled } from './matching/search-plan';
export type { SearchRound } from './matching/search-plan';
export { VacancyIndex } from './matching/vacancy-index';
export {
  DEFAULT_WEIGHTS,
  WEIGHT_KEYS,
  assertValidWeights,
  costCannotOutweighNeedsAndProximity,
} from './matching/weights';
export { isPublicAddress, isRegistrableHost } from './webhooks/public-address';
export { DEFAULT_AUTO_SEND_TOP_PROVIDERS, MAX_AUTO_SEND_TOP_PROVIDERS } from './targeting/targeting';
export * from './market/market-position';
export { previewWeights } from './matching/weights-preview';
export type { StoredShortlistItem } from './matching/weights-preview';
export { compareSectors, SECTOR_GROUPS } from './benchmarks/sector-comparison';
export type { BenchmarkSums, SectorComparison, SectorGroup } from './benchmarks/sector-comparison';
export * from './sufficiency/reserved-nights';
export { backtest, forecastSeries } from './sufficiency/forecast';
export type { BacktestResult, Forecast, ForecastMethod, ForecastOptions, ForecastPoint } from './sufficiency/forecast';
export { addMonths, firstOfMonth, lastCompleteMonths } from './sufficiency/months';
export { AGE_BAND_BOUNDS, AGE_BANDS, ageBandOf } from './sufficiency/age-bands';
export type { AgeBand, AgeBandBounds } from './sufficiency/age-bands';
export {
  addCalendarDays,
  DEFAULT_VACANCY_STALE_DAYS,
  freshFrom,
  isStaleAfter,
} from './matching/staleness';
export { neededOn } from './matching/prepared-referral';
export * from './statuses/statuses';
