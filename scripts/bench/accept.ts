/**
 * `npm run bench:accept`: acceptances racing for beds, and proof that nothing is double-booked.
 *
 * Each round sets up 50 open vacancies of 2 beds (100 beds) and 200 shortlisted referrals, each
 * with one open offer of one of those vacancies: four offers per vacancy, so every acceptance races
 * three others for two beds. Four concurrent clients then accept all 200 offers, taking them in
 * vacancy order so that the four are always fighting over the same vacancy. Three variants, each on
 * fresh rows of the same shape:
 *
 *   http        the product: POST /api/v1/offers/:id/accept on the built api (child process), as a
 *               placement officer, through keep-alive HTTP;
 *   guarded     PlacementRepository.accept called in this process on a pool of 4 connections: the
 *               same transaction without HTTP, the like-for-like baseline for the next;
 *   unguarded   a deliberately wrong read-then-write acceptance in this process: read the vacancy's
 *               beds with a plain SELECT, and if one is left write `beds = <read> - 1` and create the
 *               placement. Nothing stops two transactions reading the same last bed.
 *
 * After each variant Postgres is asked how many placements each vacancy got against the beds it
 * had: every placement beyond the beds is a double booking. The guarded variants must show 0 and
 * exactly 100 placements; the unguarded one shows that the counter does catch double bookings.
 *
 * Exit code 1 when a guarded variant double-books, places other than 100, or answers anything
 * but 201/409; 0 otherwise.
 *
 * Environment (all optional): BENCH_ROUNDS (3), BENCH_BUILD / BENCH_DIST (see support/build.ts),
 * BENCH_KEEP_LOGS=1, BENCH_DATABASE_ADMIN_URL, BENCH_REDIS_URL.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { todayInEngland } from '@app/domain';
import { createDataSource, PlacementRepository } from '@app/persistence';
import { chooseBuild, logHeader } from './support/build';
import { numberFromEnv } from './support/env-settings';
import { createOfficer, scratchInstallation, startBenchApi } from './support/installation';
import { fixed, machineLine, runBenchmark, table, whole } from './support/output';
import { logDirectory } from './support/run-logs';
import { benchServices, runId } from './support/services';
import { percentile } from './support/statistics';
import { Teardown } from './support/teardown';

const EALING = 'E09000009';
const VACANCIES = 50;
const BEDS = 2;
const ACCEPTANCES = 200;
const CLIENTS = 4;

const settings = { rounds: numberFromEnv('BENCH_ROUNDS', 3, { min: 1, max: 50 }) };
const log = (line = '') => process.stdout.write(`${line}\n`);

type Variant = 'http' | 'guarded' | 'unguarded';
const VARIANTS: Variant[] = ['http', 'guarded', 'unguarded'];

interface Round {
  /** Offer ids in vacancy order: four consecutive offers share a vacancy. */
  offerIds: string[];
  vacancyIds: string[];
}

interface Tally {
  requests: number;
  statuses: Record<string, number>;
  latenciesMs: number[];
  elapsedMs: number;
  placements: number;
  doubleBookings: number;
  vacanciesOverBooked: number;
}

const emptyTally = (): Tally => ({
  requests: 0,
  statuses: {},
  latenciesMs: [],
  elapsedMs: 0,
  placements: 0,
  doubleBookings: 0,
  vacanciesOverBooked: 0,
});

