import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface OutboxRow {
  id: string;
  queueName: string;
  jobName: string;
  payload: Record<string, unknown>;
}

/**
 * Channel on which the relay listens. Writers signal it after their commit (see OutboxSignal), not
 * inside the transaction: a NOTIFY in a transaction makes its commit wait on a database-wide lock.
 */
export const OUTBOX_CHANNEL = 'outbox';

@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds a message inside the caller's transaction, so it commits or rolls back with the change. */
  static async append(
    manager: EntityManager,
    message: { queueName: string; jobName: string; payload: Record<string, unknown> },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO outbox (queue_name, job_name, payload) VALUES ($1, $2, $3) RETURNING id`,
      [message.queueName, message.jobName, message.payload],
    );
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
    jobNames: readonly string[],
    publish: (rows: OutboxRow[]) => Promise<void>,
    firstQueues: readonly string[] = [],
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

  async countUnsent(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`);
    return row.n;
  }
}
