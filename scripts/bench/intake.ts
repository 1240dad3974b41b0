/**
 * `npm run bench:intake`: how many referrals a second the built api takes in, against GET /health as
 * the baseline, at 1, 16 and 64 connections.
 *
 *   1. the build: dist/ as it is (built with `npm run build` first only if an entry point is
 *      missing; a warning names sources newer than it), or see BENCH_BUILD / BENCH_DIST below;
 *   2. a scratch database (migrated, reference data loaded), a fresh Redis key prefix, the api on a
 *      free loopback port and one worker, so the outbox relay drains while intake runs;
 *   3. a placement officer for Ealing, created through the admin API, logged in;
 *   4. per connection count: GET /health, then POST /api/v1/referrals (a new Idempotency-Key and a
 *      slightly different child per request), each a warm-up and then a measured run;
 *   5. checks in Postgres that every 202 stored exactly one referral, child and outbox row, and that
 *      the worker's relay sent every outbox row to the queue;
 *   6. cleans up: stops the apps, drops the database, deletes the Redis keys (also on Ctrl-C, on an
 *      error, and at an overall deadline).
 *
 * Exit code 1 when any intake request got something other than 202 or a check fails; 0 otherwise,
 * or 2 when BENCH_ENFORCE_TARGET=1 and the target (16 connections: >= 1,000/s, p99 < 100 ms) is missed.
 *
 * Environment (all optional):
 *   BENCH_DURATION        seconds per measured run (10)
 *   BENCH_WARMUP          seconds of warm-up before each (2)
 *   BENCH_CONNECTIONS     connection counts ("1,16,64")
 *   BENCH_POOL_SIZE       the api's DATABASE_POOL_SIZE (20)
 *   BENCH_DRAIN_TIMEOUT   seconds to wait for the relay to send every outbox row (30)
 *   BENCH_BUILD           1: `npm run build` first; private: build the current sources into a
 *                         temporary directory, leaving dist/ alone
 *   BENCH_DIST            run another build output instead of dist/
 *   BENCH_API_NODE_ARGS   extra node flags for the api, e.g. "--prof --logfile=/tmp/api.v8.log
 *                         --no-logfile-per-isolate" (--cpu-prof writes nothing: the api dies by SIGTERM)
 *   BENCH_KEEP_LOGS=1     keep the apps' logs (kept anyway on failure)
 *   BENCH_ENFORCE_TARGET=1, BENCH_DATABASE_ADMIN_URL, BENCH_REDIS_URL (loopback only)
 */
import { chooseBuild, logHeader } from './support/build';
import { freePort, startApp, waitForHealth } from './support/child-processes';
import { cpuSnapshot, cpuUsage, postgresBackendPids } from './support/cpu';
import { listFromEnv, numberFromEnv } from './support/env-settings';
import { callJson } from './support/http';
import { createOfficer, scratchInstallation } from './support/installation';
import { type LoadResult, runLoad, stopCurrentLoad } from './support/load';
import { fixed, machineLine, runBenchmark, whole } from './support/output';
import { logDirectory } from './support/run-logs';
import { queryOnce } from './support/scratch-database';
import { benchServices, LOOPBACK, runId } from './support/services';
import { Teardown } from './support/teardown';
import { settle, waitForDrain, waitForRelay } from './intake/database-waits';
import { IntakeLoad } from './intake/intake-load';
import { type LevelResult, logRunTables, nonStatus } from './intake/report';

const TARGET = { connections: 16, referralsPerSecond: 1_000, p99Ms: 100 };
const EALING = 'E09000009';

const settings = {
  duration: numberFromEnv('BENCH_DURATION', 10, { min: 1, max: 600 }),
  warmup: numberFromEnv('BENCH_WARMUP', 2, { min: 0, max: 60 }),
  connections: listFromEnv('BENCH_CONNECTIONS', [1, 16, 64], { min: 1, max: 512 }),
  poolSize: numberFromEnv('BENCH_POOL_SIZE', 20, { min: 1, max: 200 }),
  drainTimeout: numberFromEnv('BENCH_DRAIN_TIMEOUT', 30, { min: 1, max: 600 }),
};

