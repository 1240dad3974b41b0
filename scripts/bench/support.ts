/**
 * Building blocks for the benchmarks under scripts/bench: the built apps as child processes on a
 * free loopback port, a scratch database and Redis key prefix of their own, an autocannon runner
 * with exact latency percentiles, a teardown that always runs, and a plain-text table.
 *
 * Everything here talks to loopback addresses only, and every wait has a bound.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  WriteStream,
} from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { todayInEngland } from '@app/domain';
import { deleteRedisKeys as deleteKeysUnder } from '@app/testing';

// ---------------------------------------------------------------------------------------------
// Where things are

/** The repository root: the nearest directory above this file whose package.json is this project. */
export const REPO_ROOT: string = (() => {
  let dir = __dirname;
  for (let i = 0; i < 8; i += 1) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'placement-matching') return dir;
    dir = resolve(dir, '..');
  }
  throw new Error(`cannot find the repository root above ${__dirname}`);
})();

/** The three entry points a benchmark runs, inside one build output directory. */
export interface BuiltApps {
  dir: string;
  api: string;
  worker: string;
  migrate: string;
  /** Node options each entry point needs (the TypeScript loader, when running the sources). */
  nodeArgs?: string[];
}

export function builtApps(dir: string): BuiltApps {
  return {
    dir,
    api: join(dir, 'apps/api/src/main.js'),
    worker: join(dir, 'apps/worker/src/main.js'),
    migrate: join(dir, 'scripts/migrate.js'),
  };
}

/**
 * The same three entry points run from the TypeScript sources through @swc-node/register, as the
 * worker's e2e tests do: no build needed, at the price of a slower start of each process.
 */
export function sourceApps(): BuiltApps {
  return {
    dir: REPO_ROOT,
    api: join(REPO_ROOT, 'apps/api/src/main.ts'),
    worker: join(REPO_ROOT, 'apps/worker/src/main.ts'),
    migrate: join(REPO_ROOT, 'scripts/migrate.ts'),
    nodeArgs: ['-r', '@swc-node/register'],
  };
}

export const LOOPBACK = '127.0.0.1';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export interface BenchServices {
  /** Postgres URL of a database to connect to for CREATE/DROP DATABASE (the `postgres` database). */
  adminUrl: string;
  redisUrl: string;
}

/** BENCH_DATABASE_ADMIN_URL and BENCH_REDIS_URL, defaulting to the local services; loopback only. */
export function benchServices(env: NodeJS.ProcessEnv = process.env): BenchServices {
  const services = {
    adminUrl: env.BENCH_DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379',
  };
  for (const url of Object.values(services)) {
    if (!LOOPBACK_HOSTS.has(new URL(url).hostname)) {
      throw new Error(`benchmarks only run against loopback services, not ${new URL(url).host}`);
    }
  }
  return services;
}

export function withDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Lower-case letters and digits, for names of databases, prefixes and files of one run. */
export function runId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

// ---------------------------------------------------------------------------------------------
// Configuration from the environment

