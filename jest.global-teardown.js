// @ts-check
/**
 * Drops every database of this run (the template and any clone a test file failed to drop) and
 * deletes this run's keys from the shared Redis, so a run leaves nothing behind. The TypeScript
 * helpers it loads are compiled by jest with the project's transform.
 */
const { Client } = require('pg');
const { Redis } = require('ioredis');
const { TEST_ENV, runDatabasePattern, runRedisPrefix } = require('./libs/testing/src/test-settings');
const { deleteRedisKeys } = require('./libs/testing/src/test-redis');

module.exports = async function globalTeardown() {
  const runId = process.env[TEST_ENV.runId];
  if (!runId) return;
  delete process.env[TEST_ENV.runId];
  try {
    await Promise.all([
      dropDatabases(/** @type {string} */ (process.env[TEST_ENV.adminUrl]), runId),
      cleanRedis(/** @type {string} */ (process.env[TEST_ENV.redisUrl]), runId),
    ]);
  } finally {
    // The session that marked the run alive (opened by globalSetup).
    const liveness = /** @type {any} */ (globalThis).__pmTestRunLiveness;
    delete (/** @type {any} */ (globalThis).__pmTestRunLiveness);
    await liveness?.end().catch(() => undefined);
  }
};

/**
 * @param {string} adminUrl
 * @param {string} runId
 */
async function dropDatabases(adminUrl, runId) {
  const admin = new Client({ connectionString: adminUrl, application_name: 'jest-global-teardown' });
  await admin.connect();
  try {
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      runDatabasePattern(runId),
    ]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * @param {string} redisUrl
 * @param {string} runId
 */
async function cleanRedis(redisUrl, runId) {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
    connectTimeout: 2_000,
  });
  try {
    await redis.connect();
    await deleteRedisKeys(redis, runRedisPrefix(runId));
  } catch (error) {
    // A run whose tests never touched the shared Redis does not need it to be up.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`jest globalTeardown: Redis keys of run ${runId} not deleted: ${message}\n`);
  } finally {
    redis.disconnect();
  }
}
