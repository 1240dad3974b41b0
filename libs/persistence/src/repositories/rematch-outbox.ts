import type { EntityManager } from 'typeorm';
import { REMATCHABLE } from '@app/domain';
import { rematchJobFor } from '@app/jobs';
import { INSERT_OUTBOX, referralJobColumns } from './outbox-sql';
import { returningRows } from './rows';

/**
 * Inside a transaction, asks for every referral of `localAuthorityCodes` that awaits placement to be
 * matched again (an emergency in the fast lane): how many were asked for.
 */
export async function queueRematches(manager: EntityManager, localAuthorityCodes: string[]): Promise<number> {
  if (localAuthorityCodes.length === 0) return 0;
  const queued = await returningRows(
    manager,
    `${INSERT_OUTBOX}
     SELECT ${referralJobColumns(rematchJobFor, 'r.urgency', 'r.id')}
       FROM referrals r
      WHERE r.local_authority_code = ANY($1::varchar[]) AND r.status = ANY($2::text[])
     RETURNING id`,
    [localAuthorityCodes, REMATCHABLE],
  );
  return queued.length;
}