/** Rows for one round: a provider's 50 vacancies, 200 shortlisted referrals of Ealing, one open offer each. */
async function seedRound(dataSource: DataSource, officerId: string, tag: string): Promise<Round> {
  return dataSource.transaction(async (manager) => {
    const [provider] = await manager.query(`INSERT INTO providers (name, sector) VALUES ($1, 'private') RETURNING id`, [
      `Bench Provider ${tag}`,
    ]);
    const [providerUser] = await manager.query(
      `INSERT INTO users (email, password_hash, role, provider_id) VALUES ($1, 'not-a-password-hash', 'provider_user', $2) RETURNING id`,
      [`provider-${tag}@bench.test`, provider.id],
    );
    const [place] = await manager.query(
      `SELECT latitude, longitude, local_authority_code AS la FROM postcode_districts WHERE district = 'W5'`,
    );
    const [setting] = await manager.query(
      `INSERT INTO settings (provider_id, name, placement_type, ofsted_grade, postcode, postcode_district, local_authority_code,
                             latitude, longitude, registered_places, age_min, age_max, genders, needs_supported, needs_excluded)
       VALUES ($1, $2, 'K2', 'good', 'W5 1AA', 'W5', $3, $4, $5, 6, 8, 17, '{female,male,other}', '[]', '{}') RETURNING id`,
      [provider.id, `Bench Home ${tag}`, place.la, place.latitude, place.longitude],
    );
    const vacancies: { id: string }[] = await manager.query(
      `INSERT INTO vacancies (setting_id, provider_id, beds, available_from, weekly_cost, emergency_ready, status)
       SELECT $1, $2, $3, (now() AT TIME ZONE 'Europe/London')::date, 5000, false, 'open' FROM generate_series(1, $4)
       RETURNING id`,
      [setting.id, provider.id, BEDS, VACANCIES],
    );
    const vacancyIds = vacancies.map((vacancy) => vacancy.id).sort();
    const perVacancy = ACCEPTANCES / VACANCIES;
    const offers: { id: string; vacancyId: string }[] = await manager.query(
      `WITH slots AS (
         SELECT n, ($4::uuid[])[(n - 1) / $5 + 1] AS vacancy_id FROM generate_series(1, $6) AS n),
       kids AS (
         INSERT INTO children (local_authority_code, local_reference, date_of_birth, gender, home_postcode, home_district,
                               legal_status, category_of_need, needs)
         SELECT $1, 'BENCH-' || $7 || '-' || n, (now() - interval '12 years')::date, 'female', 'UB1 1AA', 'UB1', 'C2', 'N1', '[]'
           FROM slots RETURNING id, local_reference),
       refs AS (
         INSERT INTO referrals (child_id, local_authority_code, created_by_user_id, idempotency_key, request_hash, urgency,
                                required_by, placement_types, status, shortlisted_at)
         SELECT k.id, $1, $2, k.local_reference, repeat('0', 64), 'planned', (now() + interval '14 days')::date, '{K2}',
                'shortlisted', now()
           FROM kids k RETURNING id, idempotency_key)
       INSERT INTO offers (referral_id, vacancy_id, provider_id, created_by_user_id, weekly_cost)
       SELECT r.id, s.vacancy_id, $3, $8, 5000
         FROM refs r JOIN slots s ON r.idempotency_key = 'BENCH-' || $7 || '-' || s.n
       RETURNING id, vacancy_id AS "vacancyId"`,
      [EALING, officerId, provider.id, vacancyIds, perVacancy, ACCEPTANCES, tag, providerUser.id],
    );
    const order = new Map(vacancyIds.map((id, index) => [id, index]));
    const offerIds = offers
      .sort((a, b) => order.get(a.vacancyId)! - order.get(b.vacancyId)! || a.id.localeCompare(b.id))
      .map((offer) => offer.id);
    return { offerIds, vacancyIds };
  });
}

/**
 * The deliberately unguarded acceptance: a read, a decision in the application, then writes that
 * trust the read. Under READ COMMITTED two transactions can both read the last bed.
 */
async function unguardedAccept(dataSource: DataSource, offerId: string): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const [offer] = await manager.query(
      `SELECT o.referral_id AS "referralId", o.vacancy_id AS "vacancyId", o.provider_id AS "providerId", o.weekly_cost AS "weeklyCost",
              r.local_authority_code AS la
         FROM offers o JOIN referrals r ON r.id = o.referral_id WHERE o.id = $1 AND o.status = 'open' AND r.status = 'shortlisted'`,
      [offerId],
    );
    if (!offer) return 409;
    const [vacancy] = await manager.query(`SELECT beds, status, setting_id AS "settingId" FROM vacancies WHERE id = $1`, [
      offer.vacancyId,
    ]);
    if (vacancy.beds <= 0 || vacancy.status !== 'open') return 409;
    await manager.query(
      `UPDATE vacancies SET beds = $2, status = CASE WHEN $2 = 0 THEN 'filled' ELSE status END, version = version + 1 WHERE id = $1`,
      [offer.vacancyId, vacancy.beds - 1],
    );
    await manager.query(`UPDATE offers SET status = 'accepted' WHERE id = $1`, [offerId]);
    const [placement] = await manager.query(
      `INSERT INTO placements (referral_id, offer_id, vacancy_id, setting_id, provider_id, local_authority_code, start_date, weekly_cost)
       VALUES ($1, $2, $3, $4, $5, $6, (now() AT TIME ZONE 'Europe/London')::date, $7) RETURNING id`,
      [offer.referralId, offerId, offer.vacancyId, vacancy.settingId, offer.providerId, offer.la, offer.weeklyCost],
    );
    await manager.query(`UPDATE referrals SET status = 'placed', placement_id = $2 WHERE id = $1`, [offer.referralId, placement.id]);
    return 201;
  });
}

