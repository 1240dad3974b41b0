export * from './entities';
export { createDataSource } from './data-source';
export type { DatabaseSettings } from './data-source';
export { migrateAndLoadReferenceData, ofstedRegisterEntries } from './migrate/migrate-and-load';
export type { MigrationReport } from './migrate/migrate-and-load';
export { applyOfstedRegister } from './repositories/reference-data.repository';
export { OutboxRepository, OUTBOX_CHANNEL } from './repositories/outbox.repository';
export type { OutboxRow, SentOutboxRow, LostJobQuery } from './repositories/outbox.repository';
export { UserRepository, DuplicateEmailError } from './repositories/user.repository';
export type { NewUser } from './repositories/user.repository';
export { OrganisationRepository, DuplicateNameError } from './repositories/organisation.repository';
export { AllianceRepository } from './repositories/alliance.repository';
export type { AllianceView } from './repositories/alliance.repository';
export { ProviderRepository } from './repositories/provider.repository';
export type { ProviderListItem, ProviderUpdateResult } from './repositories/provider.repository';
export { SettingRepository } from './repositories/setting.repository';
export type { NewSetting, SettingChanges, SettingFilter, SettingUpdateResult } from './repositories/setting.repository';
export { VacancyRepository } from './repositories/vacancy.repository';
export type { VacancyView, NewVacancy, VacancyChanges, VacancyFilter, VacancyUpdateResult, VacancyConfirmResult } from './repositories/vacancy.repository';
export { ReferralRepository } from './repositories/referral.repository';
export type { NewReferral, ChildRecord, ReferralSummary, IntakeResult, ReferralDetail, ReferralListFilter } from './repositories/referral.repository';
export { isDatabaseUnavailable } from './repositories/pg-errors';
export { PersistenceModule } from './persistence.module';
export { PostcodeDirectory } from './repositories/postcode-directory';
export type { ResolvedPostcode, PostcodeResolution } from './repositories/postcode-directory';
export { OutboxSignal } from './repositories/outbox-signal';
export { MatchingRepository } from './repositories/matching.repository';
export type { ClaimedReferral, MatchOutcome, MatchRunResult } from './repositories/matching.repository';
export type { CandidateSource, VacancyChangeBatch } from './repositories/candidate-source';
export { VacancyFeedRepository } from './repositories/vacancy-feed.repository';
export { StoredMatchesRepository } from './repositories/stored-matches.repository';
export type { StoredMatches, StoredExclusions, ListedProvider, ListedSetting, WithPlace } from './repositories/stored-matches.repository';
export { DayTurnRepository } from './repositories/day-turn.repository';
export type { DayTurnWork } from './repositories/day-turn.repository';
export { OfferRepository } from './repositories/offer.repository';
export type { Page } from './repositories/page';
export type { ProviderReferralSummary, OfferView, DeclineView, ProviderOfferView, NewOffer, NewDecline, OfferResult, DeclineResult } from './repositories/offer.repository';
export { AuditRepository } from './repositories/audit.repository';
export type { AuditActor, AuditAction, AuditedEntity, AuditEntryView } from './repositories/audit.repository';
export { PlacementRepository } from './repositories/placement.repository';
export type { AcceptResult, EndResult } from './repositories/placement.repository';
export { StepDownRepository } from './repositories/step-down.repository';
export type {
  PlacementView,
  ChildIdentity,
  PlacingOfficer,
  ProviderHandover,
  PlacementListItem,
  LaPlacementListItem,
  ProviderPlacementListItem,
  PlacementListFilter,
} from './repositories/placement-views';
export type { ChildSummary } from './repositories/child-summary';
export { OutcomeRepository } from './repositories/outcome.repository';
export type {
  OutcomeView,
  OutcomeStep,
  FeedbackView,
  NewOutcome,
  Recorder,
  PlacementOwner,
  OutcomeResult,
  ConfirmResult,
  FeedbackResult,
} from './repositories/outcome.repository';
export { NotificationRepository } from './repositories/notification.repository';
export type { NotificationView, PendingDelivery } from './repositories/notification.repository';
export { RecipientRepository } from './repositories/recipient.repository';
export type { RecipientView, SendResult } from './repositories/recipient.repository';
export { HoldRepository } from './repositories/hold.repository';
export type { HoldView, HoldResult } from './repositories/hold.repository';
export { SufficiencyRepository } from './repositories/sufficiency.repository';
export { SufficiencyRollupRepository } from './repositories/sufficiency-rollup.repository';
export { SupplySnapshotRepository } from './repositories/supply-snapshot.repository';
export { supplySnapshotInserts } from './repositories/sufficiency-sql';
export type { SupplySource } from './repositories/supply-sql';
/** The parts of sufficiency's SQL that the raw-table oracle in libs/testing reads demand and supply with. */
export { AGE_BAND_ORDER, AGE_BAND_SQL, ALLIANCE_LAS } from './repositories/sufficiency-sql';
export { BY_BAND_SUPPLY, periodQuery, totalBeds } from './repositories/supply-sql';
export { GREAT_CIRCLE_MILES } from './repositories/distance-sql';
export type {
  SufficiencyRow,
  SufficiencyTotals,
  NeedSufficiencyRow,
  NeedSufficiencyTotals,
  SufficiencyMonth,
  MonthlyDemand,
  OverdueStepDown,
} from './repositories/sufficiency.repository';
export { ReservedBedRepository } from './repositories/reserved-bed.repository';
export type { ReservedVacancyRow } from './repositories/reserved-bed.repository';
export { MarketPositionRepository } from './repositories/market-position.repository';
export type { MarketPositionView } from './repositories/market-position.repository';
export { ProviderBenchmarkRepository } from './repositories/provider-benchmark.repository';
export type { BenchmarkFilter, BenchmarkReport, ProviderBenchmark } from './repositories/provider-benchmark.repository';
