/**
 * Every queue and job on the platform, and the payload each job carries. Producers and processors
 * both type against this catalogue, so a renamed field is a compile error on both sides. Jobs carry
 * ids, never documents: a processor re-reads the database, which is the source of truth.
 */
export enum QueueName {
  Matching = 'matching',
}

export enum JobName {
  /** A new referral's first match; published from the intake outbox. */
  MatchReferral = 'match-referral',
  /** A referral's shortlist may be out of date: match it again. One waits per referral at most. */
  RematchReferral = 'rematch-referral',
  /** Vacancies were created, changed or withdrawn: find the open referrals they could re-rank. */
  VacanciesChanged = 'vacancies-changed',
}

export interface JobPayloads {
  [JobName.MatchReferral]: { referralId: string };
  [JobName.RematchReferral]: { referralId: string };
  [JobName.VacanciesChanged]: { vacancyIds: string[] };
}

/** Which queue each job travels on. */
export const JOB_QUEUE: { readonly [J in JobName]: QueueName } = {
  [JobName.MatchReferral]: QueueName.Matching,
  [JobName.RematchReferral]: QueueName.Matching,
  [JobName.VacanciesChanged]: QueueName.Matching,
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
