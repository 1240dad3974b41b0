import type { Urgency } from '@app/domain';
import { JOB_QUEUE, type JobName, type JobPayloads } from '@app/jobs';

/**
 * An SQL expression for each field of a job's payload. The catalogue names the fields, so a payload
 * built in SQL is typed like one built in TypeScript: renaming a field fails to compile here too.
 */
export type PayloadSql<J extends JobName> = { readonly [K in keyof JobPayloads[J]]-?: string };

/** The start of every statement that writes outbox rows: follow it with `SELECT ${outboxColumns(…)} FROM …`. */
export const INSERT_OUTBOX = 'INSERT INTO outbox (queue_name, job_name, payload)';

/** SQL: the queue, name and payload columns of an outbox row for `job`, its payload built from `fields`. */
export function outboxColumns<J extends JobName>(job: J, fields: PayloadSql<J>): string {
  return `${literal(JOB_QUEUE[job])}, ${literal(job)}, ${jsonObject(fields)}`;
}

type ReferralJob = JobName.MatchReferral | JobName.MatchEmergency | JobName.RematchReferral | JobName.RematchEmergency;

/**
 * SQL: the same for the job that matches (or re-matches) a referral, chosen per row by its
 * `urgency` (an SQL expression): `jobFor` is the catalogue's matchJobFor or rematchJobFor, asked for
 * each lane, so an emergency goes to the fast lane by the catalogue's rule. The text does not
 * depend on the urgency, so the statement can be prepared once.
 */
export function referralJobColumns(jobFor: (urgency: Urgency) => ReferralJob, urgency: string, referralId: string): string {
  const [fast, routine] = [jobFor('emergency'), jobFor('planned')];
  const either = (a: string, b: string) => `CASE WHEN ${urgency} = 'emergency' THEN ${literal(a)} ELSE ${literal(b)} END`;
  return `${either(JOB_QUEUE[fast], JOB_QUEUE[routine])}, ${either(fast, routine)}, ${jsonObject({ referralId } satisfies PayloadSql<ReferralJob>)}`;
}

/**
 * SQL: a field of the payload of an outbox row (`row`, its alias in the query) as text, named as the
 * catalogue names it for `job`, so reading a renamed field fails to compile as writing it does.
 */
export function payloadField<J extends JobName>(row: string, _job: J, field: keyof JobPayloads[J] & string): string {
  return `${row}.payload->>${literal(field)}`;
}

/** SQL: whether the payload of the outbox row `row` has the catalogue's `field` of `job`. */
export function payloadHas<J extends JobName>(row: string, _job: J, field: keyof JobPayloads[J] & string): string {
  return `${row}.payload ? ${literal(field)}`;
}

function jsonObject(fields: Readonly<Record<string, string>>): string {
  return `jsonb_build_object(${Object.entries(fields)
    .map(([name, sql]) => `${literal(name)}, ${sql}`)
    .join(', ')})`;
}

/** Queue, job and field names are the catalogue's identifiers, never input; refuse anything else. */
function literal(name: string): string {
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(name)) throw new Error(`not a catalogue name: ${name}`);
  return `'${name}'`;
}