export function numberFromEnv(name: string, fallback: number, { min = 0, max = Infinity } = {}): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a number between ${min} and ${max}, not "${raw}"`);
  }
  return value;
}

export function listFromEnv(name: string, fallback: number[], { min = 1, max = 1000 } = {}): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (values.length === 0 || values.some((value) => !Number.isInteger(value) || value < min || value > max)) {
    throw new Error(`${name} must be a comma-separated list of whole numbers between ${min} and ${max}, not "${raw}"`);
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// Build

/** TypeScript sources of apps/ and libs/ (tests excluded) written after `than`. */
function newerSources(than: number): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'test' && entry.name !== 'testing') walk(path);
      } else if (/\.ts$/.test(entry.name) && !/\.(spec|int-spec|e2e-spec|d)\.ts$/.test(entry.name)) {
        if (statSync(path).mtimeMs > than) found.push(path.slice(REPO_ROOT.length + 1));
      }
    }
  };
  for (const top of ['apps', 'libs']) walk(join(REPO_ROOT, top));
  return found;
}

export interface Build {
  apps: BuiltApps;
  /** When the api's entry point was written. */
  builtAt: Date;
  /** Sources newer than the build (it may not measure them). */
  staleSources: string[];
  /** How the build was chosen, for the report. */
  origin: string;
}

/**
 * The build to run, chosen by the environment:
 *   - default: dist/, running `npm run build` first only when an entry point is missing;
 *   - BENCH_BUILD=1: `npm run build` first;
 *   - BENCH_BUILD=private: the current sources built into a temporary directory of this run
 *     (nest build with the repository's tsconfig.build.json, outDir changed), leaving dist/ alone,
 *     which matters while others use or rebuild it;
 *   - BENCH_DIST=<dir>: an existing build output.
 * A private build is removed by `teardown`.
 */
export async function chooseBuild(log: (line: string) => void, id: string, teardown?: Teardown): Promise<Build> {
  const mode = process.env.BENCH_BUILD ?? '';
  if (!['', '0', '1', 'private'].includes(mode)) throw new Error(`BENCH_BUILD must be 1 or private, not "${mode}"`);
  let apps: BuiltApps;
  let origin: string;
  if (process.env.BENCH_DIST) {
    apps = builtApps(resolve(REPO_ROOT, process.env.BENCH_DIST));
    origin = `BENCH_DIST=${process.env.BENCH_DIST}`;
  } else if (mode === 'private') {
    const dir = join(tmpdir(), `pm-bench-build-${id}`);
    log(`building the current sources into ${dir} (BENCH_BUILD=private)`);
    const remove = () => rmSync(dir, { recursive: true, force: true });
    teardown?.add(`remove ${dir}`, async () => remove());
    try {
      await buildPrivately(dir);
    } catch (error) {
      remove();
      throw error;
    }
    apps = builtApps(join(dir, 'dist'));
    origin = 'private build of the current sources';
  } else {
    apps = builtApps(join(REPO_ROOT, 'dist'));
    const missing = [apps.api, apps.worker, apps.migrate].filter((file) => !existsSync(file));
    if (missing.length > 0 || mode === '1') {
      log(missing.length > 0 ? `building: ${missing.map((f) => f.slice(REPO_ROOT.length + 1)).join(', ')} missing` : 'building (BENCH_BUILD=1)');
      await runToCompletion('npm', ['run', '--silent', 'build'], { timeoutMs: 600_000, label: 'npm run build' });
    }
    origin = 'dist/';
  }
  for (const file of [apps.api, apps.worker, apps.migrate]) {
    if (!existsSync(file)) throw new Error(`${file} is missing from the build`);
  }
  const builtAt = statSync(apps.api).mtime;
  return { apps, builtAt, staleSources: newerSources(builtAt.getTime()), origin };
}

/**
 * `nest build api` and `nest build worker` as package.json runs them, into `<dir>/dist`. The built
 * code finds node_modules and the reference data files by walking up from itself, so both are
 * linked into the directory.
 */
async function buildPrivately(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const tsconfig = join(dir, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(REPO_ROOT, 'tsconfig.build.json'),
      compilerOptions: { outDir: join(dir, 'dist'), typeRoots: [join(REPO_ROOT, 'node_modules/@types')] },
    }),
  );
  const nest = join(REPO_ROOT, 'node_modules/@nestjs/cli/bin/nest.js');
  for (const app of ['api', 'worker']) {
    // nest resolves -p against the workspace, so the path is given relative to it.
    await runToCompletion(process.execPath, [nest, 'build', app, '-p', relative(REPO_ROOT, tsconfig)], {
      timeoutMs: 600_000,
      label: `nest build ${app} (private)`,
    });
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const data = join(dir, 'dist/libs/reference-data/data');
  mkdirSync(dirname(data), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'libs/reference-data/data'), data, 'dir');
}

/** Every child process started here that is still running; killed if this process exits first. */
const liveChildren = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

function keepTrack(child: ChildProcess): void {
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
}

/** Runs a command to the end with a time limit; rejects with its output when it fails. */
export function runToCompletion(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number; label: string },
): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    keepTrack(child);
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.label} took longer than ${options.timeoutMs / 1000}s\n${output}`));
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(output);
      else reject(new Error(`${options.label} failed (${signal ?? `exit ${code}`})\n${output.trim()}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Teardown

/**
 * Cleanup steps run once, newest first, each with a time limit, whether the benchmark finishes,
 * fails, is interrupted (SIGINT/SIGTERM) or overruns its deadline. (Child processes still alive
 * at exit are killed as a last resort, whatever happens.)
 */
export class Teardown {
  private readonly steps: { name: string; run: () => Promise<unknown> }[] = [];
  private running: Promise<void> | undefined;
  private interruptHandlers: (() => void)[] = [];

  constructor(private readonly log: (line: string) => void) {
    const onSignal = (signal: NodeJS.Signals) => {
      this.log(`\n${signal}: stopping and cleaning up`);
      for (const handler of this.interruptHandlers) handler();
      void this.run().finally(() => process.exit(130));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }

  add(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run });
  }

  /** Called on SIGINT/SIGTERM before the steps run (e.g. to stop a load run). */
  onInterrupt(handler: () => void): void {
    this.interruptHandlers.push(handler);
  }

  /** Stops everything after `ms` whatever is happening, and exits non-zero. */
  deadline(ms: number): void {
    const timer = setTimeout(() => {
      this.log(`\nthe benchmark overran its ${Math.round(ms / 1000)}s deadline: stopping and cleaning up`);
      for (const handler of this.interruptHandlers) handler();
      void this.run().finally(() => process.exit(1));
    }, ms);
    timer.unref();
  }

  /** True once cleaning up has begun (the benchmark should stop starting work). */
  get stopping(): boolean {
    return this.running !== undefined;
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.splice(0).reverse()) {
        try {
          await withTimeout(step.run(), 20_000, step.name);
        } catch (error) {
          this.log(`cleanup: ${step.name} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })();
    return this.running;
  }
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000}s`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

// ---------------------------------------------------------------------------------------------
// Scratch database and Redis prefix

async function withAdmin<T>(adminUrl: string, work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: adminUrl, application_name: 'bench', connectionTimeoutMillis: 5_000 });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

export interface ScratchDatabase {
  name: string;
  url: string;
  /** Drops it, ending any session still on it. Safe to call twice. */
  drop(): Promise<void>;
}

/** An empty database named `<prefix>_<runid>`; migrate it with `migrateBuilt`. */
export async function createScratchDatabase(adminUrl: string, name: string): Promise<ScratchDatabase> {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe database name ${name}`);
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  let dropped = false;
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

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

