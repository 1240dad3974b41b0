/**
 * `npm run bench:matching`: how long matching one referral takes against tens and hundreds of
 * thousands of open vacancies spread across England, against a naive baseline measured in the
 * same run, and how many referrals a second one worker process matches end to end through BullMQ,
 * against no-op jobs on the same Redis.
 *
 *   1. a scratch database, migrated and holding the reference data (in this process, no build
 *      needed), and providers: one per distinct owner on Ofsted's register of children's social
 *      care providers;
 *   2. BENCH_REFERRALS referrals (children across England: a home postcode district in an LA
 *      picked by its number of looked-after children, district by live postcodes; ages 8-17;
 *      one or two common placement types; needs from the taxonomy; about half with a maximum
 *      distance) submitted with ReferralRepository.submit; their outbox rows are marked sent, as
 *      this process matches them directly;
 *   3. per size in BENCH_SIZES, smallest first, the data grows to that many open vacancies (two
 *      per setting; settings at real Ofsted locations: children's homes in their LA's districts,
 *      schools, secure homes and family centres at their own postcodes, foster households across
 *      their agency's region; realistic type, age, gender, grade, needs and cost mix), loaded with
 *      INSERT ... SELECT FROM unnest(...) in chunks, then VACUUM ANALYZE; then
 *        - a MatchingService built as the worker's Nest container would build it (its constructor's
 *          dependencies, from their metadata, over this process's DataSource), with its start-up
 *          hooks run and any start-up load (e.g. a vacancy cache) awaited, timed: a worker
 *          starting on this many vacancies;
 *        - the full path, MatchingService.match(referralId, ['submitted', 'shortlisted', 'no_match'])
 *          in this process (claim, candidate search, ranking, nearest exclusions, shortlist write,
 *          one transaction): BENCH_WARMUP warm-up runs, then BENCH_RUNS measured runs, one at a
 *          time, cycling through the referrals;
 *        - the same calls instrumented (MatchingRepository.run wrapped to time the claim, the
 *          compute and the write, and every candidate-source call match() makes timed and its rows
 *          counted), for where the time goes;
 *        - the naive baseline: the same claim and write (MatchingRepository.run), but the candidates
 *          are every open vacancy loaded as a TypeORM entity (loadEveryOpenVacancy) and ranked as
 *          plain objects (rankVacancies, limit 50, exclusionLimit 200). After each naive run the
 *          full path matches the same referral again and the two stored results must be identical;
 *   4. at BENCH_HEADLINE_SIZE (50,000): BENCH_E2E_REFERRALS referrals submitted while no worker
 *      runs, then the built worker (one process, WORKER_CONCURRENCY) started on a fresh queue
 *      prefix: its outbox relay publishes them as match-referral jobs; timed from its start until
 *      every one is shortlisted or no_match (polled every 20 ms). Then BENCH_NOOP_JOBS no-op jobs
 *      (same job options) added with addBulk on another queue under a fresh prefix of the same
 *      Redis and processed by a BullMQ Worker in this process at the same concurrency;
 *   5. tables, the machine line, the aims met or missed; cleans up (drops the database, deletes
 *      the Redis keys, stops the worker) also on Ctrl-C, on an error and at an overall deadline.
 *
 * Aims (from the issue): at 50,000 vacancies full-path p99 <= 10 ms and naive/full >= 10x (p50s);
 * 500,000/50,000 growth <= 3x (p50 and p99); >= 300 referrals/s end to end.
 * Exit code 1 when a check fails (a run errors, naive and full disagree, a referral is not matched
 * end to end); 2 when BENCH_ENFORCE_TARGET=1 and an aim is missed; 0 otherwise.
 *
 * Environment (all optional):
 *   BENCH_SIZES             open-vacancy counts ("5000,50000,500000")
 *   BENCH_RUNS              measured full-path runs per size (400)
 *   BENCH_RUN_BUDGET        seconds per size the measured runs may take: they stop there (after at
 *                           least 10), so a slow build still finishes; warm-up gets a quarter of
 *                           it and the instrumented runs a third (60)
 *   BENCH_WARMUP            warm-up full-path runs per size (50)
 *   BENCH_BREAKDOWN_RUNS    instrumented full-path runs per size (100)
 *   BENCH_REFERRALS         distinct referrals the in-process runs cycle through (200)
 *   BENCH_NAIVE_RUNS        naive runs per size up to 100,000 vacancies (20)
 *   BENCH_NAIVE_RUNS_LARGE  naive runs per size above 100,000 (3; 0 skips them)
 *   BENCH_HEADLINE_SIZE     the size of section 1 and of the end-to-end run (50000)
 *   BENCH_E2E=0             skip the end-to-end run (and the build it needs)
 *   BENCH_E2E_REFERRALS     referrals queued for the worker (2000)
 *   BENCH_NOOP_JOBS         no-op jobs for the baseline (20000)
 *   BENCH_WORKER_CONCURRENCY  the worker's WORKER_CONCURRENCY, and the no-op worker's (4)
 *   BENCH_E2E_TIMEOUT       seconds to wait for every referral to be matched; the rate is then
 *                           reported from those matched so far (120)
 *   BENCH_SEED              seed of the generated data (1)
 *   BENCH_DEADLINE          seconds before everything is stopped and cleaned up (1200)
 *   BENCH_BUILD             1: `npm run build` first; private: build the current sources into a
 *                           temporary directory, leaving dist/ alone
 *   BENCH_DIST              run another build output instead of dist/
 *   BENCH_KEEP_LOGS=1       keep the worker's log (kept anyway on failure)
 *   BENCH_KEEP_DATABASE=1   leave the scratch database (at the largest size) for EXPLAIN; drop it yourself
 *   BENCH_ENFORCE_TARGET=1, BENCH_DATABASE_ADMIN_URL, BENCH_REDIS_URL (loopback only)
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { todayInEngland } from '@app/domain';
import { createDataSource, MatchingRepository, migrateAndLoadReferenceData, ReferralRepository } from '@app/persistence';
import { insertUser } from '@app/testing';
import { chooseBuild, logBuild } from './support/build';
import { fixed, log, machineLine, runBenchmark, whole } from './support/output';
import { deleteRedisKeys } from './support/redis-keys';
import { logDirectory } from './support/run-logs';
import { createScratchDatabase } from './support/scratch-database';
import { benchServices, runId } from './support/services';
import { Teardown } from './support/teardown';
import { commitCost } from './matching/commit-cost';
import { type EndToEnd, runEndToEnd } from './matching/end-to-end';
import { buildModel } from './matching/england-model';
import { timeFullPath } from './matching/full-path';
import type { SettingRef } from './matching/generate-settings';
import { growVacancies, type LoadStep } from './matching/grow-vacancies';
import { type Breakdown, instrumentedMatch, InstrumentedRepository } from './matching/instrumented';
import { type NaiveResult, timeNaive } from './matching/naive';
import { type NoopResult, runNoop } from './matching/noop-jobs';
import { benchReferral, submitReferrals } from './matching/referrals';
import { SETTING_MIX } from './matching/setting-profiles';
import { LARGE, MIN_RUNS, settings } from './matching/settings';
import { reportResults } from './matching/report';
import type { SizeResult } from './matching/size-result';
import { startService } from './matching/start-service';

async function main(): Promise<number> {
  // Classes built here outside Nest (e.g. a vacancy cache) log through Nest's default logger.
  Logger.overrideLogger(['error', 'warn']);
  const teardown = new Teardown(log);
  const services = benchServices();
  const id = runId();
  const sizes = [...new Set(settings.sizes)].sort((a, b) => a - b);
  const e2eAt = settings.e2e && sizes.includes(settings.headlineSize) ? settings.headlineSize : null;
  teardown.deadline(settings.deadline * 1000);
  const logs = logDirectory(id, teardown, log);
  const logDir = logs.dir;
  try {
    log(`Matching benchmark ${new Date().toISOString()}`);
    log(`machine: ${machineLine()}`);
    const build = e2eAt !== null ? await chooseBuild(log, id, teardown) : undefined;
    if (build) logBuild(log, build, 'build (worker, end to end)');

    // ---- database, reference data, providers, referrals
    const database = await createScratchDatabase(services.adminUrl, `pm_bench_${id}`);
    teardown.add(`drop database ${database.name}`, async () => {
      if (process.env.BENCH_KEEP_DATABASE === '1') log(`database ${database.name} kept (BENCH_KEEP_DATABASE=1): ${database.url}`);
      else await database.drop();
    });
    const queuePrefix = `bench-${id}`;
    teardown.add(`delete Redis keys ${queuePrefix}*`, async () => {
      const deleted = await deleteRedisKeys(services.redisUrl, queuePrefix);
      log(`cleanup: deleted ${deleted} Redis keys under ${queuePrefix}`);
    });
    const dataSource = createDataSource({ url: database.url, poolSize: 4, applicationName: 'bench-matching' });
    await dataSource.initialize();
    teardown.add('close the data source', () => dataSource.destroy());
    const report = await migrateAndLoadReferenceData(dataSource);
    const db = new Client({ connectionString: database.url, application_name: 'bench-load' });
    await db.connect();
    teardown.add('close the loading connection', () => db.end());
    const [pg] = (await db.query<{ version: string; jit: string }>(`SELECT split_part(version(), ' ', 2) AS version, current_setting('jit') AS jit`)).rows;
    log(
      `database: ${database.name} (Postgres ${pg.version}, jit ${pg.jit}); ${report.applied.length} migrations, ` +
        `${report.localAuthorities} LAs, ${report.postcodeDistricts} postcode districts`,
    );

    const commit = await commitCost(db);
    log(
      `a durable commit on this Postgres (one-row INSERT, BEGIN..COMMIT, 50 times): p50 ${fixed(commit.p50, 2)} ms, ` +
        `p99 ${fixed(commit.p99, 2)} ms (synchronous_commit ${commit.synchronousCommit}); every match commits once`,
    );
    const model = buildModel();
    const districtLa = new Map(
      (await db.query<{ district: string; la: string }>(`SELECT district, local_authority_code AS la FROM postcode_districts WHERE local_authority_code IS NOT NULL`)).rows.map(
        (row) => [row.district, row.la],
      ),
    );
    await db.query(
      `INSERT INTO providers (id, name, sector, ofsted_urn) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
      [model.providers.map((p) => p.id), model.providers.map((p) => p.name), model.providers.map((p) => p.sector), model.providers.map((p) => p.urn)],
    );
    log(
      `model: ${whole(model.registrations)} active Ofsted registrations (${model.homes.length} children's homes, ` +
        `${model.agencies.length} fostering agencies, ${model.schools.length} residential special schools, ` +
        `${model.secure.length} secure homes, ${model.familyCentres.length} family centres) of ${whole(model.providers.length)} providers; ` +
        `${model.districtCount} English postcode districts in ${model.laCount} LAs`,
    );
    const shares = SETTING_MIX.reduce((sum, [, share]) => sum + share, 0);
    log(
      `settings by type: ${SETTING_MIX.map(([type, share]) => `${type} ${fixed((100 * share) / shares, 0)}%`).join(', ')}; ` +
        'two open vacancies per setting',
    );

    const today = todayInEngland();
    const user = await insertUser(dataSource, { email: `bench-${id}@bench.test` });
    const referralRepository = new ReferralRepository(dataSource);
    const referralIds = await submitReferrals(
      referralRepository,
      Array.from({ length: settings.referrals }, (_, k) => benchReferral(model, k, `bench-${id}`, user.id, today)),
    );
    // Matched directly here, not through the queue: the worker started later must not see them.
    await db.query(`UPDATE outbox SET sent_at = now() WHERE sent_at IS NULL`);
    const [mix] = (
      await db.query(
        `SELECT count(*) FILTER (WHERE r.max_distance_miles IS NULL)::int AS "noMax",
                count(*) FILTER (WHERE r.urgency = 'emergency')::int AS emergency,
                count(DISTINCT r.local_authority_code)::int AS las, count(DISTINCT c.home_district)::int AS districts,
                count(*) FILTER (WHERE cardinality(r.placement_types) = 2)::int AS "twoTypes"
           FROM referrals r JOIN children c ON c.id = r.child_id`,
      )
    ).rows;
    log(
      `referrals: ${settings.referrals} children in ${mix.las} LAs / ${mix.districts} districts; ${mix.noMax} with no maximum ` +
        `distance, ${mix.emergency} emergencies, ${mix.twoTypes} accepting two placement types`,
    );
    log(
      `runs per size: full path ${settings.warmup} warm-up + ${settings.runs} measured, ${settings.breakdownRuns} instrumented; ` +
        `naive ${settings.naiveRuns} (${settings.naiveRunsLarge} above ${whole(LARGE)} vacancies); one at a time, in this process`,
    );
    log();

    const matchingRepository = new InstrumentedRepository(dataSource);
    const refs: SettingRef[] = [];
    const loads: LoadStep[] = [];
    const results: SizeResult[] = [];
    const failures: string[] = [];
    let e2e: EndToEnd | undefined;
    let noop: NoopResult | undefined;
    let loaded = 0;
    let offset = 0;

    for (const size of sizes) {
      if (teardown.stopping) return new Promise<number>(() => undefined);
      const step = await growVacancies(db, model, refs, districtLa, loaded, size, today);
      loaded = size;
      loads.push(step);
      log(
        `${whole(size)} open vacancies: +${whole(step.vacancies)} vacancies, +${whole(step.settings)} settings in ` +
          `${fixed(step.insertSeconds)} s, VACUUM ANALYZE ${fixed(step.vacuumSeconds)} s`,
      );

      // A worker starting on this many vacancies: whatever it loads at start-up, it loads now.
      const startupStarted = performance.now();
      const { service, parts } = await startService(
        new Map<unknown, object>([
          [DataSource, dataSource],
          [MatchingRepository, matchingRepository],
          [InstrumentedRepository, matchingRepository],
        ]),
      );
      const startupSeconds = (performance.now() - startupStarted) / 1000;
      log(`  service:    ${parts.join(' + ')}, started (hooks and start-up loads) in ${fixed(startupSeconds, 2)} s`);

      const budget = settings.runBudget * 1000;
      const warm = await timeFullPath(service, referralIds, settings.warmup, offset, database.name, teardown, budget / 4);
      offset += warm.ms.n;
      const full = await timeFullPath(service, referralIds, settings.runs, offset, database.name, teardown, budget);
      offset += full.ms.n;
      const cut = full.ms.n < settings.runs ? ` (of ${settings.runs}: stopped at the ${settings.runBudget} s budget)` : '';
      log(`  full path:  p50 ${fixed(full.ms.p50, 2)} ms, p99 ${fixed(full.ms.p99, 2)} ms (${full.ms.n} runs${cut})`);

      const breakdown: Breakdown[] = [];
      const breakdownUntil = performance.now() + budget / 3;
      for (let i = 0; i < settings.breakdownRuns && !teardown.stopping; i += 1) {
        if (i >= MIN_RUNS && performance.now() > breakdownUntil) break;
        breakdown.push(await instrumentedMatch(matchingRepository, service, referralIds[(offset + i) % referralIds.length]));
      }
      offset += settings.breakdownRuns;

      const naiveRuns = size > LARGE ? settings.naiveRunsLarge : settings.naiveRuns;
      let naive: NaiveResult | null = null;
      if (naiveRuns > 0) {
        naive = await timeNaive(matchingRepository, service, dataSource, db, referralIds, naiveRuns, teardown);
        log(
          `  naive:      p50 ${fixed(naive.total.p50, 1)} ms, p99 ${fixed(naive.total.p99, 1)} ms (${naive.total.n} runs); ` +
            `results identical to the full path's: ${naive.compared - naive.mismatches.length}/${naive.compared}`,
        );
        if (naive.mismatches.length > 0) {
          failures.push(`${naive.mismatches.length} naive/full result mismatch(es) at ${whole(size)} vacancies`);
          for (const mismatch of naive.mismatches.slice(0, 3)) log(`    MISMATCH ${mismatch}`);
        }
      }
      results.push({ size, startupSeconds, full, breakdown, naive });

      if (size === e2eAt && build) {
        const e2eIds = await submitReferrals(
          referralRepository,
          Array.from({ length: settings.e2eReferrals }, (_, k) => benchReferral(model, 1_000_000 + k, `e2e-${id}`, user.id, today)),
        );
        log(`  end to end: ${whole(e2eIds.length)} referrals submitted (outbox rows unsent); starting one worker`);
        const env = {
          NODE_ENV: 'production',
          DATABASE_URL: database.url,
          REDIS_URL: services.redisUrl,
          JWT_SECRET: randomBytes(48).toString('base64url'),
          QUEUE_PREFIX: queuePrefix,
          LOG_LEVEL: 'warn',
          WORKER_CONCURRENCY: String(settings.concurrency),
        };
        e2e = await runEndToEnd(build, env, database.url, database.name, e2eIds, logDir, teardown);
        log(
          `  end to end: ${whole(e2e.matched)} of ${whole(e2e.referrals)} matched in ${fixed(e2e.totalSeconds, 2)} s from the worker's start` +
            `${e2e.complete ? '' : ` (stopped at BENCH_E2E_TIMEOUT ${settings.e2eTimeout} s)`}; ${whole(e2e.ratePerSecond)}/s after the first`,
        );
        if (e2e.failed > 0) failures.push(`${e2e.failed} referral(s) ended match_failed end to end`);
        const [{ unsent }] = (await db.query<{ unsent: number }>(`SELECT count(*)::int AS unsent FROM outbox WHERE sent_at IS NULL`)).rows;
        if (unsent > 0 && e2e.complete) failures.push(`${unsent} outbox row(s) unsent after the end-to-end run`);
        noop = await runNoop(services.redisUrl, `${queuePrefix}-noop`, teardown);
        log(`  no-op jobs: ${whole(noop.jobs)} in ${fixed(noop.processSeconds, 2)} s, ${whole(noop.ratePerSecond)}/s`);
      }
    }
    log();

    const aims = reportResults(sizes, results, loads, e2e, noop);
    if (failures.length > 0) {
      log(`FAILED: ${failures.join('; ')}`);
      return 1;
    }
    log(
      'CHECKS PASSED: every run matched its referral' +
        (results.some((r) => r.naive) ? '; the naive and full paths stored identical shortlists and exclusions' : '') +
        (e2e?.complete ? '; every queued referral was matched end to end' : ''),
    );
    logs.succeeded();
    return process.env.BENCH_ENFORCE_TARGET === '1' && aims.some((aim) => aim.met === false) ? 2 : 0;
  } finally {
    await teardown.run();
  }
}

runBenchmark('bench:matching', main);
