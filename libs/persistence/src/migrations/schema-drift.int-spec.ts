import { openTestDatabase, OpenTestDatabase } from '@app/testing';

/**
 * STYLE.md habit 9: the committed migrations must build exactly the schema the entities describe.
 * TypeORM's schema builder compares the two; any query it would run is drift, and the fix is a
 * new migration (`npm run migration:generate -- Name`).
 */
describe('entities and migrations', () => {
  let database: OpenTestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase({ poolSize: 2 });
  });

  afterAll(async () => {
    await database?.close();
  });

  it('agree: a migrated database needs no schema change', async () => {
    const pending = await database.dataSource.driver.createSchemaBuilder().log();
    const queries = pending.upQueries.map((query) => `  ${query.query};`);
    if (queries.length > 0) {
      throw new Error(
        `The entities differ from the migrated schema; a migration would run:\n${queries.join('\n')}`,
      );
    }
    expect(queries).toEqual([]);
  });

  it('leaves nothing pending', async () => {
    expect(await database.dataSource.showMigrations()).toBe(false);
  });
});
