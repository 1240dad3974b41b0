import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { MATCHED } from '@app/domain';
import { JOB_QUEUE, JobName, type JobPayloads, type QueueName } from '@app/jobs';
import { payloadField, payloadHas } from './outbox-sql';
import { referralStatus } from './status-sql';

/**
 * An outbox row: its job and that job's payload, as the catalogue types them. Rows are read back
 * from the database, so readers still check `isJobName` before trusting the name (a newer version
 * may have written a job this one does not know).
 */
export type OutboxRow = { id: string; queueName: QueueName } & { [J in JobName]: { jobName: J; payload: JobPayloads[J] } }[JobName];

/**
 * Channel on which the relay listens. Writers signal it after their commit (see OutboxSignal), not
 * inside the transaction: a NOTIFY in a transaction makes its commit wait on a database-wide lock.
 */
export const OUTBOX_CHANNEL = 'outbox';

/** A published outbox row whose job should still be in Redis, and why the sweeper checks it. */
export type SentOutboxRow = OutboxRow & {
  /**
   * `unmatched`: a referral waiting for its first match (or whose matching ran out of retries);
   * `due`: a re-match asked for and not run since; `recent`: any other job published within the window.
   */
  why: 'unmatched' | 'due' | 'recent';
};

export interface LostJobQuery {
  /** First-match and re-match job names: their rows carry `referralId`. */
  matchJobs: readonly JobName[];
  rematchJobs: readonly JobName[];
  /** Other jobs worth re-publishing if lost (vacancy changes, step-downs, alerts). */
  otherJobs: readonly JobName[];
  /** Alerts' job name: their rows count only while the alert is still to be delivered. */
  alertJob: JobName;
  /** A referral `matching` this long is not being matched (a match is one transaction). */
  stuckMatchingMs: number;
  /** A `match_failed` referral (or a due re-match that failed) is retried this long after its last try. */
  retryFailedAfterMs: number;
  /** Rows of other jobs published this long ago at most (completed jobs are kept a day). */
  windowMs: number;
  limit: number;
}

