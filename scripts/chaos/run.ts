/**
 * `npm run chaos`: the platform under faults, and proof that nothing acknowledged was lost.
 *
 *   1. a Postgres and a redis-server of the run's own (temporary directories, free loopback
 *      ports), a scratch database migrated by the apps' own migrate, 2 api and 3 worker processes;
 *   2. two providers with webhooks (a receiver in this process) and open vacancies, an officer;
 *   3. for CHAOS_SECONDS: the officer submits referrals (every fifth an emergency), providers offer
 *      on those shortlisted to them and open a vacancy every CHAOS_VACANCY_MS, the officer accepts
 *      half the offers (drive.ts); meanwhile one
 *      fault at a time, spread over the run (faults.ts): a worker SIGKILLed and restarted, Redis
 *      restarted with its data, an api SIGKILLed and restarted, Postgres stopped for
 *      CHAOS_PG_STOP_SECONDS, Redis restarted without its data; runs over 150 s repeat the cycle;
 *   4. a settle phase of at most CHAOS_SETTLE_SECONDS, until the referrals are matched and the
 *      alerts delivered, then the checks (checks.ts) through the api and SQL;
 *   5. prints the faults with their recovery times, the counts and the checks.
 *
 * Exit code 1 when a check fails. Everything is removed at the end, also on Ctrl-C.
 *
 * Environment (all optional): CHAOS_SECONDS (300), CHAOS_PG_STOP_SECONDS (30),
 * CHAOS_SETTLE_SECONDS (180), CHAOS_INTAKE_MS (500, between referrals), CHAOS_VACANCY_MS (4000, between new
 * vacancies), CHAOS_APPS (`build`, the
 * default, runs dist/ as chosen by BENCH_BUILD / BENCH_DIST, see ../bench/support/build.ts; `source`
 * runs the TypeScript sources), CHAOS_PG_BIN, BENCH_KEEP_LOGS=1.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedisServer } from '@app/testing';
import { chooseBuild, logBuild } from '../bench/support/build';
import { type BuiltApps, sourceApps } from '../bench/support/built-apps';
import { numberFromEnv } from '../bench/support/env-settings';
import { callJson, login } from '../bench/support/http';
import { appEnvironment, migrateBuilt } from '../bench/support/installation';
import { fixed, machineLine, runBenchmark, table, whole } from '../bench/support/output';
import { logDirectory, removeDirectory } from '../bench/support/run-logs';
import { createScratchDatabase, queryOnce } from '../bench/support/scratch-database';
import { runId } from '../bench/support/services';
import { sleep, Teardown } from '../bench/support/teardown';
import { type Check, runChecks } from './checks';
import { Driver } from './drive';
import { awaitRecovery, FAULT_CYCLE, type FaultRecord, inject, MatchMonitor } from './faults';
import { startPrivatePostgres } from './postgres';
import { seedRegion, VACANCY_BEDS } from './seed';
import { ChaosApps, WebhookReceiver } from './stack';

export interface ChaosSettings {
  seconds: number;
  pgStopSeconds: number;
  settleSeconds: number;
  intakeGapMs: number;
  vacancyGapMs: number;
  apps: 'build' | 'source';
}

export interface ChaosResult {
  code: number;
  checks: Check[];
  faults: FaultRecord[];
}

export function settingsFromEnv(): ChaosSettings {
  const apps = process.env.CHAOS_APPS || 'build';
  if (apps !== 'build' && apps !== 'source') throw new Error(`CHAOS_APPS must be build or source, not "${apps}"`);
  return {
    seconds: numberFromEnv('CHAOS_SECONDS', 300, { min: 20, max: 86_400 }),
    pgStopSeconds: numberFromEnv('CHAOS_PG_STOP_SECONDS', 30, { min: 1, max: 600 }),
    settleSeconds: numberFromEnv('CHAOS_SETTLE_SECONDS', 180, { min: 10, max: 3_600 }),
    intakeGapMs: numberFromEnv('CHAOS_INTAKE_MS', 500, { min: 20, max: 60_000 }),
    vacancyGapMs: numberFromEnv('CHAOS_VACANCY_MS', 4_000, { min: 100, max: 600_000 }),
    apps,
  };
}

const SETTINGS_PER_PROVIDER = 3;
const API_POOL = 8;
const WORKER_POOL = 6;

export async function runChaos(settings: ChaosSettings, log: (line?: string) => void): Promise<ChaosResult> {
  const teardown = new Teardown(log);
  const id = runId();
  teardown.deadline((settings.seconds + settings.settleSeconds + 900) * 1000);
  try {
    log(`Chaos run ${new Date().toISOString()}: ${settings.seconds} s of traffic and faults, Postgres stopped ${settings.pgStopSeconds} s, settle up to ${settings.settleSeconds} s`);
    log(`machine: ${machineLine()}`);
    let apps: BuiltApps;
    if (settings.apps === 'source') {
      apps = sourceApps();
      log('apps: the TypeScript sources (CHAOS_APPS=source)');
    } else {
      const build = await chooseBuild(log, id, teardown);
      logBuild(log, build);
      apps = build.apps;
    }
    const logs = logDirectory(id, teardown, log);

    // Room for 2 apis and 3 workers, each restarted once while its predecessor's sessions linger.
    const postgres = await startPrivatePostgres(4 * (2 * API_POOL + 3 * WORKER_POOL) + 20);
    teardown.add('remove the private Postgres', () => postgres.remove());
    const redisDir = mkdtempSync(join(tmpdir(), 'pm-chaos-redis-'));
    teardown.add('remove the Redis directory', async () => removeDirectory(redisDir));
    const redis = await startRedisServer(undefined, { dir: redisDir });
    teardown.add('stop the private Redis', () => redis.stop({ kill: true }));
    log(`private Postgres on port ${postgres.port}, Redis on port ${redis.port}; logs in ${logs.dir}`);

    const database = await createScratchDatabase(postgres.adminUrl, `pm_chaos_${id}`);
    const queuePrefix = `chaos-${id}`;
    const { env, admin } = appEnvironment(id, database.url, redis.url, queuePrefix);
    Object.assign(env, {
      DATABASE_POOL_SIZE: String(API_POOL),
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
      // The lost-job sweeper and stalled-job checks at a pace that fits a run of minutes.
      SWEEP_INTERVAL_MS: '2000',
      JOB_LOCK_MS: '5000',
      // The providers' webhook is this process, on loopback.
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    });
    log(await migrateBuilt(apps, database.url, env));

    const stack = new ChaosApps({ apps, env, workerEnv: { DATABASE_POOL_SIZE: String(WORKER_POOL) }, logDir: logs.dir, apis: 2, workers: 3 });
    teardown.add('stop the apps', () => stack.stopAll());
    const started = performance.now();
    await stack.startAll();
    log(`2 apis and 3 workers serving after ${fixed((performance.now() - started) / 1000)} s`);

    const receiver = new WebhookReceiver();
    const hookUrl = await receiver.start();
    teardown.add('stop the webhook receiver', () => receiver.stop());
    const baseUrl = stack.apis[0].baseUrl!;
    const adminToken = await login(baseUrl, admin.email, admin.password);
    const region = await seedRegion(baseUrl, adminToken, hookUrl, SETTINGS_PER_PROVIDER);
    log(`seeded: 2 providers with ${region.vacancies} open vacancies of ${VACANCY_BEDS} beds, one officer`);

    const startedAt = Date.now();
    const now = () => Date.now() - startedAt;
    const driver = new Driver(
      () => stack.apis.map((slot) => slot.baseUrl!),
      region.officerToken,
      region.providerTokens,
      region.settingIds,
      startedAt,
      { intakeMs: settings.intakeGapMs, vacancyMs: settings.vacancyGapMs },
    );
    const monitor = new MatchMonitor(database.url, startedAt);
    teardown.onInterrupt(() => void driver.stop());
    monitor.start();
    driver.start();

    const kinds = Array.from({ length: settings.seconds > 150 ? Math.floor(settings.seconds / 150) : 1 }, () => FAULT_CYCLE).flat();
    const faults: FaultRecord[] = [];
    const recoveries: Promise<void>[] = [];
    let recoveryDeadline = Infinity;
    for (const [index, kind] of kinds.entries()) {
      const due = ((index + 0.5) * settings.seconds * 1000) / kinds.length;
      if (due > now()) await sleep(due - now());
      const record: FaultRecord = { what: kind, injectedAt: now() };
      faults.push(record);
      log(`  ${fixed(record.injectedAt / 1000)} s: ${kind}`);
      try {
        await inject(kind, { apps: stack, redis, redisDir, postgres, pgStopSeconds: settings.pgStopSeconds }, record, now);
        recoveries.push(awaitRecovery(record, driver, monitor, startedAt, () => recoveryDeadline));
      } catch (error) {
        record.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
        log(`  the fault could not be injected or undone: ${record.error}`);
        throw error;
      }
    }
    if (settings.seconds * 1000 > now()) await sleep(settings.seconds * 1000 - now());
    await driver.stop();
    const driveEnded = now();
    log(`traffic stopped at ${fixed(driveEnded / 1000)} s; settling`);

    // Settle: until every acknowledged referral is matched and every alert delivered, or the bound.
    recoveryDeadline = driveEnded + settings.settleSeconds * 1000;
    while (now() < recoveryDeadline) {
      const [{ pending }] = await queryOnce<{ pending: number }>(
        database.url,
        `SELECT count(*)::int AS pending FROM provider_notifications
          WHERE queued_at IS NOT NULL AND delivered_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL`,
      );
      const readAfterDrive = monitor.readAt > driveEnded;
      if (readAfterDrive && pending === 0 && !driver.acknowledged.some((referral) => monitor.unmatched.has(referral.id))) break;
      await sleep(500);
    }
    await Promise.all(recoveries);
    await monitor.stop();
    log(`settled at ${fixed(now() / 1000)} s`);

    const outcome = await runChecks({
      driver,
      officerToken: region.officerToken,
      databaseUrl: database.url,
      redisUrl: redis.url,
      queuePrefix,
      receiver,
    });
    report(log, settings, faults, driver, outcome);
    const failed = outcome.checks.some((check) => !check.passed);
    if (!failed) logs.succeeded();
    return { code: failed ? 1 : 0, checks: outcome.checks, faults };
  } finally {
    await teardown.run();
  }
}

function report(
  log: (line?: string) => void,
  settings: ChaosSettings,
  faults: FaultRecord[],
  driver: Driver,
  outcome: Awaited<ReturnType<typeof runChecks>>,
): void {
  const seconds = (ms: number | undefined) => (ms === undefined ? '-' : fixed(ms / 1000));
  log();
  log('Faults injected (s since the traffic started; back = the part serving again; recovered = every referral acknowledged before it was back, and the first after, matched)');
  log(
    table(
      ['fault', 'at', 'back after', 'recovered after back'],
      faults.map((fault) => [
        fault.what,
        seconds(fault.injectedAt),
        fault.restoredAt === undefined ? (fault.error ?? '-') : seconds(fault.restoredAt - fault.injectedAt),
        fault.recoveredAt === undefined ? `not within ${settings.settleSeconds} s of the end` : seconds(fault.recoveredAt - fault.restoredAt!),
      ]),
    ),
  );
  const { totals } = driver;
  const s = outcome.statuses;
  log();
  log(
    table(
      ['count', 'n'],
      [
        ['referrals submitted', whole(totals.submitted)],
        ['  acknowledged (emergencies)', `${whole(totals.acknowledged)} (${whole(totals.emergencies)})`],
        ['  never acknowledged (given up after ~60 s of retries)', whole(totals.unacknowledged)],
        ['  ended shortlisted', whole(s.shortlisted ?? 0)],
        ['  ended no_match', whole(s.no_match ?? 0)],
        ['  ended placed', whole(s.placed ?? 0)],
        ['  other', whole(Object.entries(s).filter(([k]) => !['shortlisted', 'no_match', 'placed'].includes(k)).reduce((n, [, v]) => n + v, 0))],
        ['vacancies opened during the run', whole(totals.vacanciesOpened)],
        ['offers made', whole(totals.offers)],
        ['acceptances', whole(totals.acceptances)],
        ['acceptances refused (bed already taken)', whole(totals.acceptRefused)],
        ['alerts queued / delivered / cancelled / retrying', `${outcome.alerts.queued} / ${outcome.alerts.delivered} / ${outcome.alerts.cancelled} / ${outcome.alerts.retrying}`],
        ['answers retried during faults, by status (0 = none)', Object.entries(totals.faultAnswers).map(([k, v]) => `${k}: ${v}`).join(', ') || '-'],
      ],
    ),
  );
  log();
  for (const check of outcome.checks) log(`${check.passed ? 'PASS' : 'FAIL'}  ${check.name}: ${check.detail}`);
  log(`machine at the end: ${machineLine()}`);
}

if (require.main === module) {
  const log = (line = '') => process.stdout.write(`${line}\n`);
  runBenchmark('chaos', async () => (await runChaos(settingsFromEnv(), log)).code);
}