/** Four clients take the offers in order, each accepting the next one not yet taken. */
async function race(offerIds: string[], accept: (offerId: string) => Promise<number>, tally: Tally): Promise<void> {
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < offerIds.length) {
      const offerId = offerIds[next];
      next += 1;
      const begun = performance.now();
      let status: string;
      try {
        status = String(await accept(offerId));
      } catch (error) {
        status = `error: ${error instanceof Error ? error.message.slice(0, 80) : String(error)}`;
      }
      tally.latenciesMs.push(performance.now() - begun);
      tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
      tally.requests += 1;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  tally.elapsedMs += performance.now() - started;
}

/** Placements per vacancy against the beds it had: each one beyond is a double booking. */
async function countBookings(dataSource: DataSource, round: Round, tally: Tally): Promise<void> {
  const [row] = await dataSource.query(
    `SELECT coalesce(sum(placed), 0)::int AS placements,
            coalesce(sum(greatest(placed - $2, 0)), 0)::int AS "doubleBookings",
            count(*) FILTER (WHERE placed > $2)::int AS "overBooked"
       FROM (SELECT v.id, count(p.id)::int AS placed FROM vacancies v LEFT JOIN placements p ON p.vacancy_id = v.id AND p.ended_on IS NULL
              WHERE v.id = ANY($1::uuid[]) GROUP BY v.id) per_vacancy`,
    [round.vacancyIds, BEDS],
  );
  tally.placements += row.placements;
  tally.doubleBookings += row.doubleBookings;
  tally.vacanciesOverBooked += row.overBooked;
}