@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Adds a job inside the caller's transaction, so it commits or rolls back with the change; the
   * catalogue gives its queue and the type of its payload.
   */
  static async append<J extends JobName>(manager: EntityManager, job: J, payload: JobPayloads[J]): Promise<string> {
    const [row] = await manager.query(`INSERT INTO outbox (queue_name, job_name, payload) VALUES ($1, $2, $3) RETURNING id`, [
      JOB_QUEUE[job],
      job,
      payload,
    ]);
    return String(row.id);
  }

  /**
   * Claims up to `limit` unsent rows of the given jobs (other relays skip them), hands them to
   * `publish`, and marks them sent only if publishing succeeded, all in one transaction. If the
   * process dies after publishing and before the commit, the rows stay unsent and are published
   * again under the same job ids, which the queue de-duplicates. Rows of jobs this relay does not
   * know (written by a newer version during a rolling deploy) are left for a relay that does.
   */
  async publishPending(
    limit: number,
    jobNames: readonly JobName[],
    publish: (rows: OutboxRow[]) => Promise<void>,
    firstQueues: readonly QueueName[] = [],
  ): Promise<number> {
    let claimed: OutboxRow[] = [];
    try {
      return await this.dataSource.transaction(async (manager) => {
        // A relay that freezes (a paused VM, a lost network) must not keep its rows locked for
        // hours until TCP gives up: Postgres ends the session and the rows become claimable.
        await manager.query(`SET LOCAL idle_in_transaction_session_timeout = '30s'`);
        // The fast lane's rows first, however many routine rows were written before them.
        const first: OutboxRow[] =
          firstQueues.length === 0
            ? []
            : await manager.query(
                `SELECT id::text AS id, queue_name AS "queueName", job_name AS "jobName", payload
                   FROM outbox WHERE sent_at IS NULL AND queue_name = ANY($3) AND job_name = ANY($2)
                  ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
                [limit, jobNames, firstQueues],
              );
        const rest: OutboxRow[] =
          first.length >= limit
            ? []
            : await manager.query(
                `SELECT id::text AS id, queue_name AS "queueName", job_name AS "jobName", payload
                   FROM outbox WHERE sent_at IS NULL AND job_name = ANY($2) AND NOT (queue_name = ANY($3))
                  ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
                [limit - first.length, jobNames, firstQueues],
              );
        claimed = [...first, ...rest];
        if (claimed.length === 0) return 0;
        await publish(claimed);
        await manager.query(`UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])`, [
          claimed.map((row) => row.id),
        ]);
        return claimed.length;
      });
    } catch (error) {
      if (claimed.length > 0) await this.recordFailure(claimed, error);
      throw error;
    }
  }

  private async recordFailure(rows: OutboxRow[], error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.dataSource
      .query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[]) AND sent_at IS NULL`, [
        rows.map((row) => row.id),
        message.slice(0, 500),
      ])
      .catch(() => undefined);
  }

  /**
   * The published rows whose jobs should still be in Redis, for the sweeper to check: each
   * unmatched referral's latest match row (`submitted`; `matching` for longer than a match takes;
   * `match_failed` not retried for a while), re-match rows of referrals not matched since, and other
   * rows published within the window (alerts only while still to be delivered). Read-only.
   */
  async sentRowsToCheck(query: LostJobQuery): Promise<SentOutboxRow[]> {
    const unmatched: SentOutboxRow[] = await this.dataSource.query(
      `SELECT o.id::text AS id, o.queue_name AS "queueName", o.job_name AS "jobName", o.payload, 'unmatched' AS why
         FROM referrals r
         CROSS JOIN LATERAL (
           SELECT * FROM outbox o
            WHERE ${payloadHas('o', JobName.MatchReferral, 'referralId')} AND ${payloadField('o', JobName.MatchReferral, 'referralId')} = r.id::text
              AND o.job_name = ANY($1)
            ORDER BY o.id DESC LIMIT 1
         ) o
        WHERE o.sent_at IS NOT NULL
          AND (r.status = ${referralStatus('submitted')}
               OR (r.status = ${referralStatus('matching')} AND r.updated_at < now() - make_interval(secs => $2))
               OR (r.status = ${referralStatus('match_failed')} AND r.updated_at < now() - make_interval(secs => $3)))
        ORDER BY r.updated_at LIMIT $4`,
      [query.matchJobs, query.stuckMatchingMs / 1000, query.retryFailedAfterMs / 1000, query.limit],
    );
    const recent: SentOutboxRow[] = await this.dataSource.query(
      `SELECT o.id::text AS id, o.queue_name AS "queueName", o.job_name AS "jobName", o.payload,
              CASE WHEN o.job_name = ANY($1) THEN 'due' ELSE 'recent' END AS why
         FROM outbox o
         LEFT JOIN referrals r ON o.job_name = ANY($1) AND r.id = (${payloadField('o', JobName.RematchReferral, 'referralId')})::uuid
         LEFT JOIN provider_notifications n ON o.job_name = $3 AND n.id = (${payloadField('o', JobName.NotifyProvider, 'notificationId')})::uuid
        WHERE o.created_at > now() - make_interval(secs => $4) AND o.sent_at IS NOT NULL
          AND (o.job_name = ANY($1) OR o.job_name = ANY($2))
          AND (NOT o.job_name = ANY($1)
               OR (r.status = ANY($6::text[]) AND (r.matched_at IS NULL OR r.matched_at < o.created_at)))
          AND (o.job_name <> $3 OR (n.delivered_at IS NULL AND n.cancelled_at IS NULL AND n.failed_at IS NULL))
        ORDER BY o.id LIMIT $5`,
      [query.rematchJobs, query.otherJobs, query.alertJob, query.windowMs / 1000, query.limit, MATCHED],
    );
    return [...unmatched, ...recent];
  }

  async countUnsent(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`);
    return row.n;
  }
}
