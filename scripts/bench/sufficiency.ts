/**
 * `npm run bench:sufficiency`: GET /sufficiency for one alliance over 12 months, read from the
 * rollups, against the same figures computed by plain GROUP BYs over the raw tables, in the same
 * run, over a region-sized history; and the demand forecast backtested against seasonal naive.
 *
 *   1. the build (see bench:intake), a scratch database (migrated, reference data loaded), the api;
 *   2. a history across all 153 LAs, written straight into Postgres: 1,500,000 referrals over the
 *      36 complete months before this one (by LA in proportion to its children looked after, by
 *      month with a trend and a yearly season, by placement type, with noise), each with its child;
 *      1,000,000 of them placed (an accepted offer and a placement, 60% in a setting of the child's
 *      own LA, the rest anywhere), 0-40 days after the referral;
 *   3. the rollups rebuilt from scratch by the worker's code (timed);
 *   4. for the West London alliance (nine LAs) and the last 12 complete months: the plain GROUP BY
 *      (`sufficiencyFromRawTables`, in process, no HTTP) and GET /sufficiency over HTTP (one connection,
 *      sequential), p50 and p99 of each, and the ratio; the two answers must be equal. Then the same
 *      for a period ending today (its last month read raw);
 *   5. the forecast: per placement type, fit on 24 months and forecast the last 12, beside seasonal
 *      naive (mean absolute error, interval coverage);
 *   6. cleans up (also on Ctrl-C, on an error, and at an overall deadline).
 *
 * Exit code 1 when the answers differ or a request fails; 2 when BENCH_ENFORCE_TARGET=1 and the aim
 * (p99 <= 200 ms and >= 10x the plain query at p99) is missed.
 *
 * Environment (all optional): BENCH_REFERRALS (1500000), BENCH_PLACEMENTS (1000000), BENCH_REQUESTS
 * (200 HTTP requests per period), BENCH_RAW_RUNS (15 plain queries per period), BENCH_BUILD,
 * BENCH_DIST, BENCH_KEEP_LOGS, BENCH_ENFORCE_TARGET, BENCH_DATABASE_ADMIN_URL, BENCH_REDIS_URL.
 */
import { randomBytes } from 'node:crypto';
import { addMonths, backtest, NEED_CODES, todayInEngland } from '@app/domain';
import { createDataSource, SufficiencyRepository, SufficiencyRollupRepository } from '@app/persistence';
import { sufficiencyFromRawTables } from '@app/testing';
import { chooseBuild, logHeader } from './support/build';
import { numberFromEnv } from './support/env-settings';
import { callJson, login } from './support/http';
import { scratchInstallation, startBenchApi } from './support/installation';
import { fixed, machineLine, runBenchmark, table, whole } from './support/output';
import { logDirectory } from './support/run-logs';
import { queryOnce } from './support/scratch-database';
import { benchServices, runId } from './support/services';
import { percentile } from './support/statistics';
import { Teardown } from './support/teardown';

const log = (line = '') => process.stdout.write(`${line}\n`);

const settings = {
  referrals: numberFromEnv('BENCH_REFERRALS', 1_500_000, { min: 1_000 }),
  placements: numberFromEnv('BENCH_PLACEMENTS', 1_000_000, { min: 0 }),
  requests: numberFromEnv('BENCH_REQUESTS', 200, { min: 10 }),
  rawRuns: numberFromEnv('BENCH_RAW_RUNS', 15, { min: 3 }),
  enforce: process.env.BENCH_ENFORCE_TARGET === '1',
};

/** The West London Alliance: Barnet, Brent, Ealing, Hammersmith & Fulham, Harrow, Hillingdon, Hounslow, Kensington & Chelsea, Westminster. */
const WEST_LONDON = ['E09000003', 'E09000005', 'E09000009', 'E09000013', 'E09000015', 'E09000017', 'E09000018', 'E09000020', 'E09000033'];
const HISTORY_MONTHS = 36;
/** Placement types and their share of referrals. */
const TYPES: [string, number][] = [
  ['U4', 0.5],
  ['K2', 0.2],
  ['U6', 0.15],
  ['U1', 0.1],
  ['R1', 0.05],
];

