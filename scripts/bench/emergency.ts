/**
 * `npm run bench:emergency`: how long an emergency referral takes from POST /referrals to its
 * shortlist, on an idle system and with a routine backlog, for two ways of running the workers.
 *
 *   1. the build (see support/build.ts: BENCH_BUILD / BENCH_DIST), a scratch database with the West
 *      London demo loaded (its real providers, 154 open vacancies, some emergency-ready today), the
 *      api on a free port, a fresh Redis prefix;
 *   2. per topology in BENCH_TOPOLOGIES:
 *        shared    one worker process serving every queue (the emergency lane has its own BullMQ
 *                  worker and capacity, EMERGENCY_CONCURRENCY, inside it);
 *        dedicated a routine worker (WORKER_QUEUES=matching,notify-provider) and a second process
 *                  for the emergency lane alone (WORKER_QUEUES=matching-emergency);
 *        niced     dedicated, with the routine worker at nice 10, so the operating system gives the
 *                  emergency process the CPU first (what cpu_shares or a priority class does in a
 *                  container platform);
 *      a. idle: BENCH_EMERGENCIES emergencies POSTed one every BENCH_GAP_MS, each timed from just
 *         before its POST to `matched_at` in Postgres (same clock; the commit of its shortlist);
 *      b. loaded: the workers stopped, BENCH_BACKLOG routine referrals stored with their match jobs
 *         in the outbox, the workers started (the relays publish the backlog to the routine queue),
 *         routine intake arriving through HTTP at BENCH_INTAKE_RATE a second, and the same number
 *         of emergencies timed the same way; routine matches a second during them are counted;
 *      c. the workers stopped and the backlog withdrawn;
 *      d. flood: BENCH_FLOOD_CLIENTS clients of another LA (Brent) sending routine referrals as fast
 *         as the api answers them (from a process of their own at BENCH_FLOOD_NICE), against the api's per-LA intake
 *         limit (BENCH_INTAKE_LIMIT a minute, at most BENCH_INTAKE_BURST at once: the defaults),
 *         and the same number of emergencies from Ealing timed the same way; then the workers stopped and what the flood stored withdrawn, so the next
 *         topology starts clean.
 *   3. prints p50/p99 for each phase, loaded/idle ratios, and routine throughput.
 *
 * Aims (issues): loaded/idle p99 ratio <= 1.5 and loaded p99 < 250 ms on this machine; under the
 * flood, p99 <= 1.5x idle p99.
 * Exit code 1 when an emergency was not matched within BENCH_TIMEOUT seconds; 0 otherwise.
 *
 * Environment (all optional): BENCH_TOPOLOGIES ("shared,dedicated,niced"), BENCH_EMERGENCIES (60),
 * BENCH_GAP_MS (150), BENCH_BACKLOG (20000), BENCH_INTAKE_RATE (20), BENCH_TIMEOUT (30),
 * BENCH_FLOOD_CLIENTS (16; 0 leaves the flood out), BENCH_INTAKE_LIMIT (600), BENCH_INTAKE_BURST (60),
 * BENCH_FLOOD_NICE (19; 0 gives the flood an equal share of this machine's two cores),
 * BENCH_BUILD, BENCH_DIST, BENCH_KEEP_LOGS=1, BENCH_DATABASE_ADMIN_URL, BENCH_REDIS_URL.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { setPriority } from 'node:os';
import { createDataSource, ReferralRepository } from '@app/persistence';
import { QueueName } from '@app/jobs';
import { buildReferral } from '@app/testing';
import { chooseBuild, logHeader } from './support/build';
import { type AppProcess, runToCompletion, startApp } from './support/child-processes';
import { numberFromEnv } from './support/env-settings';
import { referralRequest } from './support/http';
import { createOfficer, scratchInstallation, startBenchApi } from './support/installation';
import { fixed, runBenchmark, whole } from './support/output';
import { deleteRedisKeys } from './support/redis-keys';
import { REPO_ROOT } from './support/repo-root';
import { logDirectory } from './support/run-logs';
import { queryOnce } from './support/scratch-database';
import { benchServices, runId } from './support/services';
import { percentile } from './support/statistics';
import { sleep, Teardown } from './support/teardown';
import { startFlood } from './emergency/flood';
import { logPhases, type Phase } from './emergency/report';

const EALING = 'E09000009';
const settings = {
  topologies: (process.env.BENCH_TOPOLOGIES ?? 'shared,dedicated,niced').split(',').map((t) => t.trim()),
  emergencies: numberFromEnv('BENCH_EMERGENCIES', 60, { min: 1, max: 10_000 }),
  gapMs: numberFromEnv('BENCH_GAP_MS', 150, { min: 0, max: 60_000 }),
  backlog: numberFromEnv('BENCH_BACKLOG', 20_000, { min: 0, max: 1_000_000 }),
  intakeRate: numberFromEnv('BENCH_INTAKE_RATE', 20, { min: 0, max: 1_000 }),
  timeout: numberFromEnv('BENCH_TIMEOUT', 30, { min: 1, max: 600 }),
  floodClients: numberFromEnv('BENCH_FLOOD_CLIENTS', 16, { min: 0, max: 256 }),
  intakeLimit: numberFromEnv('BENCH_INTAKE_LIMIT', 600, { min: 1, max: 1_000_000 }),
  intakeBurst: numberFromEnv('BENCH_INTAKE_BURST', 60, { min: 1, max: 1_000_000 }),
  floodNice: numberFromEnv('BENCH_FLOOD_NICE', 19, { min: 0, max: 19 }),
};
const BRENT = 'E09000005';

const log = (line = '') => process.stdout.write(`${line}\n`);

function referralBody(n: number, urgency: 'emergency' | 'planned'): string {
  return JSON.stringify(referralRequest(`BENCH-${urgency}-${n}`, n, urgency, ['K2', 'U4', 'U5', 'U6']));
}

async function post(baseUrl: string, token: string, body: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/referrals`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID() },
    body,
  });
  const text = await response.text();
  if (response.status !== 202) throw new Error(`POST /referrals: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text).id;
}

/** A routine POST that may be refused for rate: the status, and Retry-After's seconds on a 429. */
async function postRoutine(baseUrl: string, token: string, body: string): Promise<{ status: number; retryAfter: number }> {
  const response = await fetch(`${baseUrl}/api/v1/referrals`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'Idempotency-Key': randomUUID() },
    body,
  });
  await response.arrayBuffer();
  if (response.status !== 202 && response.status !== 429) throw new Error(`POST /referrals: ${response.status}`);
  return { status: response.status, retryAfter: Number(response.headers.get('retry-after') ?? 1) };
}

