/**
 * How the api writes ids, days and instants, for response properties: `@ApiProperty(UUID)`,
 * `@ApiProperty({ ...DAY, nullable: true })`.
 */
export const UUID = { type: String, format: 'uuid' };

/** A calendar day in England, as the api always writes one. */
export const DAY = { type: String, format: 'date', example: '2026-11-20' };

/** A month as YYYY-MM. */
export const MONTH = { type: String, pattern: '^\\d{4}-\\d{2}$', example: '2026-11' };

/** An instant, in UTC with milliseconds. */
export const TIMESTAMP = { type: String, format: 'date-time', example: '2026-11-20T09:30:00.000Z' };

/** Whole pounds a week. */
export const WEEKLY_COST = { type: 'integer' as const, example: 4250, description: 'Whole pounds a week' };