const log = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const teardown = new Teardown(log);
  teardown.onInterrupt(stopCurrentLoad);
  const services = benchServices();

  const id = runId();
  const build = await chooseBuild(log, id, teardown);

  // Bounded from here on: set-up, every run, the drain wait and clean-up.
  const perLevel = 2 * (settings.warmup + settings.duration) + 10;
  teardown.deadline((240 + settings.connections.length * perLevel + settings.drainTimeout) * 1000);
  const logs = logDirectory(id, teardown, log);
  const logDir = logs.dir;
  try {
    logHeader(log, 'Intake benchmark', build);
    const { database, queuePrefix, env, admin } = await scratchInstallation(build, services, id, teardown, log);
    const port = await freePort();
    const baseUrl = `http://${LOOPBACK}:${port}`;
    const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
    const apiEnv = { ...env, PORT: String(port), DATABASE_POOL_SIZE: String(settings.poolSize) };
    const api = startApp('api', build.apps.api, apiEnv, { logDir, nodeArgs });
    teardown.add('stop api', () => api.stop());
    const worker = startApp('worker', build.apps.worker, { ...env, DATABASE_POOL_SIZE: '5' }, { logDir });
    teardown.add('stop worker', () => worker.stop());
    const dead = Promise.race([api.exited, worker.exited]);

    await Promise.race([waitForHealth(baseUrl, api, 90_000), dead]);
    await Promise.race([waitForRelay(database.url), dead]);
    log(
      `api: ${baseUrl} (DATABASE_POOL_SIZE ${settings.poolSize}, LOG_LEVEL warn${nodeArgs.length ? `, node ${nodeArgs.join(' ')}` : ''}); ` +
        `worker: 1, outbox relay listening; queue prefix ${queuePrefix}`,
    );

    const { token } = await createOfficer(baseUrl, admin, id, EALING);
    log(`placement officer for Ealing (${EALING}) created through POST /api/v1/admin/users and logged in`);
    log(
      `runs: per connection count, GET /health then POST /api/v1/referrals, each ${settings.warmup} s warm-up + ` +
        `${settings.duration} s measured (pipelining 1, keep-alive, latency over every response)`,
    );
    log();

    const intake = new IntakeLoad(id);
    const intakeUrl = `${baseUrl}/api/v1/referrals`;
    const levels: LevelResult[] = [];
    const warmups: LoadResult[] = [];
    const cpuGroups = {
      api: () => (api.child.pid ? [api.child.pid] : []),
      worker: () => (worker.child.pid ? [worker.child.pid] : []),
      postgres: () => postgresBackendPids(database.name),
      bench: () => [process.pid],
    };
    const withCpu = async (run: () => Promise<LoadResult>): Promise<[LoadResult, Record<string, number>]> => {
      const before = cpuSnapshot(cpuGroups);
      const result = await run();
      return [result, cpuUsage(before, cpuSnapshot(cpuGroups))];
    };
    for (const connections of settings.connections) {
      if (settings.warmup > 0) await runLoad({ url: `${baseUrl}/health`, connections, durationSeconds: settings.warmup });
      const [health, healthCpu] = await withCpu(() =>
        runLoad({ url: `${baseUrl}/health`, connections, durationSeconds: settings.duration }),
      );
      if (settings.warmup > 0) warmups.push(await intake.load(intakeUrl, token, connections, settings.warmup));
      const [measured, intakeCpu] = await withCpu(() => intake.load(intakeUrl, token, connections, settings.duration));
      if (teardown.stopping) return new Promise<number>(() => undefined); // the signal handler exits
      levels.push({ connections, health, intake: measured, healthCpu, intakeCpu });
      log(
        `  ${String(connections).padStart(3)} connections: intake ${whole(measured.requestsPerSecond)} req/s ` +
          `(p99 ${fixed(measured.p99)} ms), health ${whole(health.requestsPerSecond)} req/s`,
      );
      for (const app of [api, worker]) if (!app.alive()) await app.exited;
    }
    const intakeEnded = Date.now();

    // ---- results
    logRunTables(levels);

    const failures: string[] = [];
    const intakeRuns = [...warmups, ...levels.map((level) => level.intake)];
    const intakeOther = intakeRuns.reduce((sum, run) => sum + nonStatus(run, '202'), 0);
    if (intakeOther > 0) {
      failures.push(`${intakeOther} intake request(s) got something other than 202 (or a connection error/timeout)`);
      for (const rejection of intake.rejections) log(`  e.g. ${rejection}`);
    }

    // ---- Postgres: once the requests that were in flight when the last run stopped have settled
    await settle(database.url);
    const accepted = intake.accepted.length;
    const unanswered = [...intake.unanswered];
    const [counts] = await queryOnce<{
      referrals: number;
      children: number;
      outbox: number;
      acceptedStored: number;
      unansweredStored: number;
    }>(
      database.url,
      `SELECT (SELECT count(*)::int FROM referrals) AS referrals,
              (SELECT count(*)::int FROM children) AS children,
              (SELECT count(*)::int FROM outbox) AS outbox,
              (SELECT count(*)::int FROM referrals WHERE idempotency_key = ANY($1::text[])) AS "acceptedStored",
              (SELECT count(*)::int FROM referrals WHERE idempotency_key = ANY($2::text[])) AS "unansweredStored"`,
      [intake.accepted, unanswered],
    );
    const drain = await waitForDrain(database.url, settings.drainTimeout * 1000);
    const drainedAfter = (Date.now() - intakeEnded) / 1000;
    const health = await callJson(baseUrl, 'GET', '/health', { expect: 200 }).catch((error: Error) => ({
      error: error.message,
    }));

    log();
    log('Postgres after the runs');
    log(`  202s received (warm-ups included):          ${whole(accepted)}`);
    log(`  requests unanswered when a run stopped:     ${whole(unanswered.length)} (of which stored: ${whole(counts.unansweredStored)})`);
    log(`  referrals stored:                           ${whole(counts.referrals)} (children ${whole(counts.children)})`);
    log(`  referrals stored with a 202'd key:          ${whole(counts.acceptedStored)}`);
    log(`  outbox rows:                                ${whole(counts.outbox)}`);
    log(
      `  outbox rows sent by the worker's relay:     ${whole(drain.sent)} of ${whole(drain.total)}` +
        (drain.unsent === 0
          ? ` (all sent; checked ${fixed(drainedAfter)} s after the last run)`
          : ` (${whole(drain.unsent)} unsent after ${settings.drainTimeout} s)`),
    );
    const queues = (health as { info?: { queues?: unknown } }).info?.queues ?? health;
    log(`  BullMQ queues (GET /health):                ${JSON.stringify(queues)}`);

    if (counts.acceptedStored !== accepted) {
      failures.push(`${accepted - counts.acceptedStored} referral(s) answered 202 are not stored`);
    }
    if (counts.referrals !== accepted + counts.unansweredStored) {
      failures.push(`referrals stored (${counts.referrals}) != 202s (${accepted}) + stored unanswered (${counts.unansweredStored})`);
    }
    if (counts.children !== counts.referrals) failures.push(`children (${counts.children}) != referrals (${counts.referrals})`);
    if (counts.outbox !== counts.referrals) failures.push(`outbox rows (${counts.outbox}) != referrals (${counts.referrals})`);
    if (drain.unsent > 0) {
      failures.push(`${drain.unsent} outbox row(s) still unsent ${settings.drainTimeout} s after the runs`);
    }

    // ---- verdict
    log();
    log(`machine at the end: ${machineLine()}`);
    const atTarget = levels.find((level) => level.connections === TARGET.connections);
    let targetMet = false;
    if (atTarget) {
      const { requestsPerSecond, p99 } = atTarget.intake;
      targetMet = requestsPerSecond >= TARGET.referralsPerSecond && p99 < TARGET.p99Ms;
      log(
        `TARGET ${targetMet ? 'MET' : 'NOT MET'}: intake at ${TARGET.connections} connections ${whole(requestsPerSecond)} referrals/s ` +
          `(target >= ${whole(TARGET.referralsPerSecond)}), p99 ${fixed(p99)} ms (target < ${TARGET.p99Ms} ms)`,
      );
    } else {
      log(`TARGET NOT MEASURED: no run at ${TARGET.connections} connections (BENCH_CONNECTIONS=${settings.connections.join(',')})`);
    }
    if (failures.length > 0) {
      log(`FAILED: ${failures.join('; ')}`);
      return 1;
    }
    log(
      'CHECKS PASSED: every intake request got 202; each stored one referral, one child and one outbox row; ' +
        'the relay sent them all',
    );
    logs.succeeded();
    return process.env.BENCH_ENFORCE_TARGET === '1' && !targetMet ? 2 : 0;
  } finally {
    await teardown.run();
  }
}

runBenchmark('bench:intake', main);
