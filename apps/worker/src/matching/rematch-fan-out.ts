import { jobOptions, Queues } from '@app/queue';
import { JOB_QUEUE, rematchJobFor } from '@app/jobs';

/**
 * Queues one re-match per referral, emergencies on the fast lane. Each collapses per referral by
 * BullMQ deduplication, so asking twice (a burst of changes, a job run twice) costs one re-match.
 */
export async function queueRematches(queues: Queues, referrals: readonly { id: string; urgency: string }[]): Promise<void> {
  const byJob = new Map<ReturnType<typeof rematchJobFor>, string[]>();
  for (const { id, urgency } of referrals) {
    const job = rematchJobFor(urgency);
    byJob.set(job, [...(byJob.get(job) ?? []), id]);
  }
  await Promise.all(
    [...byJob].map(([name, referralIds]) =>
      queues
        .get(JOB_QUEUE[name])
        .addBulk(referralIds.map((referralId) => ({ name, data: { referralId }, opts: jobOptions(name, { referralId }) }))),
    ),
  );
}