const elapsed = (started: number) => `${fixed((performance.now() - started) / 1000, 1)} s`;

async function timed(what: string, run: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await run();
  log(`  ${what.padEnd(58)} ${elapsed(started)}`);
}

/** Latency of `runs` sequential calls, in ms, sorted. */
async function latencies(runs: number, call: () => Promise<unknown>): Promise<Float64Array> {
  const times = new Float64Array(runs);
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await call();
    times[i] = performance.now() - started;
  }
  return times.sort();
}

/** Writes the history with set-based SQL: a generated table of referrals, then the product's tables from it. */
async function generateHistory(url: string, firstMonth: string, userId: string): Promise<void> {
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => queryOnce<T>(url, text, params);
  await timed('provider, two settings of each type per LA, a vacancy each', async () => {
    await sql(`INSERT INTO providers (id, name, sector) VALUES ('00000000-0000-4000-8000-00000000b001', 'Benchmark provider', 'private')`);
    await sql(
      `INSERT INTO settings (provider_id, name, placement_type, ofsted_grade, postcode, postcode_district, local_authority_code, latitude, longitude,
                             registered_places, age_min, age_max, genders, needs_supported, needs_excluded)
       SELECT '00000000-0000-4000-8000-00000000b001', 'Home ' || d.district || ' ' || t.type || ' ' || n, t.type, 'good', d.district || ' 1AA', d.district,
              d.local_authority_code, d.latitude, d.longitude, 4, 0, 17, '{female,male,other}',
              jsonb_build_array(jsonb_build_object('code', ($2::text[])[1 + (n + length(d.district)) % array_length($2::text[], 1)], 'level', 3)), '{}'
         FROM (SELECT DISTINCT ON (local_authority_code) * FROM postcode_districts WHERE local_authority_code IS NOT NULL ORDER BY local_authority_code, district) d
        CROSS JOIN unnest($1::text[]) AS t(type) CROSS JOIN generate_series(1, 2) n`,
      [TYPES.map(([type]) => type), NEED_CODES],
    );
    await sql(
      `INSERT INTO vacancies (setting_id, provider_id, beds, available_from, weekly_cost)
       SELECT id, provider_id, 2, current_date - 30, 5000 FROM settings`,
    );
  });
  await timed(`${whole(settings.referrals)} referrals generated (unlogged scratch table)`, async () => {
    await sql(
      `CREATE UNLOGGED TABLE bench_history AS
       WITH las AS (
              SELECT la.code, d.district, coalesce(la.children_looked_after, 100)::float8 AS weight
                FROM local_authorities la
                JOIN LATERAL (SELECT district FROM postcode_districts WHERE local_authority_code = la.code ORDER BY district LIMIT 1) d ON true),
            months AS (
              SELECT m, ($1::date + make_interval(months => m))::date AS month,
                     (1 + 0.01 * m) * (1 + 0.25 * sin(2 * pi() * (m + 8) / 12.0)) AS weight
                FROM generate_series(0, $2 - 1) m),
            types AS (SELECT * FROM unnest($3::text[], $4::float8[]) AS t(type, share)),
            cells AS (
              SELECT l.code, l.district, mo.month, t.type,
                     greatest(0, round($5 * l.weight / (SELECT sum(weight) FROM las) * mo.weight / (SELECT sum(weight) FROM months) * t.share
                                       * (0.85 + 0.3 * random())))::int AS n
                FROM las l CROSS JOIN months mo CROSS JOIN types t)
       SELECT gen_random_uuid() AS referral_id, gen_random_uuid() AS child_id, gen_random_uuid() AS offer_id, c.code AS la, c.district, c.type,
              (c.month + make_interval(secs => random() * ((c.month + interval '1 month')::date - c.month) * 86400))::timestamp AT TIME ZONE 'Europe/London' AS created_at,
              random() AS r, random() < $6::float8 AS placed
         FROM cells c CROSS JOIN LATERAL generate_series(1, c.n)`,
      [firstMonth, HISTORY_MONTHS, TYPES.map(([type]) => type), TYPES.map(([, share]) => share), settings.referrals, settings.placements / settings.referrals],
    );
  });
  const [{ referrals, placed }] = await sql<{ referrals: number; placed: number }>(
    `SELECT count(*)::int AS referrals, count(*) FILTER (WHERE placed)::int AS placed FROM bench_history`,
  );
  log(`  (generated ${whole(referrals)} referrals, ${whole(placed)} to be placed)`);
  await timed('children', () =>
    sql(
      `INSERT INTO children (id, local_authority_code, local_reference, date_of_birth, gender, home_postcode, home_district, legal_status, category_of_need, needs)
       SELECT child_id, la, 'B' || left(referral_id::text, 8), (created_at - make_interval(days => (r * 1000000)::int % 6500))::date,
              CASE WHEN r < 0.5 THEN 'female' ELSE 'male' END, district || ' 1AA', district, 'C2', 'N1',
              jsonb_build_array(jsonb_build_object('code', ($1::text[])[1 + (r * 7919)::int % array_length($1::text[], 1)], 'level', 2))
         FROM bench_history`,
      [NEED_CODES],
    ),
  );
  await timed('referrals', () =>
    sql(
      `INSERT INTO referrals (id, child_id, local_authority_code, created_by_user_id, idempotency_key, request_hash, urgency, required_by,
                              placement_types, status, created_at, updated_at)
       SELECT referral_id, child_id, la, $1, referral_id::text, repeat('0', 64), 'planned', (created_at AT TIME ZONE 'Europe/London')::date + 28,
              ARRAY[type], CASE WHEN placed THEN 'placed' ELSE 'withdrawn' END, created_at, created_at
         FROM bench_history`,
      [userId],
    ),
  );
  await timed('offers (accepted) and placements', async () => {
    await sql(
      `CREATE UNLOGGED TABLE bench_placed AS
       SELECT h.*, v.id AS vacancy_id, v.setting_id, v.provider_id,
              (h.created_at AT TIME ZONE 'Europe/London')::date + (h.r * 1e6)::int % 41 AS start_date,
              3000 + (h.r * 1e7)::int % 5000 AS weekly_cost
         FROM bench_history h
         JOIN LATERAL (
           SELECT v.id, v.setting_id, v.provider_id FROM vacancies v JOIN settings s ON s.id = v.setting_id
            WHERE s.placement_type = h.type
              AND s.local_authority_code = CASE WHEN (h.r * 1e5)::int % 10 < 6 THEN h.la
                                                ELSE (SELECT code FROM local_authorities ORDER BY code OFFSET (h.r * 1e6)::int % 153 LIMIT 1) END
            ORDER BY v.id LIMIT 1) v ON true
        WHERE h.placed`,
    );
    await sql(
      `INSERT INTO offers (id, referral_id, vacancy_id, provider_id, weekly_cost, status, created_by_user_id, created_at, updated_at)
       SELECT offer_id, referral_id, vacancy_id, provider_id, weekly_cost, 'accepted', $1, created_at, created_at FROM bench_placed`,
      [userId],
    );
    await sql(
      `INSERT INTO placements (referral_id, offer_id, vacancy_id, setting_id, provider_id, local_authority_code, start_date, weekly_cost)
       SELECT referral_id, offer_id, vacancy_id, setting_id, provider_id, la, start_date, weekly_cost FROM bench_placed`,
    );
  });
  await timed('drop scratch tables, VACUUM ANALYZE', async () => {
    await sql(`DROP TABLE bench_history, bench_placed`);
    await sql(`VACUUM ANALYZE`);
  });
}

