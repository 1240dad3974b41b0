import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openTestDatabase, OpenTestDatabase } from '@app/testing';
import { AuditRepository } from './audit.repository';

/** The audit log is append-only for the application's own connection, and for any other role. */
describe('audit_log', () => {
  let database: OpenTestDatabase;
  let audit: AuditRepository;
  const referralId = crypto.randomUUID();

  beforeAll(async () => {
    database = await openTestDatabase();
    audit = new AuditRepository(database.dataSource);
    const actor = { userId: null, role: 'placement_officer', organisation: 'E09000009', requestId: 'req-1' };
    await audit.record(actor, 'read_child', [{ entityType: 'referral', entityId: referralId, referralId }]);
    await audit.record({ ...actor, role: 'provider_user', organisation: 'provider-1', requestId: 'req-2' }, 'disclose_summary', [
      { entityType: 'referral', entityId: referralId, referralId },
      { entityType: 'referral', entityId: crypto.randomUUID(), referralId: crypto.randomUUID() },
    ]);
  });

  afterAll(async () => {
    await database?.close();
  });

  it("finds every access to one referral's child, oldest first", async () => {
    const rows = await audit.forReferral(referralId, { limit: 10, offset: 0 });
    expect(rows.map((row) => [row.action, row.organisation, row.requestId])).toEqual([
      ['read_child', 'E09000009', 'req-1'],
      ['disclose_summary', 'provider-1', 'req-2'],
    ]);
  });

  it.each([
    ['UPDATE', `UPDATE audit_log SET organisation = 'someone else'`],
    ['DELETE', `DELETE FROM audit_log`],
    ['TRUNCATE', `TRUNCATE audit_log`],
  ])('refuses %s, and the rows stay as they were', async (operation, sql) => {
    await expect(database.dataSource.query(sql)).rejects.toThrow(`audit_log is append-only: ${operation} is not allowed`);
    const [{ n, changed }] = await database.dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE organisation = 'someone else')::int AS changed FROM audit_log`,
    );
    expect({ n, changed }).toEqual({ n: 3, changed: 0 });
  });

  it('refuses a change even inside a transaction that also appends', async () => {
    await expect(
      database.dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO audit_log (role, organisation, action, entity_type, entity_id) VALUES ('admin', 'platform', 'read_child', 'referral', 'x')`,
        );
        await manager.query(`DELETE FROM audit_log WHERE request_id = 'req-1'`);
      }),
    ).rejects.toThrow('append-only');
    const [{ n }] = await database.dataSource.query(`SELECT count(*)::int AS n FROM audit_log`);
    expect(n).toBe(3);
  });

  describe('as the application role (grant_application_role)', () => {
    const role = `pm_app_${randomBytes(4).toString('hex')}`;
    let app: Client;

    beforeAll(async () => {
      await database.dataSource.query(`CREATE ROLE ${role} LOGIN`);
      await database.dataSource.query(`SELECT grant_application_role($1)`, [role]);
      const url = new URL(database.url);
      url.username = role;
      app = new Client({ connectionString: url.toString() });
      await app.connect();
    });

    afterAll(async () => {
      await app?.end();
      await database.dataSource.query(`DROP OWNED BY ${role}`);
      await database.dataSource.query(`DROP ROLE ${role}`);
    });

    it('appends and reads audit rows, and works with every other table', async () => {
      await app.query(
        `INSERT INTO audit_log (role, organisation, action, entity_type, entity_id, referral_id)
         VALUES ('admin', 'platform', 'read_child', 'referral', $1::text, $1::uuid)`,
        [referralId],
      );
      expect((await app.query(`SELECT count(*)::int AS n FROM audit_log WHERE referral_id = $1`, [referralId])).rows[0].n).toBe(3);
      await app.query(`UPDATE outbox SET attempts = attempts WHERE false`);
      await app.query(`DELETE FROM vacancy_holds WHERE false`);
    });

    it.each([
      `UPDATE audit_log SET organisation = 'someone else'`,
      `DELETE FROM audit_log`,
      `TRUNCATE audit_log`,
      `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`,
      `DROP TRIGGER audit_log_no_change ON audit_log`,
      `DROP TABLE audit_log`,
    ])('cannot %s', async (sql) => {
      await expect(app.query(sql)).rejects.toThrow(/permission denied|must be owner/);
    });
  });
});
