import { plainToInstance, Transform } from 'class-transformer';
import {
  ArrayNotEmpty,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { QUEUE_NAMES, QueueName } from '@app/jobs';
import { parseTrustProxy, TrustProxy } from './trust-proxy';

/** Every setting the api and the worker read, validated once at start-up. */
export class Environment {
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL: string;

  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(1, { message: 'PORT must be between 1 and 65535' })
  @Max(65535, { message: 'PORT must be between 1 and 65535' })
  PORT: number;

  @IsString({ message: 'JWT_SECRET is required' })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @Transform(({ value }) => (value === undefined || value === '' ? 3600 : Number(value)))
  @IsInt({ message: 'JWT_EXPIRES_IN must be a whole number of seconds' })
  @Min(60, { message: 'JWT_EXPIRES_IN must be at least 60 seconds' })
  JWT_EXPIRES_IN: number;

  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsOptional()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @Transform(({ value }) => (value === undefined || value === '' ? 'placements' : value))
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, {
    message: 'QUEUE_PREFIX must be 1-64 letters, digits, dots, dashes or underscores',
  })
  QUEUE_PREFIX: string;

  @Transform(({ value }) => (value === undefined || value === '' ? 'info' : value))
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL: string;

  @Transform(({ value }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsInt({ message: 'LOGIN_RATE_LIMIT must be a whole number' })
  @Min(1, { message: 'LOGIN_RATE_LIMIT must be at least 1 login a minute' })
  LOGIN_RATE_LIMIT: number;

  /** Login attempts on one account (whatever the address) in 15 minutes. */
  @Transform(({ value }) => (value === undefined || value === '' ? 20 : Number(value)))
  @IsInt({ message: 'LOGIN_ACCOUNT_RATE_LIMIT must be a whole number' })
  @Min(1, { message: 'LOGIN_ACCOUNT_RATE_LIMIT must be at least 1 login in 15 minutes' })
  LOGIN_ACCOUNT_RATE_LIMIT: number;

  /**
   * Routine referrals one LA may submit a minute, across every api instance (counted in Redis);
   * emergencies are never refused for rate. Far above a placement team's pace: it stops a runaway
   * client from starving the others.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 600 : Number(value)))
  @IsInt({ message: 'INTAKE_RATE_LIMIT must be a whole number' })
  @Min(1, { message: 'INTAKE_RATE_LIMIT must be at least 1 referral a minute' })
  INTAKE_RATE_LIMIT: number;

  /**
   * How many of those a minute one LA may send at once. The rest arrive at the steady pace
   * (INTAKE_RATE_LIMIT / 60 a second), so a runaway client cannot drop a minute's worth of
   * matching work on the workers in one second. Capped at INTAKE_RATE_LIMIT.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 60 : Number(value)))
  @IsInt({ message: 'INTAKE_RATE_BURST must be a whole number' })
  @Min(1, { message: 'INTAKE_RATE_BURST must be at least 1 referral' })
  INTAKE_RATE_BURST: number;

  /**
   * The proxies believed about the client's address (express' `trust proxy`): off by default, so
   * X-Forwarded-For is ignored; behind a load balancer, its hop count or addresses.
   */
  @Transform(({ value }) => parseTrustProxy(value))
  @IsDefined({
    message: 'TRUST_PROXY must be false, true, a number of hops, or a comma-separated list of addresses or CIDR ranges',
  })
  TRUST_PROXY: TrustProxy;

  @Transform(({ value }) => (value === undefined || value === '' ? 20 : Number(value)))
  @IsInt({ message: 'DATABASE_POOL_SIZE must be a whole number' })
  @Min(1, { message: 'DATABASE_POOL_SIZE must be between 1 and 200' })
  @Max(200, { message: 'DATABASE_POOL_SIZE must be between 1 and 200' })
  DATABASE_POOL_SIZE: number;

  /** The longest one statement of the api or the worker may run before Postgres cancels it. */
  @Transform(({ value }) => (value === undefined || value === '' ? 60_000 : Number(value)))
  @IsInt({ message: 'DATABASE_STATEMENT_TIMEOUT_MS must be a whole number' })
  @Min(100, { message: 'DATABASE_STATEMENT_TIMEOUT_MS must be between 100 and 3600000' })
  @Max(3_600_000, { message: 'DATABASE_STATEMENT_TIMEOUT_MS must be between 100 and 3600000' })
  DATABASE_STATEMENT_TIMEOUT_MS: number;

  /** The longest a request waits for a connection (a free one from the pool, or a new one) before failing with 503. */
  @Transform(({ value }) => (value === undefined || value === '' ? 5_000 : Number(value)))
  @IsInt({ message: 'DATABASE_CONNECT_TIMEOUT_MS must be a whole number' })
  @Min(100, { message: 'DATABASE_CONNECT_TIMEOUT_MS must be between 100 and 600000' })
  @Max(600_000, { message: 'DATABASE_CONNECT_TIMEOUT_MS must be between 100 and 600000' })
  DATABASE_CONNECT_TIMEOUT_MS: number;

  /**
   * Days a vacancy may go without its provider confirming it (creating, changing or "still
   * available") before it is stale: flagged to the provider, ranked below equally scored fresh
   * vacancies, and never counted emergency-ready.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 7 : Number(value)))
  @IsInt({ message: 'VACANCY_STALE_DAYS must be a whole number' })
  @Min(1, { message: 'VACANCY_STALE_DAYS must be between 1 and 365' })
  @Max(365, { message: 'VACANCY_STALE_DAYS must be between 1 and 365' })
  VACANCY_STALE_DAYS: number;

  /** Jobs one worker process runs at once, per queue. */
  @Transform(({ value }) => (value === undefined || value === '' ? 4 : Number(value)))
  @IsInt({ message: 'WORKER_CONCURRENCY must be a whole number' })
  @Min(1, { message: 'WORKER_CONCURRENCY must be between 1 and 64' })
  @Max(64, { message: 'WORKER_CONCURRENCY must be between 1 and 64' })
  WORKER_CONCURRENCY: number;

  /**
   * How long a worker's claim on a job lasts without renewal: a worker that dies mid-job has its
   * job handed to another worker about this long afterwards.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 30_000 : Number(value)))
  @IsInt({ message: 'JOB_LOCK_MS must be a whole number of milliseconds' })
  @Min(1_000, { message: 'JOB_LOCK_MS must be at least 1000' })
  JOB_LOCK_MS: number;

  /**
   * The queues this worker process serves, comma-separated; all of them when empty. Run one
   * process with `matching-emergency` alone to give emergencies a process of their own.
   */
  @Transform(({ value }) =>
    value === undefined || value === ''
      ? [...QUEUE_NAMES]
      : String(value)
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean),
  )
  @ArrayNotEmpty({ message: `WORKER_QUEUES must list at least one of ${QUEUE_NAMES.join(', ')}` })
  @IsIn(QUEUE_NAMES, { each: true, message: `WORKER_QUEUES must list queues among ${QUEUE_NAMES.join(', ')}` })
  WORKER_QUEUES: QueueName[];

  /** Emergency matches one worker process runs at once: capacity routine work cannot take. */
  @Transform(({ value }) => (value === undefined || value === '' ? 2 : Number(value)))
  @IsInt({ message: 'EMERGENCY_CONCURRENCY must be a whole number' })
  @Min(1, { message: 'EMERGENCY_CONCURRENCY must be between 1 and 64' })
  @Max(64, { message: 'EMERGENCY_CONCURRENCY must be between 1 and 64' })
  EMERGENCY_CONCURRENCY: number;

  /**
   * Lets providers' webhooks point at loopback and private addresses, over plain http. For a
   * development machine or a test only: otherwise webhooks must be https on public addresses.
   */
  @Transform(({ value }) => value === 'true' || value === '1')
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: boolean;

  /** Webhook deliveries one worker process makes at once. */
  @Transform(({ value }) => (value === undefined || value === '' ? 8 : Number(value)))
  @IsInt({ message: 'NOTIFY_CONCURRENCY must be a whole number' })
  @Min(1, { message: 'NOTIFY_CONCURRENCY must be between 1 and 256' })
  @Max(256, { message: 'NOTIFY_CONCURRENCY must be between 1 and 256' })
  NOTIFY_CONCURRENCY: number;

  /**
   * The longest one webhook delivery may take, connection to last byte of the answer: a receiver
   * that answers a byte at a time is cut off here, its attempt failed and retried with backoff.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 10_000 : Number(value)))
  @IsInt({ message: 'WEBHOOK_TOTAL_TIMEOUT_MS must be a whole number of milliseconds' })
  @Min(100, { message: 'WEBHOOK_TOTAL_TIMEOUT_MS must be between 100 and 120000' })
  @Max(120_000, { message: 'WEBHOOK_TOTAL_TIMEOUT_MS must be between 100 and 120000' })
  WEBHOOK_TOTAL_TIMEOUT_MS: number;

  /**
   * How often the lost-job sweeper runs, and how often each worker's relay checks that the job
   * schedulers (the sweeper's, the nightly snapshot's, the rollups') are still in Redis.
   */
  @Transform(({ value }) => (value === undefined || value === '' ? 30_000 : Number(value)))
  @IsInt({ message: 'SWEEP_INTERVAL_MS must be a whole number of milliseconds' })
  @Min(100, { message: 'SWEEP_INTERVAL_MS must be between 100 and 3600000' })
  @Max(3_600_000, { message: 'SWEEP_INTERVAL_MS must be between 100 and 3600000' })
  SWEEP_INTERVAL_MS: number;
}


export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigurationError';
  }
}

