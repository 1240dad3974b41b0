/** The Postgres and Redis a benchmark uses, and the names of one run: loopback addresses only. */
import { randomBytes } from 'node:crypto';

export const LOOPBACK = '127.0.0.1';
export const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

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
