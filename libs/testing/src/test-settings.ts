import { randomBytes } from 'node:crypto';

/**
 * Where the integration and e2e tiers find Postgres and Redis, and the environment variables
 * through which jest's globalSetup tells the test workers about the current run. Read by
 * jest.global-setup.js and jest.global-teardown.js as well as by the helpers here.
 */
export const TEST_ENV = {
  /** Lower-case letters and digits naming this jest run; every database and key of it carries it. */
  runId: 'PM_TEST_RUN_ID',
  /** The database globalSetup migrated and loaded, which test databases are cloned from. */
  templateDatabase: 'PM_TEST_TEMPLATE_DATABASE',
  adminUrl: 'TEST_DATABASE_ADMIN_URL',
  redisUrl: 'TEST_REDIS_URL',
} as const;

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export interface TestSettings {
  adminUrl: string;
  redisUrl: string;
}

export interface TestRun extends TestSettings {
  runId: string;
  templateDatabase: string;
}

export function resolveTestSettings(env: NodeJS.ProcessEnv = process.env): TestSettings {
  return {
    adminUrl: env[TEST_ENV.adminUrl] || DEFAULT_ADMIN_URL,
    redisUrl: env[TEST_ENV.redisUrl] || DEFAULT_REDIS_URL,
  };
}

/** The run globalSetup prepared; fails with a hint when a test runs outside the integration or e2e project. */
export function currentTestRun(env: NodeJS.ProcessEnv = process.env): TestRun {
  const runId = env[TEST_ENV.runId];
  const templateDatabase = env[TEST_ENV.templateDatabase];
  if (!runId || !templateDatabase) {
    throw new Error(
      `${TEST_ENV.runId} is not set: database and Redis helpers need jest's globalSetup ` +
        '(run the file through the integration or e2e project: npx jest <path>)',
    );
  }
  return { ...resolveTestSettings(env), runId, templateDatabase };
}

/** A new run id: the start time in base 36, then random hex; lower-case letters and digits only. */
export function newRunId(now = Date.now()): string {
  return `${now.toString(36)}${randomBytes(3).toString('hex')}`;
}

/** When the run with this id started, in ms since the epoch. */
export function runStartedAt(runId: string): number {
  return parseInt(runId.slice(0, -6), 36);
}

/** The admin URL with another database name. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The LIKE pattern matching every database of a run, the template included. */
export function runDatabasePattern(runId: string): string {
  return `pm\\_test\\_${runId}\\_%`;
}

export function templateDatabaseName(runId: string): string {
  return `pm_test_${runId}_tpl`;
}

/** application_name of the session that marks a run as alive while it lasts (see jest.global-setup.js). */
export function runApplicationName(runId: string): string {
  return `pm-test-run-${runId}`;
}

/** Prefix of every Redis key (and BullMQ prefix) a test file of this run uses. */
export function runRedisPrefix(runId: string): string {
  return `test-${runId}`;
}
