import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { insertUser, impatientSessions, openTestDatabase, OpenTestDatabase } from '@app/testing';
import { SufficiencyRollupRepository } from './sufficiency-rollup.repository';

const EALING = 'E09000009';

/** Marking sufficiency figures stale must not make one LA's intake queue behind itself. */
describe('sufficiency stale marks', () => {
  let database: OpenTestDatabase;
  let officerId: string;
  const sessions = impatientSessions(() => database.url);

  /** A referral for a child in Ealing made on 10 March 2026, through `client`. */
  const refer = (client: Client) =>
    client.query(
      `WITH c AS (
         INSERT INTO children (local_authority_code, local_reference, date_of_birth, gender, home_postcode, home_district, legal_status, category_of_need, needs)
         VALUES ($1, $2, '2012-01-01', 'female', 'UB1 1AA', 'UB1', 'C2', 'N1', '[]') RETURNING id)
       INSERT INTO referrals (child_id, local_authority_code, created_by_user_id, idempotency_key, request_hash, urgency, required_by,
                              placement_types, created_at)
       SELECT c.id, $1, $3, $2, repeat('0', 64), 'planned', '2026-04-10', '{K2}', '2026-03-10 12:00+00' FROM c`,
      [EALING, randomUUID(), officerId],
    );

  beforeAll(async () => {
    database = await openTestDatabase({ poolSize: 2 });
    officerId = (await insertUser(database.dataSource)).id;
  });

  afterAll(async () => {
    await sessions.endAll();
    await database?.close();
  });

  it('lets two referrals for one LA and month be written at once, and keeps the month stale until rebuilt', async () => {
    const first = await sessions.open();
    await first.query('BEGIN');
    await refer(first);
    // With one shared row per LA-month, this would wait for the first transaction and time out.
    await expect(refer(await sessions.open())).resolves.toMatchObject({ rowCount: 1 });
    await first.query('COMMIT');

    const marks = () => database.dataSource.query(`SELECT DISTINCT local_authority_code AS la, to_char(month, 'YYYY-MM') AS month FROM sufficiency_stale_marks`);
    expect(await marks()).toEqual([{ la: EALING, month: '2026-03' }]);
    const repository = new SufficiencyRollupRepository(database.dataSource);
    expect(await repository.rebuildStaleMonths()).toEqual({ months: 1, remaining: 0 });
    expect(await marks()).toEqual([]);
  });
});
