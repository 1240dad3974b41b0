import * as entityClasses from './entity-classes';

export * from './entity-classes';
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

/** What TypeORM maps: every class of entity-classes.ts, so a new entity is listed in one place. */
export const ENTITIES = Object.values(entityClasses);
