import type { EntityManager } from 'typeorm';
import { returningRows } from './rows';

/** The queue and job that re-match a routine referral and an emergency one (the fast lane). */
export interface RematchJobs {
  routine: { queueName: string; jobName: string };
  emergency: { queueName: string; jobName: string };
}

/**
 * Inside a transaction, asks for every referral of `localAuthorityCodes` that awaits placement to be
 * matched again (an emergency in the fast lane): how many were asked for.
 */
export async function queueRematches(manager: EntityManager, localAuthorityCodes: string[], jobs: RematchJobs): Promise<number> {
  if (localAuthorityCodes.length === 0) return 0;
  const queued = await returningRows(
    manager,
    `INSERT INTO outbox (queue_name, job_name, payload)
     SELECT CASE WHEN r.urgency = 'emergency' THEN $4 ELSE $2 END, CASE WHEN r.urgency = 'emergency' THEN $5 ELSE $3 END,
            jsonb_build_object('referralId', r.id)
       FROM referrals r
      WHERE r.local_authority_code = ANY($1::varchar[]) AND r.status IN ('submitted', 'shortlisted', 'no_match', 'match_failed')
     RETURNING id`,
    [localAuthorityCodes, jobs.routine.queueName, jobs.routine.jobName, jobs.emergency.queueName, jobs.emergency.jobName],
  );
  return queued.length;
}