async function main(): Promise<number> {
  const teardown = new Teardown(log);
  const services = benchServices();
  const id = runId();
  const build = await chooseBuild(log, id, teardown);
  teardown.deadline(45 * 60 * 1000);
  const logs = logDirectory(id, teardown, log);
  try {
    logHeader(log, 'Sufficiency benchmark', build);
    const { database, env, admin } = await scratchInstallation(build, services, id, teardown, log);
    const { baseUrl } = await startBenchApi(build, env, { logDir: logs.dir, teardown, poolSize: 10 });
    const adminToken = await login(baseUrl, admin.email, admin.password);
    const alliance = await callJson(baseUrl, 'POST', '/api/v1/alliances', {
      token: adminToken,
      body: { name: 'West London Alliance', localAuthorityCodes: WEST_LONDON },
      expect: 201,
    });
    const commissioner = { email: `commissioner-${id}@bench.test`, password: randomBytes(18).toString('base64url') };
    const user = await callJson(baseUrl, 'POST', '/api/v1/admin/users', {
      token: adminToken,
      body: { ...commissioner, role: 'commissioner', allianceId: alliance.id },
      expect: 201,
    });
    const token = await login(baseUrl, commissioner.email, commissioner.password);

    const today = todayInEngland();
    const currentMonth = `${today.slice(0, 7)}-01`;
    const firstMonth = addMonths(currentMonth, -HISTORY_MONTHS);
    log();
    log(`History: ${whole(settings.referrals)} referrals and ${whole(settings.placements)} placements, ${firstMonth.slice(0, 7)} to ${addMonths(currentMonth, -1).slice(0, 7)}, 153 LAs`);
    const generating = performance.now();
    await generateHistory(database.url, firstMonth, user.id);
    log(`  history written in ${elapsed(generating)}`);

    const dataSource = createDataSource({ url: database.url, poolSize: 4, applicationName: 'bench-sufficiency' });
    await dataSource.initialize();
    teardown.add('close data source', () => dataSource.destroy());
    const repository = new SufficiencyRepository(dataSource);
    const [{ stale }] = await dataSource.query(`SELECT count(DISTINCT (local_authority_code, month))::int AS stale FROM sufficiency_stale_marks`);
    const rebuilding = performance.now();
    const rebuilt = await new SufficiencyRollupRepository(dataSource).rebuildStaleMonths();
    const [{ rollupRows, needRows }] = await dataSource.query(
      `SELECT (SELECT count(*) FROM sufficiency_rollup)::int AS "rollupRows", (SELECT count(*) FROM sufficiency_need_rollup)::int AS "needRows"`,
    );
    log(
      `Rollups: ${whole(stale)} LA-months marked stale by the writes; rebuilt ${whole(rebuilt.months)} in ${elapsed(rebuilding)} ` +
        `(${whole(rollupRows)} type-and-band rows, ${whole(needRows)} need rows; ${rebuilt.remaining} left)`,
    );
    await dataSource.query(`ANALYZE sufficiency_rollup; ANALYZE sufficiency_need_rollup`);

    const failures: string[] = [];
    const periods = [
      { label: '12 complete months', from: addMonths(currentMonth, -12), to: new Date(Date.parse(currentMonth) - 86_400_000).toISOString().slice(0, 10) },
      { label: '12 months to today', from: new Date(Date.parse(addMonths(currentMonth, -12)) + (Number(today.slice(8)) - 1) * 86_400_000).toISOString().slice(0, 10), to: today },
    ];
    const results: (string | number)[][] = [];
    let headline: { p99: number; ratioP99: number } | undefined;
    for (const period of periods) {
      const query = `?allianceId=${alliance.id}&from=${period.from}&to=${period.to}`;
      const supply = await repository.supplySource(period.from, period.to, today);
      const raw = await sufficiencyFromRawTables(dataSource, alliance.id, period.from, period.to, supply);
      const viaHttp = await callJson(baseUrl, 'GET', `/api/v1/sufficiency${query}`, { token, expect: 200 });
      if (JSON.stringify({ rows: viaHttp.rows, totals: viaHttp.totals }) !== JSON.stringify(raw)) {
        failures.push(`${period.label}: GET /sufficiency differs from the plain GROUP BY`);
      }
      log(`  ${period.label} (${period.from} to ${period.to}): ${raw.rows.length} rows, ${whole(raw.totals.referrals)} referrals, ${whole(raw.totals.placed)} placed`);
      await latencies(2, () => sufficiencyFromRawTables(dataSource, alliance.id, period.from, period.to, supply));
      const rawTimes = await latencies(settings.rawRuns, () => sufficiencyFromRawTables(dataSource, alliance.id, period.from, period.to, supply));
      await latencies(10, () => callJson(baseUrl, 'GET', `/api/v1/sufficiency${query}`, { token, expect: 200 }));
      const httpTimes = await latencies(settings.requests, async () => {
        const response = await fetch(`${baseUrl}/api/v1/sufficiency${query}`, { headers: { Authorization: `Bearer ${token}` } });
        await response.arrayBuffer();
        if (response.status !== 200) failures.push(`${period.label}: GET /sufficiency answered ${response.status}`);
      });
      const rollupTimes = await latencies(settings.rawRuns, () => repository.compute(alliance.id, period.from, period.to, supply));
      const p = (times: Float64Array, q: number) => percentile(times, q);
      results.push(
        [period.label, 'plain GROUP BY (in process)', rawTimes.length, fixed(p(rawTimes, 50)), fixed(p(rawTimes, 99)), '1.0x'],
        [period.label, 'rollups (in process)', rollupTimes.length, fixed(p(rollupTimes, 50)), fixed(p(rollupTimes, 99)), `${fixed(p(rawTimes, 99) / p(rollupTimes, 99))}x`],
        [period.label, 'GET /sufficiency (HTTP)', httpTimes.length, fixed(p(httpTimes, 50)), fixed(p(httpTimes, 99)), `${fixed(p(rawTimes, 99) / p(httpTimes, 99))}x`],
      );
      if (!headline) headline = { p99: p(httpTimes, 99), ratioP99: p(rawTimes, 99) / p(httpTimes, 99) };
    }
    log();
    log('Latency in ms, sequential; ratio = plain GROUP BY p99 / this p99');
    log(table(['period', 'path', 'runs', 'p50', 'p99', 'ratio'], results));

    log();
    log('Forecast backtest: fit on 24 months, forecast the last 12 complete months, per placement type (alliance)');
    const demand = await repository.monthlyDemand(alliance.id, firstMonth, periods[0].to);
    const months = [...new Set(demand.map((row) => row.month))].sort();
    const backtests: (string | number)[][] = [];
    let sumMae = 0;
    let sumNaive = 0;
    for (const [type] of TYPES) {
      const series = months.map((month) => demand.find((row) => row.month === month && row.placementType === type)?.referrals ?? 0);
      const result = backtest(series, 12);
      sumMae += result.mae;
      sumNaive += result.naiveMae;
      backtests.push([
        type,
        fixed(series.reduce((a, b) => a + b, 0) / series.length),
        result.method,
        fixed(result.mae),
        fixed(result.naiveMae),
        result.mape === null ? '-' : `${fixed(result.mape * 100)}%`,
        result.naiveMape === null ? '-' : `${fixed(result.naiveMape * 100)}%`,
        `${fixed(result.coverage * 100, 0)}%`,
      ]);
    }
    log(table(['type', 'mean/month', 'method', 'MAE', 'naive MAE', 'MAPE', 'naive MAPE', '80% interval covered'], backtests));
    log(`all types: MAE ${fixed(sumMae)} against seasonal naive ${fixed(sumNaive)} (${fixed(sumNaive / sumMae, 2)}x lower error)`);
    const forecastTimes = await latencies(20, () => callJson(baseUrl, 'GET', `/api/v1/sufficiency/forecast?allianceId=${alliance.id}`, { token, expect: 200 }));
    log(`GET /sufficiency/forecast (36 months of history, 12 ahead): p50 ${fixed(percentile(forecastTimes, 50))} ms, p99 ${fixed(percentile(forecastTimes, 99))} ms`);
    log(`machine at the end: ${machineLine()}`);

    if (failures.length > 0) {
      for (const failure of failures) log(`FAIL ${failure}`);
      return 1;
    }
    log();
    log(`OK: GET /sufficiency equals the plain GROUP BY; 12 complete months p99 ${fixed(headline!.p99)} ms, ${fixed(headline!.ratioP99)}x the plain query`);
    logs.succeeded();
    if (settings.enforce && (headline!.p99 > 200 || headline!.ratioP99 < 10)) {
      log('target missed: p99 <= 200 ms and >= 10x');
      return 2;
    }
    return 0;
  } finally {
    await teardown.run();
  }
}

runBenchmark('bench:sufficiency', main);
