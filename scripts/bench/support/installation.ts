/**
 * The product installed for a benchmark: a scratch database migrated by the build, a Redis key
 * prefix of its own, the apps' environment, the api on a free port and a placement officer.
 */
import { randomBytes } from 'node:crypto';
import type { Build } from './build';
import type { BuiltApps } from './built-apps';
import { type AppProcess, freePort, runToCompletion, startApp, waitForHealth } from './child-processes';
import { callJson, login } from './http';
import { deleteRedisKeys } from './redis-keys';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database';
import { type BenchServices, LOOPBACK } from './services';
import type { Teardown } from './teardown';

/**
 * The built apps' environment for a benchmark: its scratch database, its Redis key prefix, a fresh
 * JWT secret and a generated admin login, production mode, warnings only in the logs.
 */
export function appEnvironment(
  id: string,
  databaseUrl: string,
  redisUrl: string,
  queuePrefix: string,
): { env: Record<string, string>; admin: { email: string; password: string } } {
  const admin = { email: `admin-${id}@bench.test`, password: randomBytes(18).toString('base64url') };
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    QUEUE_PREFIX: queuePrefix,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    LOGIN_RATE_LIMIT: '10000',
    LOGIN_ACCOUNT_RATE_LIMIT: '10000',
    INTAKE_RATE_LIMIT: '1000000',
    INTAKE_RATE_BURST: '1000000',
    LOG_LEVEL: 'warn',
  };
  return { env, admin };
}

export interface Installation {
  database: ScratchDatabase;
  queuePrefix: string;
  env: Record<string, string>;
  admin: { email: string; password: string };
}

/**
 * A scratch database migrated by the build, a Redis key prefix of its own and the apps'
 * environment for them; the database is dropped and the keys deleted at teardown.
 */
export async function scratchInstallation(
  build: Build,
  services: BenchServices,
  id: string,
  teardown: Teardown,
  log: (line: string) => void,
): Promise<Installation> {
  const database = await createScratchDatabase(services.adminUrl, `pm_bench_${id}`);
  if (process.env.BENCH_KEEP_DATABASE === '1') log(`BENCH_KEEP_DATABASE=1: database ${database.name} is kept`);
  else teardown.add(`drop database ${database.name}`, () => database.drop());
  const queuePrefix = `bench-${id}`;
  teardown.add(`delete Redis keys ${queuePrefix}*`, async () => {
    const deleted = await deleteRedisKeys(services.redisUrl, queuePrefix);
    log(`cleanup: deleted ${deleted} Redis keys under ${queuePrefix}`);
  });
  const { env, admin } = appEnvironment(id, database.url, services.redisUrl, queuePrefix);
  log(`database: ${database.name}; ${await migrateBuilt(build.apps, database.url, env)}`);
  return { database, queuePrefix, env, admin };
}

/** The built api on a free loopback port, stopped at teardown; resolves once it is healthy. */
export async function startBenchApi(
  build: Build,
  env: Record<string, string>,
  options: { logDir: string; teardown: Teardown; poolSize: number; nodeArgs?: string[] },
): Promise<{ api: AppProcess; baseUrl: string }> {
  const port = await freePort();
  const baseUrl = `http://${LOOPBACK}:${port}`;
  const api = startApp('api', build.apps.api, { ...env, PORT: String(port), DATABASE_POOL_SIZE: String(options.poolSize) }, {
    logDir: options.logDir,
    nodeArgs: options.nodeArgs,
  });
  options.teardown.add('stop api', () => api.stop());
  await Promise.race([waitForHealth(baseUrl, api, 90_000), api.exited]);
  return { api, baseUrl };
}

/** A placement officer of the LA, created through POST /api/v1/admin/users and logged in. */
export async function createOfficer(
  baseUrl: string,
  admin: { email: string; password: string },
  id: string,
  localAuthorityCode: string,
): Promise<{ userId: string; token: string }> {
  const adminToken = await login(baseUrl, admin.email, admin.password);
  const officer = { email: `officer-${id}@bench.test`, password: randomBytes(18).toString('base64url') };
  const created = await callJson(baseUrl, 'POST', '/api/v1/admin/users', {
    token: adminToken,
    body: { ...officer, role: 'placement_officer', localAuthorityCode },
    expect: 201,
  });
  return { userId: created.id, token: await login(baseUrl, officer.email, officer.password) };
}

/**
 * `npm run migrate` against the database, from the build: migrations and reference data. `env` is
 * the apps' environment: some builds validate all of it as soon as the persistence library loads.
 */
export function migrateBuilt(apps: BuiltApps, databaseUrl: string, env: Record<string, string> = {}): Promise<string> {
  return runToCompletion(process.execPath, [...(apps.nodeArgs ?? []), apps.migrate], {
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl },
    timeoutMs: 180_000,
    label: 'migrate',
  }).then((output) => output.trim());
}