/** A directory for the apps' logs, removed at teardown unless the run failed or BENCH_KEEP_LOGS=1. */
export function logDirectory(id: string, teardown: Teardown, log: (line: string) => void): { dir: string; succeeded(): void } {
  const dir = runDirectory(id);
  let ok = false;
  teardown.add('logs', async () => {
    if (ok && process.env.BENCH_KEEP_LOGS !== '1') removeDirectory(dir);
    else log(`logs kept in ${dir}`);
  });
  return {
    dir,
    succeeded: () => {
      ok = true;
    },
  };
}

/** A benchmark's opening lines: its name and time, the machine, and the build it runs. */
export function logHeader(log: (line: string) => void, title: string, build: Build): void {
  log(`${title} ${new Date().toISOString()}`);
  log(`machine: ${machineLine()}`);
  logBuild(log, build);
}

/** Which build runs, and a warning when sources are newer than it. */
export function logBuild(log: (line: string) => void, build: Build, what = 'build'): void {
  log(`${what}: ${build.origin} (${build.apps.api}, written ${build.builtAt.toISOString()})`);
  if (build.staleSources.length > 0) {
    log(
      `WARNING: ${build.staleSources.length} source file(s) are newer than the build (e.g. ${build.staleSources
        .slice(0, 3)
        .join(', ')}); BENCH_BUILD=private measures them without touching dist/, BENCH_BUILD=1 rebuilds dist/`,
    );
  }
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

/** One query on its own connection. */
export async function queryOnce<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url, application_name: 'bench', connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Deletes every Redis key that starts with `prefix`; returns how many there were. */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<number> {
  if (prefix.length < 8) throw new Error(`refusing to delete keys under the short prefix "${prefix}"`);
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 5_000 });
  await redis.connect();
  try {
    return await deleteKeysUnder(redis, prefix);
  } finally {
    redis.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// Child processes

/** A port the kernel says is free on loopback now (there is a small window before the app binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePromise(port) : reject(new Error('no free port'))));
    });
  });
}

/** A scratch directory for one run's logs, under the OS temp directory. */
export function runDirectory(id: string): string {
  const dir = join(tmpdir(), `pm-bench-${id}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface AppProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** The last lines the process wrote (stdout and stderr). */
  tail(lines?: number): string;
  /** Rejects when the process exits before `stop` is called. */
  exited: Promise<never>;
  alive(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`. Resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Runs a built app (`node <script>`) with the environment given on top of this process's. */
export function startApp(
  name: string,
  script: string,
  env: Record<string, string>,
  options: { logDir: string; nodeArgs?: string[] },
): AppProcess {
  const logFile = join(options.logDir, `${name}.log`);
  const log: WriteStream = createWriteStream(logFile);
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  keepTrack(child);
  let recent = '';
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    recent = (recent + chunk.toString()).slice(-16_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let stopping = false;
  const done = new Promise<void>((resolvePromise) => child.once('exit', () => resolvePromise()));
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) => {
      if (!stopping) reject(new Error(`${name} exited (${signal ?? `code ${code}`}); last output:\n${recent.trim()}`));
    });
  });
  exited.catch(() => undefined); // observed by whoever awaits it; never an unhandled rejection
  const tail = (lines = 20) => recent.trim().split('\n').slice(-lines).join('\n');
  return {
    name,
    child,
    logFile,
    tail,
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: async (graceMs = 10_000) => {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await done;
        clearTimeout(killer);
      }
      await new Promise<void>((closed) => log.end(closed));
    },
  };
}

