import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { openTestDatabase, OpenTestDatabase } from '@app/testing';
import { checkOut } from './pool-client';

describe('checkOut', () => {
  let database: OpenTestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await openTestDatabase({ poolSize: 2 });
    pool = (database.dataSource.driver as PostgresDriver).master as Pool;
  });
  afterAll(() => database.close());

  it('survives Postgres ending a checked-out connection between queries, and destroys that connection', async () => {
    const { client, release } = await checkOut(pool);
    await client.query('BEGIN');
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    // Ended from another connection while this one sits idle in its transaction: pg emits `error`
    // on the client with no query to fail. Without a listener the process would end here.
    await database.dataSource.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(client.query('SELECT 1')).rejects.toThrow();
    release();
    expect(pool.totalCount).toBeLessThanOrEqual(1);
    // The pool hands out working connections afterwards.
    const again = await checkOut(pool);
    const { rows: ok } = await again.client.query<{ one: number }>('SELECT 1 AS one');
    expect(ok[0].one).toBe(1);
    expect((await again.client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid).not.toBe(rows[0].pid);
    again.release();
  });
});
