/**
 * Every queue and job on the platform, and the payload each job carries. Producers and processors
 * both type against this catalogue, so a renamed field is a compile error on both sides. Jobs carry
 * ids, never documents: a processor re-reads the database, which is the source of truth.
 */
export enum QueueName {
  Matching = 'matching',
}

export enum JobName {
  MatchReferral = 'match-referral',
}

export interface JobPayloads {
  [JobName.MatchReferral]: { referralId: string };
}

/** Which queue each job travels on. */
export const JOB_QUEUE: { readonly [J in JobName]: QueueName } = {
  [JobName.MatchReferral]: QueueName.Matching,
};

export type JobPayload<J extends JobName> = JobPayloads[J];

/** A job as the outbox stores it: the discriminated union of every (name, payload) pair. */
export type OutboxJob = { [J in JobName]: { name: J; payload: JobPayloads[J] } }[JobName];

export function isJobName(value: string): value is JobName {
  return (Object.values(JobName) as string[]).includes(value);
}

/** BullMQ refuses integer job ids and colons; outbox ids are integers, so they get a prefix. */
export function outboxJobId(outboxId: string | number): string {
  return `outbox-${outboxId}`;
}
