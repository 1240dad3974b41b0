/** What intake's checks wait for in Postgres: the relay listening, in-flight requests committed, the outbox sent. */
import { queryOnce } from '../support/scratch-database';
import { sleep, withTimeout } from '../support/teardown';

/** Waits until the worker's outbox relay holds its LISTEN connection on the database. */
export async function waitForRelay(databaseUrl: string): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const rows = await queryOnce(
      databaseUrl,
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'outbox-relay'`,
    );
    if (rows.length > 0) return;
    await sleep(250);
  }
  throw new Error('the worker did not open its outbox-relay connection within 60s');
}

/**
 * Requests in flight when a run stopped still commit after autocannon hangs up: waits until the
 * referral count has not moved for a second (at most 15 s).
 */
export async function settle(databaseUrl: string): Promise<void> {
  const until = Date.now() + 15_000;
  let last = -1;
  for (;;) {
    const [row] = await queryOnce<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM referrals`);
    if (row.n === last || Date.now() >= until) return;
    last = row.n;
    await sleep(1_000);
  }
}

/** Waits until no outbox row is unsent, or the time is up. */
export async function waitForDrain(
  databaseUrl: string,
  timeoutMs: number,
): Promise<{ total: number; sent: number; unsent: number }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await withTimeout(
      queryOnce<{ total: number; unsent: number }>(
        databaseUrl,
        `SELECT count(*)::int AS total, (count(*) FILTER (WHERE sent_at IS NULL))::int AS unsent FROM outbox`,
      ),
      10_000,
      'outbox count',
    );
    if (row.unsent === 0 || Date.now() >= until) {
      return { total: row.total, sent: row.total - row.unsent, unsent: row.unsent };
    }
    await sleep(500);
  }
}
