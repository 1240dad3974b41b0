import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';

/** The repository root: the built apps are run from there, as `npm run start:api` runs them. */
export const ROOT = resolve(__dirname, '../../../..');

export interface Stack {
  baseUrl: string;
  databaseName: string;
  queuePrefix: string;
  adminEmail: string;
  adminPassword: string;
  pids: number[];
}

const adminUrl = () => process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = () => process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function databaseUrl(name: string) {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolveRun() : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

function start(script: string, env: NodeJS.ProcessEnv, name: string): ChildProcess {
  const child = spawn(process.execPath, [script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  // Only problems reach the test output; the apps log JSON at warn and above.
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    if (/"level":(5|6)0/.test(text)) process.stderr.write(`[${name}] ${text}`);
  });
  return child;
}

async function waitForHealth(baseUrl: string, children: ChildProcess[], timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const child of children) {
      if (child.exitCode !== null) throw new Error(`a process of the stack exited (${child.exitCode}) during start-up`);
    }
    const ok = await fetch(`${baseUrl}/health`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${baseUrl}/health did not answer 200 in time`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
}

/**
 * A fresh database (migrated, with reference data), the built api serving the built web app, and
 * one worker, on a free port and a Redis prefix of their own.
 */
export async function startStack(extraEnv: Record<string, string> = {}): Promise<Stack> {
  const id = randomBytes(4).toString('hex');
  const databaseName = `pm_web_${id}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${databaseName}`);
  } finally {
    await admin.end();
  }
  const port = await freePort();
  const adminEmail = 'admin@web.test';
  const adminPassword = randomBytes(18).toString('base64url');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(databaseName),
    REDIS_URL: redisUrl(),
    JWT_SECRET: randomBytes(48).toString('base64url'),
    QUEUE_PREFIX: `pmweb${id}`,
    PORT: String(port),
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
    LOGIN_RATE_LIMIT: '1000',
    LOGIN_ACCOUNT_RATE_LIMIT: '1000',
    INTAKE_RATE_LIMIT: '100000',
    INTAKE_RATE_BURST: '100000',
    LOG_LEVEL: 'warn',
    DATABASE_POOL_SIZE: '5',
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    ...extraEnv,
  };
  await run(process.execPath, ['dist/scripts/migrate.js'], env);
  const api = start('dist/apps/api/src/main.js', env, 'api');
  const worker = start('dist/apps/worker/src/main.js', env, 'worker');
  const baseUrl = `http://127.0.0.1:${port}`;
  const stack: Stack = {
    baseUrl,
    databaseName,
    queuePrefix: env.QUEUE_PREFIX!,
    adminEmail,
    adminPassword,
    pids: [api.pid!, worker.pid!],
  };
  try {
    await waitForHealth(baseUrl, [api, worker]);
  } catch (error) {
    await stopStack(stack);
    throw error;
  }
  return stack;
}

export async function stopStack(stack: Stack) {
  for (const pid of stack.pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 15_000;
  for (const pid of stack.pids) {
    while (Date.now() < deadline && alive(pid)) await new Promise((r) => setTimeout(r, 100));
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${stack.databaseName} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  const redis = new Redis(redisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${stack.queuePrefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
