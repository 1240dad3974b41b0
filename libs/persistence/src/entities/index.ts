import { LocalAuthorityEntity } from './local-authority.entity';
import { PostcodeDistrictEntity } from './postcode-district.entity';
import { AllianceEntity } from './alliance.entity';
import { ProviderEntity } from './provider.entity';
import { SettingEntity } from './setting.entity';
import { VacancyEntity } from './vacancy.entity';
import { UserEntity } from './user.entity';
import { ChildEntity } from './child.entity';
import { ReferralEntity } from './referral.entity';
import { ReferralMatchEntity } from './referral-match.entity';
import { ReferralExclusionEntity } from './referral-exclusion.entity';
import { ReferralShortlistingEntity } from './referral-shortlisting.entity';
import { ReferralRecipientEntity } from './referral-recipient.entity';
import { MarketPositionEntity } from './market-position.entity';
import { OfferEntity } from './offer.entity';
import { DeclineEntity } from './decline.entity';
import { PlacementEntity } from './placement.entity';
import { PlacementOutcomeEntity } from './placement-outcome.entity';
import { OutcomeUpdateEntity } from './outcome-update.entity';
import { PlacementFeedbackEntity } from './placement-feedback.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { VacancyHoldEntity } from './vacancy-hold.entity';
import { ProviderWebhookEntity } from './provider-webhook.entity';
import { ProviderNotificationEntity } from './provider-notification.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { SupplySnapshotEntity, SupplyNeedSnapshotEntity } from './supply-snapshot.entity';
import { DayTurnEntity } from './day-turn.entity';
import { SufficiencyNeedRollupEntity, SufficiencyRollupEntity, SufficiencyStaleMarkEntity } from './sufficiency-rollup.entity';

export {
  LocalAuthorityEntity,
  PostcodeDistrictEntity,
  AllianceEntity,
  ProviderEntity,
  SettingEntity,
  VacancyEntity,
  UserEntity,
  ChildEntity,
  ReferralEntity,
  ReferralMatchEntity,
  ReferralExclusionEntity,
  ReferralShortlistingEntity,
  ReferralRecipientEntity,
  MarketPositionEntity,
  OfferEntity,
  DeclineEntity,
  PlacementEntity,
  PlacementOutcomeEntity,
  OutcomeUpdateEntity,
  PlacementFeedbackEntity,
  OutboxMessageEntity,
  VacancyHoldEntity,
  ProviderWebhookEntity,
  ProviderNotificationEntity,
  AuditEntryEntity,
  SupplySnapshotEntity,
  SupplyNeedSnapshotEntity,
  SufficiencyRollupEntity,
  SufficiencyNeedRollupEntity,
  SufficiencyStaleMarkEntity,
  DayTurnEntity,
};
export type { SupportedNeed, OfstedGradeSource } from './setting.entity';
export { OFSTED_GRADE_SOURCES } from './setting.entity';
export type { ReservedFor } from './vacancy.entity';
export type { Role } from './user.entity';
export { ROLES } from './user.entity';
export type { ChildNeed, ChildPreferences } from './child.entity';

export type { DeclineReason } from './decline.entity';
export { DECLINE_REASONS } from './decline.entity';
export type { OutcomeKind } from './placement-outcome.entity';
export { OUTCOME_KINDS } from './placement-outcome.entity';

export const ENTITIES = [
  LocalAuthorityEntity,
  PostcodeDistrictEntity,
  AllianceEntity,
  ProviderEntity,
  SettingEntity,
  VacancyEntity,
  UserEntity,
  ChildEntity,
  ReferralEntity,
  ReferralMatchEntity,
  ReferralExclusionEntity,
  ReferralShortlistingEntity,
  ReferralRecipientEntity,
  MarketPositionEntity,
  OfferEntity,
  DeclineEntity,
  PlacementEntity,
  PlacementOutcomeEntity,
  OutcomeUpdateEntity,
  PlacementFeedbackEntity,
  OutboxMessageEntity,
  VacancyHoldEntity,
  ProviderWebhookEntity,
  ProviderNotificationEntity,
  AuditEntryEntity,
  SupplySnapshotEntity,
  SupplyNeedSnapshotEntity,
  SufficiencyRollupEntity,
  SufficiencyNeedRollupEntity,
  SufficiencyStaleMarkEntity,
  DayTurnEntity,
];