async function main(): Promise<number> {
  const teardown = new Teardown(log);
  const services = benchServices();
  const id = runId();
  const build = await chooseBuild(log, id, teardown);
  teardown.deadline((300 + settings.topologies.length * (120 + settings.backlog / 200)) * 1000);
  const logs = logDirectory(id, teardown, log);
  try {
    logHeader(log, 'Emergency benchmark', build);
    const { database, queuePrefix, env, admin } = await scratchInstallation(build, services, id, teardown, log);
    // The api's own per-LA intake limit, as deployed (the other benchmarks lift it).
    env.INTAKE_RATE_LIMIT = String(settings.intakeLimit);
    env.INTAKE_RATE_BURST = String(settings.intakeBurst);
    await runToCompletion(process.execPath, ['-r', '@swc-node/register', 'scripts/demo/seed-demo.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: database.url, DEMO_PASSWORD: randomBytes(12).toString('base64url'), DEMO_STATE_DIR: logs.dir },
      timeoutMs: 180_000,
      label: 'seed the demo',
    });
    const [{ open, ready }] = await queryOnce<{ open: number; ready: number }>(
      database.url,
      `SELECT count(*)::int AS open, count(*) FILTER (WHERE emergency_ready)::int AS ready FROM vacancies WHERE status = 'open'`,
    );
    log(`demo loaded: ${open} open vacancies, ${ready} emergency-ready`);

    const { baseUrl } = await startBenchApi(build, env, { logDir: logs.dir, teardown, poolSize: 10 });
    const officer = await createOfficer(baseUrl, admin, id, EALING);
    const token = officer.token;
    const flooder = settings.floodClients > 0 ? await createOfficer(baseUrl, admin, `${id}-flood`, BRENT) : null;

    const dataSource = createDataSource({ url: database.url, poolSize: 4, applicationName: 'bench-emergency' });
    await dataSource.initialize();
    teardown.add('close data source', () => dataSource.destroy());
    const referrals = new ReferralRepository(dataSource);

    let workers: AppProcess[] = [];
    const startWorkers = async (topology: string) => {
      // Info logs, so start-up ("processing queue ...") can be seen; they go to the log directory.
      const base = { ...env, DATABASE_POOL_SIZE: '6', LOG_LEVEL: 'info' };
      workers =
        topology !== 'shared'
          ? [
              startApp(`worker-routine-${topology}`, build.apps.worker, { ...base, WORKER_QUEUES: `${QueueName.Matching},${QueueName.Notifications}` }, { logDir: logs.dir }),
              startApp(`worker-emergency-${topology}`, build.apps.worker, { ...base, WORKER_QUEUES: QueueName.Emergency }, { logDir: logs.dir }),
            ]
          : [startApp(`worker-${topology}`, build.apps.worker, base, { logDir: logs.dir })];
      // The OS's share of the two cores: the routine worker yields to the emergency one.
      if (topology === 'niced' && workers[0].child.pid) setPriority(workers[0].child.pid, 10);
      // Started once every worker logs its queues and its index is loaded (the demo's is small).
      const deadline = Date.now() + 60_000;
      while (!workers.every((worker) => /processing queue/.test(worker.tail(200))) && Date.now() < deadline) {
        for (const worker of workers) if (!worker.alive()) await worker.exited;
        await sleep(100);
      }
      await sleep(1_000);
    };
    const stopWorkers = async () => {
      await Promise.all(workers.map((worker) => worker.stop()));
      workers = [];
    };
    teardown.add('stop workers', stopWorkers);

    let sequence = 0;
    /** Emergencies one at a time, spaced; each timed from before its POST to its matched_at. */
    const timeEmergencies = async (topology: string, phase: Phase['phase']): Promise<Phase> => {
      const sent: { id: string; at: number }[] = [];
      const ackMs: number[] = [];
      for (let n = 0; n < settings.emergencies; n += 1) {
        const at = Date.now();
        sent.push({ id: await post(baseUrl, token, referralBody((sequence += 1), 'emergency')), at });
        ackMs.push(Date.now() - at);
        await sleep(settings.gapMs);
      }
      const ids = sent.map((s) => s.id);
      const deadline = Date.now() + settings.timeout * 1000;
      let rows: { id: string; matchedAt: Date | null; status: string }[] = [];
      for (;;) {
        rows = await queryOnce(database.url, `SELECT id, matched_at AS "matchedAt", status FROM referrals WHERE id = ANY($1)`, [ids]);
        if (rows.every((row) => row.matchedAt !== null) || Date.now() > deadline) break;
        await sleep(100);
      }
      const byId = new Map(rows.map((row) => [row.id, row]));
      const latenciesMs = sent
        .map((s) => (byId.get(s.id)?.matchedAt ? byId.get(s.id)!.matchedAt!.getTime() - s.at : NaN))
        .filter(Number.isFinite);
      return {
        topology,
        phase,
        latenciesMs,
        ackMs,
        unmatched: settings.emergencies - latenciesMs.length,
        shortlisted: rows.filter((row) => row.status === 'shortlisted').length,
        routinePerSecond: null,
        routineQueued: null,
      };
    };

    const phases: Phase[] = [];
    for (const topology of settings.topologies) {
      if (!['shared', 'dedicated', 'niced'].includes(topology)) throw new Error(`unknown topology ${topology}`);
      log();
      log(`topology ${topology}:`);
      await startWorkers(topology);
      const idle = await timeEmergencies(topology, 'idle');
      phases.push(idle);
      log(
        `  idle:   p50 ${fixed(percentile(Float64Array.from(idle.latenciesMs).sort(), 50))} ms, p99 ${fixed(percentile(Float64Array.from(idle.latenciesMs).sort(), 99))} ms; ` +
          `POST to 202 p50 ${fixed(percentile(Float64Array.from(idle.ackMs).sort(), 50))} ms, p99 ${fixed(percentile(Float64Array.from(idle.ackMs).sort(), 99))} ms`,
      );
      await stopWorkers();

      // The backlog: routine referrals stored as intake stores them, their match jobs in the outbox.
      const tag = randomUUID().slice(0, 8);
      const backlog: string[] = [];
      for (let n = 0; n < settings.backlog; n += 1) {
        const result = await referrals.submit(
          buildReferral(officer.userId, { idempotencyKey: `backlog-${tag}-${n}`, localAuthorityCode: EALING, placementTypes: ['K2', 'U4', 'U5', 'U6'] }),
        );
        if (result.outcome === 'created') backlog.push(result.referral.id);
      }
      log(`  backlog: ${whole(backlog.length)} routine referrals stored with their match jobs in the outbox`);
      await startWorkers(topology);
      // Wait until the relays have queued the backlog, so emergencies really arrive behind it.
      const relayDeadline = Date.now() + 120_000;
      while (Date.now() < relayDeadline) {
        const [{ unsent }] = await queryOnce<{ unsent: number }>(database.url, `SELECT count(*)::int AS unsent FROM outbox WHERE sent_at IS NULL`);
        if (unsent < 100) break;
        await sleep(200);
      }
      let intakeRunning = true;
      let intakeSent = 0;
      const intake = (async () => {
        if (settings.intakeRate === 0) return;
        const gap = 1000 / settings.intakeRate;
        while (intakeRunning) {
          const { status, retryAfter } = await postRoutine(baseUrl, token, referralBody((sequence += 1), 'planned'));
          if (status === 202) intakeSent += 1;
          await sleep(status === 429 ? retryAfter * 1000 : gap);
        }
      })();
      const countRoutine = async () =>
        (await queryOnce<{ n: number }>(database.url, `SELECT count(*)::int AS n FROM referrals WHERE urgency = 'planned' AND matched_at IS NOT NULL`))[0].n;
      const [{ waiting }] = await queryOnce<{ waiting: number }>(
        database.url,
        `SELECT count(*)::int AS waiting FROM referrals WHERE urgency = 'planned' AND status = 'submitted'`,
      );
      const routineBefore = await countRoutine();
      const started = Date.now();
      const loaded = await timeEmergencies(topology, 'loaded');
      const routineAfter = await countRoutine();
      loaded.routinePerSecond = ((routineAfter - routineBefore) * 1000) / (Date.now() - started);
      loaded.routineQueued = waiting;
      intakeRunning = false;
      await intake;
      phases.push(loaded);
      log(
        `  loaded: p50 ${fixed(percentile(Float64Array.from(loaded.latenciesMs).sort(), 50))} ms, p99 ${fixed(percentile(Float64Array.from(loaded.latenciesMs).sort(), 99))} ms; ` +
          `${whole(waiting)} routine referrals waiting at the start, ${whole(intakeSent)} more arrived; routine ${fixed(loaded.routinePerSecond)} matched/s meanwhile`,
      );
      await stopWorkers();
      // Clear the lane for the next topology: withdraw what is still waiting and drop the queued jobs.
      await queryOnce(database.url, `UPDATE referrals SET status = 'withdrawn' WHERE status IN ('submitted', 'shortlisted', 'no_match')`);
      await deleteRedisKeys(services.redisUrl, queuePrefix);

      if (flooder) {
        await startWorkers(topology);
        // The flood runs in a process of its own, at BENCH_FLOOD_NICE: a runaway client is on its
        // council's machines, not the api's, so by default it only gets CPU the platform leaves.
        const floodBodies = Array.from({ length: 256 }, () => referralBody((sequence += 1), 'planned'));
        const flooding = startFlood(
          { url: `${baseUrl}/api/v1/referrals`, token: flooder.token, bodies: floodBodies, clients: settings.floodClients },
          settings.floodNice,
          teardown,
        );
        await sleep(1_000);
        const floodStarted = Date.now();
        const flood = await timeEmergencies(topology, 'flood');
        const seconds = (Date.now() - floodStarted) / 1000;
        const { accepted, refused } = await flooding.stop();
        phases.push(flood);
        log(
          `  flood:  p50 ${fixed(percentile(Float64Array.from(flood.latenciesMs).sort(), 50))} ms, p99 ${fixed(percentile(Float64Array.from(flood.latenciesMs).sort(), 99))} ms; ` +
            `POST to 202 p50 ${fixed(percentile(Float64Array.from(flood.ackMs).sort(), 50))} ms, p99 ${fixed(percentile(Float64Array.from(flood.ackMs).sort(), 99))} ms; ` +
            `${settings.floodClients} clients of Brent sent ${whole(accepted)} routine referrals taken and ${whole(refused)} refused (429), ${fixed((accepted + refused) / seconds)} a second`,
        );
        await stopWorkers();
        await queryOnce(database.url, `UPDATE referrals SET status = 'withdrawn' WHERE status IN ('submitted', 'shortlisted', 'no_match')`);
        await deleteRedisKeys(services.redisUrl, queuePrefix);
      }
    }

    logPhases(phases, settings);
    const unmatched = phases.reduce((sum, phase) => sum + phase.unmatched, 0);
    if (unmatched > 0) {
      log(`FAIL ${unmatched} emergencies were not matched within ${settings.timeout} s`);
      return 1;
    }
    logs.succeeded();
    return 0;
  } finally {
    await teardown.run();
  }
}

runBenchmark('bench:emergency', main);
