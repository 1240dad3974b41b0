import { Client } from 'pg';
import { type Stats, stats } from './stats';

/** What one durable commit costs here (WAL flush): a floor under every match, which commits once. */
export async function commitCost(db: Client): Promise<Stats & { synchronousCommit: string }> {
  await db.query('CREATE TABLE bench_commit_probe (n int)');
  const times: number[] = [];
  for (let i = 0; i < 50; i += 1) {
    const started = performance.now();
    await db.query('BEGIN');
    await db.query('INSERT INTO bench_commit_probe VALUES ($1)', [i]);
    await db.query('COMMIT');
    times.push(performance.now() - started);
  }
  await db.query('DROP TABLE bench_commit_probe');
  const [{ setting }] = (await db.query<{ setting: string }>(`SELECT current_setting('synchronous_commit') AS setting`)).rows;
  return { ...stats(times), synchronousCommit: setting };
}
