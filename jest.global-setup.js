// @ts-check
/**
 * Builds one template database per jest run: migrations and reference data are applied once here,
 * and each integration or e2e test file clones it (CREATE DATABASE ... TEMPLATE), which takes a
 * fraction of a second. The integration and e2e projects both name this file; jest runs a global
 * hook once per distinct path, and the guard below makes a second call harmless anyway.
 *
 * Jest compiles the TypeScript this file loads with the project's transform (@swc/jest), but its
 * moduleNameMapper applies to tests only, so the @app/* aliases are resolved here.
 */
const path = require('node:path');
const Module = require('node:module');
const { Client } = require('pg');

resolveAppAliases();
const {
  TEST_ENV,
  resolveTestSettings,
  databaseUrl,
  templateDatabaseName,
  runApplicationName,
  newRunId,
  runStartedAt,
} = require('./libs/testing/src/test-settings');
// The two modules rather than the @app/persistence barrel, which also loads every Nest module.
const { createDataSource } = require('./libs/persistence/src/data-source');
const { migrateAndLoadReferenceData } = require('./libs/persistence/src/migrate/migrate-and-load');

module.exports = async function globalSetup() {
  if (process.env[TEST_ENV.runId]) return;
  const settings = resolveTestSettings();
  // Lower-case letters and digits: safe unquoted in SQL, in Redis keys and in BullMQ prefixes.
  const runId = newRunId();
  const template = templateDatabaseName(runId);

  // This session lives as long as the run and marks it as alive: a later run drops the databases
  // of runs that have none (interrupted with Ctrl-C or killed, so their teardown never ran).
  const liveness = new Client({ connectionString: settings.adminUrl, application_name: runApplicationName(runId) });
  liveness.on('error', () => undefined); // losing it only exposes this run's databases to cleanup
  await liveness.connect();
  try {
    await dropAbandonedDatabases(liveness);
    await liveness.query(`CREATE DATABASE ${template}`);
    // Published before migrating, so that globalTeardown drops the template even if migrating
    // fails. Test workers start after this hook and inherit these variables.
    process.env[TEST_ENV.runId] = runId;
    process.env[TEST_ENV.templateDatabase] = template;
    process.env[TEST_ENV.adminUrl] = settings.adminUrl;
    process.env[TEST_ENV.redisUrl] = settings.redisUrl;
    /** @type {any} */ (globalThis).__pmTestRunLiveness = liveness;

    const dataSource = createDataSource({
      url: databaseUrl(settings.adminUrl, template),
      poolSize: 2,
      applicationName: 'jest-global-setup',
    });
    await dataSource.initialize();
    try {
      await migrateAndLoadReferenceData(dataSource);
    } finally {
      // CREATE DATABASE ... TEMPLATE refuses a template that has sessions.
      await dataSource.destroy();
    }
  } catch (error) {
    // Jest skips globalTeardown when globalSetup fails: clean up here.
    await liveness.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => undefined);
    await liveness.end();
    delete process.env[TEST_ENV.runId];
    throw error;
  }
};

/** A run without a liveness session is left alone this long, for runs started by an older setup. */
const ABANDONED_AFTER_MS = 15 * 60_000;

/**
 * Drops the test databases of runs that are over (no liveness session) and not recent.
 * @param {import('pg').Client} admin
 */
async function dropAbandonedDatabases(admin) {
  const { rows } = await admin.query(
    `SELECT datname, run_id AS "runId",
            EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.application_name = $1 || run_id) AS alive
       FROM (SELECT datname, substring(datname FROM '^pm_test_([a-z0-9]+)_') AS run_id FROM pg_database) d
      WHERE run_id IS NOT NULL`,
    [runApplicationName('')],
  );
  const cutoff = Date.now() - ABANDONED_AFTER_MS;
  for (const { datname, runId, alive } of rows) {
    if (alive || !(runStartedAt(runId) < cutoff)) continue;
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
  }
}

/** Resolves `@app/<lib>` as tsconfig.base.json maps it, for the modules this hook loads. */
function resolveAppAliases() {
  /** @type {Record<string, string[]>} */
  const paths = require('./tsconfig.base.json').compilerOptions.paths;
  const targets = new Map(Object.entries(paths).map(([alias, [target]]) => [alias, path.resolve(__dirname, target)]));
  /** @type {any} */
  const loader = Module;
  const resolve = loader._resolveFilename;
  loader._resolveFilename = function (/** @type {string} */ request, /** @type {unknown[]} */ ...rest) {
    return resolve.call(this, targets.get(request) ?? request, ...rest);
  };
}