/** Validates raw environment variables; throws one ConfigurationError naming every problem. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const relevant: Record<string, unknown> = {};
  for (const key of ENVIRONMENT_KEYS) relevant[key] = raw[key];
  const env = plainToInstance(Environment, relevant);
  const problems = validateSync(env, { skipMissingProperties: false }).flatMap((error) =>
    Object.values(error.constraints ?? {}).slice(0, 1),
  );
  if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return env;
}

export const ENVIRONMENT_KEYS: readonly (keyof Environment)[] = [
  'DATABASE_URL',
  'REDIS_URL',
  'PORT',
  'JWT_SECRET',
  'JWT_EXPIRES_IN',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'QUEUE_PREFIX',
  'LOG_LEVEL',
  'DATABASE_POOL_SIZE',
  'DATABASE_STATEMENT_TIMEOUT_MS',
  'DATABASE_CONNECT_TIMEOUT_MS',
  'LOGIN_RATE_LIMIT',
  'LOGIN_ACCOUNT_RATE_LIMIT',
  'INTAKE_RATE_LIMIT',
  'INTAKE_RATE_BURST',
  'TRUST_PROXY',
  'VACANCY_STALE_DAYS',
  'WORKER_CONCURRENCY',
  'JOB_LOCK_MS',
  'WORKER_QUEUES',
  'EMERGENCY_CONCURRENCY',
  'NOTIFY_CONCURRENCY',
  'SWEEP_INTERVAL_MS',
  'WEBHOOK_ALLOW_PRIVATE_NETWORKS',
  'WEBHOOK_TOTAL_TIMEOUT_MS',
];

/**
 * Validates process.env before any module is loaded, so a bad value stops start-up with a single
 * line instead of a stack trace.
 */
export function environmentOrExit(raw: Record<string, unknown> = process.env): Environment {
  try {
    return validateEnvironment(raw);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
