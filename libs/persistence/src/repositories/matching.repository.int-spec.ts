import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DEFAULT_WEIGHTS, MatchVacancy, MIN_STABILITY_EVIDENCE, rankVacancies, VacancyIndex } from '@app/domain';
import { buildReferral, insertProvider, insertSetting, insertUser, insertVacancy, openTestDatabase, OpenTestDatabase } from '@app/testing';
import type { CandidateSource } from './candidate-source';
import { ClaimedReferral, MatchingRepository } from './matching.repository';
import { VacancyFeedRepository } from './vacancy-feed.repository';
import { ReferralRepository } from './referral.repository';

const EALING = 'E09000009';

/** A placement's history, in days relative to today in England. */
interface History {
  startedDaysAgo: number;
  ended?: { afterDays: number; planned: boolean };
}

const running = (startedDaysAgo: number, times = 1): History[] => Array.from({ length: times }, () => ({ startedDaysAgo }));

/**
 * Providers' placement stability as matching reads it with their vacancies: over placements whose
 * first-year outcome is known, and only with enough of them. Every figure worked out by hand.
 */
describe('MatchingRepository: provider stability', () => {
  let database: OpenTestDatabase;
  let db: DataSource;
  let repository: MatchingRepository;
  let feed: VacancyFeedRepository;
  let officerId: string;
  let providerUserId: string;
  const steady = { id: '', vacancyId: '' };
  const shaky = { id: '', vacancyId: '' };
  const newcomer = { id: '', vacancyId: '' };
  const unplaced = { id: '', vacancyId: '' };

  /** One placement with its own child, referral and offer, dated from today in England. */
  async function place(provider: typeof steady, settingId: string, history: History): Promise<void> {
    await db.query(
      `WITH today AS (SELECT (now() AT TIME ZONE 'Europe/London')::date AS d),
            c AS (
              INSERT INTO children (local_authority_code, local_reference, date_of_birth, gender, home_postcode, home_district, legal_status, category_of_need, needs)
              VALUES ($1, $2, '2012-01-01', 'female', 'UB1 1AA', 'UB1', 'C2', 'N1', '[]') RETURNING id),
            r AS (
              INSERT INTO referrals (child_id, local_authority_code, created_by_user_id, idempotency_key, request_hash, urgency, required_by, placement_types)
              SELECT c.id, $1, $3, $2, repeat('0', 64), 'planned', today.d - $8::int, '{K2}' FROM c, today RETURNING id),
            o AS (
              INSERT INTO offers (referral_id, vacancy_id, provider_id, created_by_user_id, weekly_cost)
              SELECT r.id, $5, $6, $4, 5000 FROM r RETURNING id, referral_id)
       INSERT INTO placements (referral_id, offer_id, vacancy_id, setting_id, provider_id, local_authority_code, start_date, weekly_cost,
                               ended_on, planned_ending, end_reason)
       SELECT o.referral_id, o.id, $5, $7, $6, $1, today.d - $8::int, 5000,
              today.d - $8::int + $9::int, $10::boolean, CASE WHEN $9::int IS NOT NULL THEN 'CREQB' END
         FROM o, today`,
      [
        EALING,
        randomUUID(),
        officerId,
        providerUserId,
        provider.vacancyId,
        provider.id,
        settingId,
        history.startedDaysAgo,
        history.ended?.afterDays ?? null,
        history.ended?.planned ?? null,
      ],
    );
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.dataSource;
    repository = new MatchingRepository(db);
    feed = new VacancyFeedRepository(db);
    officerId = (await insertUser(db)).id;
    providerUserId = (await insertUser(db, { role: 'provider_user' })).id;
    // The four vacancies' change numbers then run 8 to 11: as text, 10 and 11 would sort before 8.
    await db.query(`SELECT setval('vacancy_change_seq', 7)`);
    const histories = new Map<typeof steady, History[]>([
      // 7 known, 1 broke down within its first year: 6/7. Were the 4 running less than a year
      // counted, it would be 10/11; the one started exactly 365 days ago counts.
      [
        steady,
        [
          ...running(730, 3),
          ...running(365),
          { startedDaysAgo: 730, ended: { afterDays: 400, planned: false } }, // broke down after its first year
          { startedDaysAgo: 730, ended: { afterDays: 100, planned: false } }, // broke down within it
          { startedDaysAgo: 100, ended: { afterDays: 60, planned: true } }, // ended as planned: known, stable
          ...running(364),
          ...running(30, 3),
        ],
      ],
      // Exactly the minimum known, 3 breaking down within the first year: 2/5.
      [
        shaky,
        [
          ...running(500, 2),
          { startedDaysAgo: 900, ended: { afterDays: 10, planned: false } },
          { startedDaysAgo: 400, ended: { afterDays: 364, planned: false } },
          { startedDaysAgo: 50, ended: { afterDays: 20, planned: false } },
        ],
      ],
      // Nine placements, but only four known (all stable): too little evidence.
      [newcomer, [...running(400, 4), ...running(200, 5)]],
      [unplaced, []],
    ]);
    for (const [provider, history] of histories) {
      provider.id = (await insertProvider(db)).id;
      // Identical settings and vacancies in Ealing: only the providers' records tell them apart.
      const setting = await insertSetting(db, provider.id, { ofstedGrade: 'good' });
      provider.vacancyId = (await insertVacancy(db, setting, { weeklyCost: 5_000 })).id;
      for (const placement of history) await place(provider, setting.id, placement);
    }
  });

  afterAll(async () => {
    await database?.close();
  });

  const EXPECTED = () =>
    new Map([
      [steady.vacancyId, 0.8571],
      [shaky.vacancyId, 0.4],
      [newcomer.vacancyId, null],
      [unplaced.vacancyId, null],
    ]);

  const stabilityById = (vacancies: MatchVacancy[]) => new Map(vacancies.map((v) => [v.id, v.providerStability]));

  /** Claims a fresh referral for a ten-year-old in Ealing and hands `read` its candidate source. */
  async function withSource<T>(read: (claimed: ClaimedReferral, source: CandidateSource) => Promise<T>): Promise<T> {
    const intake = await new ReferralRepository(db).submit(buildReferral(officerId));
    if (intake.outcome === 'key_reused') throw new Error('idempotency key reused');
    let result: T | undefined;
    await repository.run(intake.referral.id, ['submitted'], async (claimed, source) => {
      result = await read(claimed, source);
      return { matches: [], exclusions: [] };
    });
    return result!;
  }

  it('needs at least five placements of known outcome', () => {
    expect(MIN_STABILITY_EVIDENCE).toBe(5);
  });

  it('loads each vacancy with its provider stability: known placements only, null below the minimum', async () => {
    const loaded: MatchVacancy[] = [];
    await feed.loadOpenVacancies(2, (batch) => loaded.push(...batch));
    expect(stabilityById(loaded)).toEqual(EXPECTED());
  });

  it('reads the same stability with candidates, the nearest vacancies and changes', async () => {
    const read = await withSource(async (_claimed, source) => ({
      candidates: await source.candidates(null),
      nearest: (await source.nearest(10)).vacancies,
      changes: (await source.changesSince('0')).vacancies.map((c) => c.vacancy),
    }));
    expect(stabilityById(read.candidates)).toEqual(EXPECTED());
    expect(stabilityById(read.nearest)).toEqual(EXPECTED());
    expect(stabilityById(read.changes)).toEqual(EXPECTED());
  });

  it('lists changes oldest first by change number, nearest vacancies nearest first', async () => {
    const read = await withSource(async (claimed, source) => ({
      changes: await source.changesSince('0'),
      nearest: (await source.nearest(10)).vacancies,
      home: claimed.referral.child.home,
    }));
    const seqs = read.changes.vacancies.map((c) => BigInt(c.changeSeq));
    expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(seqs).toEqual([8n, 9n, 10n, 11n]);
    // The horizon is a transaction id, whatever the change numbers reached.
    expect(read.changes.cursor).toMatch(/^[1-9][0-9]*$/);
    expect(read.nearest).toHaveLength(4);
  });

  it("scores a stable provider's vacancy above an otherwise identical unstable one's", async () => {
    // Quality, of 20: a Good grade (0.8) alone gives 16; blended 60/40 with stability,
    // 0.6 x 0.8 + 0.4 x 0.8571 = 0.82284 gives 16.45 and 0.6 x 0.8 + 0.4 x 0.4 = 0.64 gives 12.8.
    const expectedQuality = new Map([
      [steady.vacancyId, 16.45],
      [newcomer.vacancyId, 16],
      [unplaced.vacancyId, 16],
      [shaky.vacancyId, 12.8],
    ]);
    const { fromPostgres, fromIndex } = await withSource(async ({ referral }, source) => {
      const loaded: MatchVacancy[] = [];
      await feed.loadOpenVacancies(100, (batch) => loaded.push(...batch));
      return {
        fromPostgres: rankVacancies(referral, await source.candidates(null), DEFAULT_WEIGHTS, { limit: 10 }).matches,
        fromIndex: new VacancyIndex(loaded).match(referral, DEFAULT_WEIGHTS, { limit: 10, exclusionLimit: 0 }).matches,
      };
    });
    expect(fromIndex).toEqual(fromPostgres);
    expect(new Map(fromPostgres.map((m) => [m.vacancyId, m.breakdown.quality]))).toEqual(expectedQuality);
    const score = new Map(fromPostgres.map((m) => [m.vacancyId, m.score]));
    expect(score.get(steady.vacancyId)! - score.get(shaky.vacancyId)!).toBeCloseTo(16.45 - 12.8, 2);
    expect(fromPostgres[0].vacancyId).toBe(steady.vacancyId);
    expect(fromPostgres[fromPostgres.length - 1].vacancyId).toBe(shaky.vacancyId);
  });
});
