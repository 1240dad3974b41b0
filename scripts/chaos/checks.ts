/**
 * What must hold after a chaos run, read through the api (as the officer sees it) and through SQL:
 * every acknowledged referral exists and ended matched or placed, no bed is double-booked, no child
 * is placed twice, and every alert queued for a provider was delivered or is still being retried.
 */
import { Queue } from 'bullmq';
import { JobName, outboxJobId, QueueName } from '@app/jobs';
import { createRedisConnection } from '@app/queue';
import { queryOnce } from '../bench/support/scratch-database';
import type { Driver } from './drive';
import { VACANCY_BEDS } from './seed';
import type { WebhookReceiver } from './stack';

export interface Check {
  name: string;
  passed: boolean;
  detail: string;
}

export interface Outcome {
  checks: Check[];
  statuses: Record<string, number>;
  alerts: { queued: number; delivered: number; cancelled: number; retrying: number };
}

export interface CheckContext {
  driver: Driver;
  officerToken: string;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  receiver: WebhookReceiver;
}

const ENDED = ['shortlisted', 'no_match', 'placed'];
/** States of a job that will still run. */
const RETRYING_STATES = ['waiting', 'delayed', 'active', 'prioritized', 'waiting-children'];
const listed = (items: string[], max = 10) => items.slice(0, max).join('; ') + (items.length > max ? `; and ${items.length - max} more` : '');

export async function runChecks(context: CheckContext): Promise<Outcome> {
  const checks: Check[] = [];
  const { driver, databaseUrl } = context;
  const acknowledged = driver.acknowledged;

  // 1. Through the api, as the officer: each acknowledged referral, and how it ended.
  const statuses: Record<string, number> = {};
  const notEnded: string[] = [];
  for (const referral of acknowledged) {
    const answer = await driver.retrying(20, () => driver.call('GET', `/referrals/${referral.id}`, context.officerToken));
    const status = answer.status === 200 ? String(answer.body.status) : `HTTP ${answer.status}`;
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (!ENDED.includes(status)) notEnded.push(`${referral.id} (${referral.urgency}, acknowledged at ${(referral.at / 1000).toFixed(1)} s): ${status}`);
  }
  const stored = await queryOnce<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM referrals WHERE id = ANY($1::uuid[])`, [
    acknowledged.map((referral) => referral.id),
  ]);
  checks.push({
    name: 'every acknowledged referral exists and ended shortlisted, no_match or placed',
    passed: notEnded.length === 0 && stored[0].n === acknowledged.length,
    detail:
      `${acknowledged.length} acknowledged, ${stored[0].n} in the database` + (notEnded.length > 0 ? `; not ended: ${listed(notEnded)}` : ''),
  });

  // 2. Beds: live placements per vacancy against the beds it opened with (VACANCY_BEDS, every
  // vacancy of the run, whether or not the answer to its POST was lost), and the count left.
  const vacancies = await queryOnce<{ id: string; beds: number; placed: number }>(
    databaseUrl,
    `SELECT v.id, v.beds, count(p.id)::int AS placed
       FROM vacancies v LEFT JOIN placements p ON p.vacancy_id = v.id AND p.ended_on IS NULL
      GROUP BY v.id, v.beds`,
  );
  const overBooked = vacancies
    .filter((v) => v.placed > VACANCY_BEDS || v.beds < 0 || v.beds + v.placed !== VACANCY_BEDS)
    .map((v) => `vacancy ${v.id}: opened with ${VACANCY_BEDS} beds, ${v.placed} placed, ${v.beds} left`);
  checks.push({
    name: 'no bed is double-booked',
    passed: overBooked.length === 0,
    detail: overBooked.length === 0 ? `${vacancies.length} vacancies, placements within their beds` : listed(overBooked),
  });

  // 3. Children: one placement each, and a placed referral has it.
  const twice = await queryOnce<{ referralId: string; placements: number; accepted: number }>(
    databaseUrl,
    `SELECT r.id AS "referralId",
            (SELECT count(*)::int FROM placements p WHERE p.referral_id = r.id) AS placements,
            (SELECT count(*)::int FROM offers o WHERE o.referral_id = r.id AND o.status = 'accepted') AS accepted
       FROM referrals r
      WHERE (SELECT count(*) FROM placements p WHERE p.referral_id = r.id) > 1
         OR (SELECT count(*) FROM offers o WHERE o.referral_id = r.id AND o.status = 'accepted') > 1
         OR (r.status = 'placed' AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.id = r.placement_id))`,
  );
  checks.push({
    name: 'no referral is placed twice',
    passed: twice.length === 0,
    detail:
      twice.length === 0
        ? 'each placed referral has exactly one placement'
        : listed(twice.map((row) => `referral ${row.referralId}: ${row.placements} placements, ${row.accepted} accepted offers`)),
  });

  // 4. Alerts: delivered (and received), cancelled by the product's rules, or still being retried.
  const alerts = await queryOnce<{ id: string; delivered: boolean; cancelled: boolean; failed: boolean; outboxId: string | null; sent: boolean }>(
    databaseUrl,
    `SELECT n.id, n.delivered_at IS NOT NULL AS delivered, n.cancelled_at IS NOT NULL AS cancelled, n.failed_at IS NOT NULL AS failed,
            o.id::text AS "outboxId", o.sent_at IS NOT NULL AS sent
       FROM provider_notifications n
       LEFT JOIN LATERAL (SELECT id, sent_at FROM outbox WHERE job_name = $1 AND payload->>'notificationId' = n.id::text
                           ORDER BY id DESC LIMIT 1) o ON true
      WHERE n.queued_at IS NOT NULL`,
    [JobName.NotifyProvider],
  );
  const connection = createRedisConnection(context.redisUrl, { enableOfflineQueue: true });
  const queue = new Queue(QueueName.Notifications, { connection, prefix: context.queuePrefix });
  const problems: string[] = [];
  let retrying = 0;
  try {
    for (const alert of alerts) {
      if (alert.delivered) {
        if (!context.receiver.deliveryIds.has(alert.id)) problems.push(`alert ${alert.id} marked delivered but never received`);
        continue;
      }
      if (alert.cancelled) continue;
      const state = alert.failed ? 'failed' : !alert.outboxId ? 'no job' : !alert.sent ? 'waiting' : await queue.getJobState(outboxJobId(alert.outboxId));
      if (RETRYING_STATES.includes(state)) retrying += 1;
      else problems.push(`alert ${alert.id}: neither delivered nor retrying (${state})`);
    }
  } finally {
    await queue.close();
    connection.disconnect();
  }
  const count = (pick: (a: (typeof alerts)[number]) => boolean) => alerts.filter(pick).length;
  const tally = { queued: alerts.length, delivered: count((a) => a.delivered), cancelled: count((a) => !a.delivered && a.cancelled), retrying };
  checks.push({
    name: 'every queued alert was delivered or is retrying',
    passed: problems.length === 0,
    detail:
      `${tally.queued} queued: ${tally.delivered} delivered, ${tally.cancelled} cancelled, ${tally.retrying} retrying; ` +
      `the webhook received ${context.receiver.received} POSTs` +
      (problems.length > 0 ? `; ${listed(problems)}` : ''),
  });
  return { checks, statuses, alerts: tally };
}