async function main(): Promise<number> {
  const teardown = new Teardown(log);
  const services = benchServices();
  const id = runId();
  const build = await chooseBuild(log, id, teardown);
  teardown.deadline((180 + settings.rounds * 60) * 1000);
  const logs = logDirectory(id, teardown, log);
  const logDir = logs.dir;
  try {
    logHeader(log, 'Acceptance benchmark', build);
    const { database, env, admin } = await scratchInstallation(build, services, id, teardown, log);
    const { baseUrl } = await startBenchApi(build, env, { logDir, teardown, poolSize: 10 });
    const officer = await createOfficer(baseUrl, admin, id, EALING);
    const token = officer.token;

    const dataSource = createDataSource({ url: database.url, poolSize: CLIENTS, applicationName: 'bench-accept' });
    await dataSource.initialize();
    teardown.add('close data source', () => dataSource.destroy());
    const placements = new PlacementRepository(dataSource);
    const today = todayInEngland();

    const accepters: Record<Variant, (offerId: string) => Promise<number>> = {
      http: async (offerId) => {
        const response = await fetch(`${baseUrl}/api/v1/offers/${offerId}/accept`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
        });
        await response.arrayBuffer();
        return response.status;
      },
      guarded: async (offerId) => {
        const result = await placements.accept(offerId, { localAuthorityCode: EALING, userId: officer.userId }, today);
        return result.outcome === 'placed' ? 201 : result.outcome === 'not_found' ? 404 : 409;
      },
      unguarded: (offerId) => unguardedAccept(dataSource, offerId),
    };

    log(
      `each round and variant: ${VACANCIES} vacancies x ${BEDS} beds, ${ACCEPTANCES} offers (${ACCEPTANCES / VACANCIES} per vacancy), ` +
        `${CLIENTS} concurrent clients; ${settings.rounds} round(s); the api runs without a worker (vacancy changes wait in the outbox)`,
    );
    // A warm-up round for each variant, not counted: connections, JIT, plans.
    for (const variant of VARIANTS) {
      const round = await seedRound(dataSource, officer.userId, `warm-${variant}-${randomUUID().slice(0, 8)}`);
      await race(round.offerIds, accepters[variant], emptyTally());
    }
    const tallies: Record<Variant, Tally> = { http: emptyTally(), guarded: emptyTally(), unguarded: emptyTally() };
    for (let n = 1; n <= settings.rounds; n += 1) {
      for (const variant of VARIANTS) {
        const round = await seedRound(dataSource, officer.userId, `${n}-${variant}-${randomUUID().slice(0, 8)}`);
        const tally = tallies[variant];
        const before = tally.doubleBookings;
        await race(round.offerIds, accepters[variant], tally);
        await countBookings(dataSource, round, tally);
        log(`  round ${n} ${variant.padEnd(9)} double bookings ${tally.doubleBookings - before}`);
      }
    }

    log();
    log(`Results over ${settings.rounds} round(s) (latency per acceptance in ms; req/s counts 201s and 409s alike)`);
    const sorted = (tally: Tally) => Float64Array.from(tally.latenciesMs).sort();
    log(
      table(
        ['variant', 'requests', '201', '409', 'other', 'placed', 'acceptances/s', 'req/s', 'p50', 'p99', 'double bookings', 'vacancies over-booked'],
        VARIANTS.map((variant) => {
          const tally = tallies[variant];
          const other = tally.requests - (tally.statuses['201'] ?? 0) - (tally.statuses['409'] ?? 0);
          return [
            variant,
            whole(tally.requests),
            whole(tally.statuses['201'] ?? 0),
            whole(tally.statuses['409'] ?? 0),
            whole(other),
            whole(tally.placements),
            fixed(((tally.statuses['201'] ?? 0) * 1000) / tally.elapsedMs),
            fixed((tally.requests * 1000) / tally.elapsedMs),
            fixed(percentile(sorted(tally), 50), 2),
            fixed(percentile(sorted(tally), 99), 2),
            whole(tally.doubleBookings),
            whole(tally.vacanciesOverBooked),
          ];
        }),
      ),
    );
    const rate = (variant: Variant) => tallies[variant].requests / tallies[variant].elapsedMs;
    log();
    log(`guarded / unguarded (same transaction shape, in process): ${fixed(rate('guarded') / rate('unguarded'), 2)}x the requests per second`);
    log(`http / guarded (what HTTP, auth and validation add):        ${fixed(rate('http') / rate('guarded'), 2)}x the requests per second`);

    const failures: string[] = [];
    const expectedPlacements = settings.rounds * VACANCIES * BEDS;
    for (const variant of ['http', 'guarded'] as const) {
      const tally = tallies[variant];
      if (tally.doubleBookings > 0) failures.push(`${variant}: ${tally.doubleBookings} double booking(s)`);
      if (tally.placements !== expectedPlacements) failures.push(`${variant}: ${tally.placements} placements, expected ${expectedPlacements}`);
      const other = Object.entries(tally.statuses).filter(([status]) => status !== '201' && status !== '409');
      if (other.length > 0) failures.push(`${variant}: answers other than 201/409: ${JSON.stringify(Object.fromEntries(other))}`);
    }
    if (tallies.unguarded.doubleBookings === 0) {
      log('note: the unguarded variant happened not to double-book this run; its race is real but not certain every time');
    } else {
      log(`the counter caught ${tallies.unguarded.doubleBookings} double booking(s) in the unguarded variant, as it should`);
    }
    log(`machine at the end: ${machineLine()}`);
    if (failures.length > 0) {
      log();
      for (const failure of failures) log(`FAIL ${failure}`);
      return 1;
    }
    log('OK: every guarded acceptance placed a child in a bed that existed, exactly once');
    logs.succeeded();
    return 0;
  } finally {
    await teardown.run();
  }
}

runBenchmark('bench:accept', main);
