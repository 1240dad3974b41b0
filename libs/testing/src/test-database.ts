import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@app/persistence';
import { currentTestRun, databaseUrl } from './test-settings';

export interface TestDatabase {
  name: string;
  url: string;
  /** Drops the database, ending any session still on it. Safe to call twice. */
  drop(): Promise<void>;
}

/**
 * A fresh database of its own for the calling test file, migrated and holding the reference data:
 * a copy of the template globalSetup built, which takes milliseconds rather than a migration run.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const run = currentTestRun();
  const name = `pm_test_${run.runId}_${randomBytes(5).toString('hex')}`;
  await withAdmin(run.adminUrl, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${run.templateDatabase}`));
  let dropped = false;
  return {
    name,
    url: databaseUrl(run.adminUrl, name),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await withAdmin(run.adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

export interface OpenTestDatabase {
  url: string;
  dataSource: DataSource;
  /** Destroys the data source, then drops the database. */
  close(): Promise<void>;
}

/** A test database with an initialised TypeORM data source on it, configured as the apps configure theirs. */
export async function openTestDatabase(options: { poolSize?: number } = {}): Promise<OpenTestDatabase> {
  const database = await createTestDatabase();
  const dataSource = createDataSource({ url: database.url, poolSize: options.poolSize ?? 5, applicationName: 'jest' });
  try {
    await dataSource.initialize();
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    url: database.url,
    dataSource,
    close: async () => {
      try {
        if (dataSource.isInitialized) await dataSource.destroy();
      } finally {
        await database.drop();
      }
    },
  };
}

async function withAdmin<T>(adminUrl: string, work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: adminUrl, application_name: 'jest-test-database' });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