/** Polls GET <baseUrl>/health until 200, the process dies, or the time is up. */
export async function waitForHealth(baseUrl: string, app: AppProcess, timeoutMs: number): Promise<unknown> {
  const until = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < until) {
    if (!app.alive()) await app.exited;
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      const body = await response.json().catch(() => undefined);
      if (response.status === 200) return body;
      last = `${response.status} ${JSON.stringify(body)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  throw new Error(`${app.name} was not healthy within ${timeoutMs / 1000}s (${last}); last output:\n${app.tail()}`);
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers for set-up (not measured)

export async function callJson(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; expect: number },
): Promise<any> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  if (response.status !== options.expect) {
    throw new Error(`${method} ${path}: expected ${options.expect}, got ${response.status} ${text.slice(0, 500)}`);
  }
  return text ? JSON.parse(text) : undefined;
}

/**
 * The body of POST /referrals for a child of Ealing (born 2010-2014, self-harm at level 1), which
 * the benchmarks' and the chaos run's homes all accept: routine ones are required in 30 days,
 * emergencies today.
 */
export function referralRequest(localReference: string, n: number, urgency: 'emergency' | 'planned', placementTypes: string[]) {
  return {
    child: {
      localReference,
      dateOfBirth: new Date(Date.UTC(2010, 0, 1) + ((n * 7919) % 1_800) * 86_400_000).toISOString().slice(0, 10),
      gender: ['female', 'male'][n % 2],
      homePostcode: 'UB1 1AA',
      legalStatus: 'C2',
      categoryOfNeed: 'N1',
      needs: [{ code: 'self-harm', level: 1, essential: false }],
    },
    urgency,
    requiredBy: todayInEngland(new Date(Date.now() + (urgency === 'emergency' ? 0 : 30 * 86_400_000))),
    placementTypes,
  };
}

export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const body = await callJson(baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password }, expect: 200 });
  return body.accessToken;
}

// ---------------------------------------------------------------------------------------------
// Load

/** The part of autocannon 9's programmatic API used here (it ships no types). */
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
interface AutocannonOptions extends AutocannonRequest {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
  timeout?: number;
  requests?: AutocannonRequest[];
}
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  requests: { average: number; sent: number; total: number };
  latency: { p50: number; p99: number };
}
interface AutocannonTracker {
  stop(): void;
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, responseTimeMs: number) => void): void;
}
type Autocannon = (options: AutocannonOptions, done: (error: Error | null, result: AutocannonResult) => void) => AutocannonTracker;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: Autocannon = require('autocannon');

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Builds each request (called once per request sent), e.g. to give each a fresh header. */
  setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  /** Per-request timeout, seconds (autocannon's default is 10). */
  timeoutSeconds?: number;
}

export interface LoadResult {
  connections: number;
  /** Measured seconds. */
  seconds: number;
  /** Responses received (any status). */
  responses: number;
  /** Requests written to a socket; `sent - responses` were in flight at the end or lost to an error. */
  sent: number;
  requestsPerSecond: number;
  /** Exact percentiles (ms) over every response's latency, whatever its status. */
  p50: number;
  p99: number;
  statusCounts: Record<string, number>;
  errors: number;
  timeouts: number;
}

/** Percentile of sorted values, nearest-rank. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

let currentLoad: AutocannonTracker | undefined;

/** Stops the load run in progress, if any (for SIGINT and deadlines). */
export function stopCurrentLoad(): void {
  currentLoad?.stop();
}

/** One autocannon run, pipelining 1, keep-alive; latency percentiles from every response, exactly. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  if (!LOOPBACK_HOSTS.has(url.hostname)) throw new Error(`load only goes to loopback addresses, not ${url.host}`);
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  return new Promise((resolvePromise, reject) => {
    const request: AutocannonRequest = {
      method: options.method ?? 'GET',
      path: url.pathname + url.search,
      ...(options.setupRequest ? { setupRequest: options.setupRequest } : {}),
      ...(options.onResponse ? { onResponse: options.onResponse } : {}),
    };
    const tracker = autocannon(
      {
        url: `${url.protocol}//${url.host}`,
        connections: options.connections,
        duration: options.durationSeconds,
        pipelining: 1,
        timeout: options.timeoutSeconds ?? 10,
        headers: options.headers,
        body: options.body,
        requests: [request],
      },
      (error, result) => {
        currentLoad = undefined;
        if (error) return reject(error);
        const sorted = latencies.slice(0, count).sort();
        const statusCounts: Record<string, number> = {};
        for (const [status, { count: n }] of Object.entries(result.statusCodeStats)) statusCounts[status] = n;
        resolvePromise({
          connections: options.connections,
          seconds: result.duration,
          responses: count,
          sent: result.requests.sent,
          requestsPerSecond: result.duration > 0 ? count / result.duration : 0,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          statusCounts,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    currentLoad = tracker;
    tracker.on('response', (_client, _status, _bytes, responseTimeMs) => {
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[count] = responseTimeMs;
      count += 1;
    });
  });
}

