/**
 * The faults a chaos run injects, one after another at times spread over the run, and how long the
 * platform took to recover from each: from the moment the failed part was back (the process
 * restarted, Redis or Postgres answering again) until every referral acknowledged before then had
 * been matched (left `submitted` and `matching`) and so had the first referral acknowledged after.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RedisServer } from '@app/testing';
import { queryOnce } from '../bench/support/scratch-database';
import { sleep } from '../bench/support/teardown';
import type { Driver } from './drive';
import type { PrivatePostgres } from './postgres';
import type { ChaosApps } from './stack';

export type FaultKind = 'kill-worker' | 'redis-restart-with-data' | 'kill-api' | 'postgres-stop' | 'redis-restart-without-data';

/** One cycle of faults; a run long enough gets more than one. */
export const FAULT_CYCLE: FaultKind[] = ['kill-worker', 'redis-restart-with-data', 'kill-api', 'postgres-stop', 'redis-restart-without-data'];

export interface FaultRecord {
  what: string;
  /** ms since the run started. */
  injectedAt: number;
  /** When the failed part was back; ms since the run started. */
  restoredAt?: number;
  /** When the work it had held up was done; ms since the run started. */
  recoveredAt?: number;
  error?: string;
}

export interface FaultTargets {
  apps: ChaosApps;
  redis: RedisServer;
  redisDir: string;
  postgres: PrivatePostgres;
  pgStopSeconds: number;
}

/**
 * Referrals still waiting for their match, as Postgres says, read every half second; stays at
 * the last answer while Postgres is away.
 */
export class MatchMonitor {
  unmatched = new Set<string>();
  /** ms since the run started of the last successful read. */
  readAt = -1;
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly startedAt: number,
  ) {}

  start(): void {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        await this.read().catch(() => undefined);
        await sleep(500);
      }
    })();
  }

  async read(): Promise<void> {
    const rows = await queryOnce<{ id: string }>(this.databaseUrl, `SELECT id FROM referrals WHERE status IN ('submitted', 'matching')`);
    this.unmatched = new Set(rows.map((row) => row.id));
    this.readAt = Date.now() - this.startedAt;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}

/**
 * Waits, up to `deadline` (ms since the run started), until the referrals acknowledged before the
 * fault's part came back, and the first acknowledged after, are matched. Reads after the
 * restoration only count.
 */
export async function awaitRecovery(record: FaultRecord, driver: Driver, monitor: MatchMonitor, startedAt: number, deadline: () => number) {
  const restoredAt = record.restoredAt!;
  while (Date.now() - startedAt < deadline()) {
    const before = driver.acknowledged.filter((referral) => referral.at <= restoredAt);
    const after = driver.acknowledged.find((referral) => referral.at > restoredAt);
    // A read taken after the first later referral was acknowledged, so it includes it.
    const readFresh = monitor.readAt > (after?.at ?? restoredAt);
    const intakeOver = !driver.isRunning;
    if (readFresh && (after || intakeOver) && ![...before, ...(after ? [after] : [])].some((r) => monitor.unmatched.has(r.id))) {
      record.recoveredAt = monitor.readAt;
      return;
    }
    await sleep(250);
  }
}

/** Injects one fault and brings the part back; returns once it is back. */
export async function inject(kind: FaultKind, targets: FaultTargets, record: FaultRecord, now: () => number): Promise<void> {
  const { apps, redis, postgres } = targets;
  switch (kind) {
    case 'kill-worker': {
      const slot = apps.workers[Math.floor(Math.random() * apps.workers.length)];
      record.what = `SIGKILL ${slot.name}, restarted`;
      await apps.killAndRestart(slot);
      break;
    }
    case 'kill-api': {
      const slot = apps.apis[Math.floor(Math.random() * apps.apis.length)];
      record.what = `SIGKILL ${slot.name}, restarted`;
      await apps.killAndRestart(slot);
      break;
    }
    case 'redis-restart-with-data':
      record.what = 'Redis restarted with its data (SHUTDOWN SAVE)';
      await redis.stop({ save: true });
      await redis.start();
      break;
    case 'redis-restart-without-data':
      record.what = 'Redis restarted without its data (SIGKILL, dump removed)';
      await redis.stop({ kill: true });
      rmSync(join(targets.redisDir, 'dump.rdb'), { force: true });
      await redis.start();
      break;
    case 'postgres-stop':
      record.what = `Postgres stopped for ${targets.pgStopSeconds} s (pg_ctl stop -m fast)`;
      await postgres.stop();
      // The outage itself: how long Postgres stays away is the fault being injected.
      await sleep(targets.pgStopSeconds * 1000);
      await postgres.start();
      break;
  }
  record.restoredAt = now();
}
