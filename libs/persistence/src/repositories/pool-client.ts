import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

export interface CheckedOutClient {
  client: PoolClient;
  /** Returns the client to the pool, or destroys it if it broke (or `error` is given). */
  release(error?: Error): void;
}

/**
 * A client taken from the pool for a transaction of our own. pg-pool listens for a connection's
 * `error` event only while the client is idle in the pool; a connection that Postgres ends while
 * checked out (a restart, a failover, an administrator's pg_terminate_backend) between two queries
 * would emit it with no listener, and an unhandled `error` event ends the process. The listener
 * here keeps the process alive: the next query fails instead, and the broken client is destroyed
 * on release rather than handed to the next caller.
 */
export async function checkOut(pool: Pool): Promise<CheckedOutClient> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken ??= error;
  };
  client.on('error', onError);
  let released = false;
  return {
    client,
    release(error?: Error) {
      if (released) return;
      released = true;
      client.removeListener('error', onError);
      client.release(error ?? broken);
    },
  };
}

/**
 * Runs `work` in a transaction of its own on a client checked out of the pool (see checkOut):
 * `begin` (BEGIN, or BEGIN with an isolation level), then COMMIT when `work` resolves, ROLLBACK when
 * it throws. A connection whose rollback fails is broken: it is destroyed rather than returned to
 * the pool.
 */
export async function withClientTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const { client, release } = await checkOut(pool);
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => release(rollbackError));
    throw error;
  } finally {
    release();
  }
}

/** The pg pool under a TypeORM data source, for statements TypeORM does not run (named, on a client of our own). */
export function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as PostgresDriver).master as Pool;
}