// ---------------------------------------------------------------------------------------------
// CPU use (Linux /proc), so a figure says whether the api, Postgres or the machine was the limit

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ; 100 on every mainstream Linux build

function processTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return undefined;
  }
}

/** Pids of the Postgres backends serving `database` (their process title names it). */
export function postgresBackendPids(database: string): number[] {
  if (!existsSync('/proc')) return [];
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (title.startsWith('postgres: ') && title.includes(` ${database} `)) pids.push(Number(entry));
    } catch {
      // gone already
    }
  }
  return pids;
}

function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const ticks = values.map(Number);
    const total = ticks.slice(0, 8).reduce((sum, n) => sum + n, 0);
    return { busy: total - ticks[3] - ticks[4], total }; // minus idle and iowait
  } catch {
    return undefined;
  }
}

export interface CpuSnapshot {
  at: number;
  machine?: { busy: number; total: number };
  groups: Record<string, Map<number, number>>;
}

/** CPU ticks so far of each group of processes (pids looked up now) and of the whole machine. */
export function cpuSnapshot(groups: Record<string, () => number[]>): CpuSnapshot {
  const snapshot: CpuSnapshot = { at: performance.now(), machine: machineTicks(), groups: {} };
  for (const [name, pids] of Object.entries(groups)) {
    const ticks = new Map<number, number>();
    for (const pid of pids()) {
      const n = processTicks(pid);
      if (n !== undefined) ticks.set(pid, n);
    }
    snapshot.groups[name] = ticks;
  }
  return snapshot;
}

/** Per group, % of one core used between two snapshots; `machine` is % of all cores. NaN if unknown. */
export function cpuUsage(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
  const seconds = (after.at - before.at) / 1000;
  const usage: Record<string, number> = {};
  for (const [name, ticks] of Object.entries(after.groups)) {
    let used = 0;
    for (const [pid, n] of ticks) used += n - (before.groups[name]?.get(pid) ?? 0);
    usage[name] = ticks.size === 0 ? NaN : (100 * used) / CLOCK_TICKS_PER_SECOND / seconds;
  }
  usage.machine =
    before.machine && after.machine
      ? (100 * (after.machine.busy - before.machine.busy)) / (after.machine.total - before.machine.total)
      : NaN;
  return usage;
}

// ---------------------------------------------------------------------------------------------
// Output

/** A plain-text table, numbers right-aligned. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
export const whole = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-GB') : '-');

/** Cores and load average, so figures from a busy machine read as such. */
export function machineLine(): string {
  const [one, five] = loadavg();
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown cpu'}), load average ${one.toFixed(2)} / ${five.toFixed(2)} (1 / 5 min), node ${process.version}`;
}

export function removeDirectory(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Runs a benchmark's main and exits with its code; a throw prints its stack and exits 1. */
export function runBenchmark(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
