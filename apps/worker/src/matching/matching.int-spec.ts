import fc from 'fast-check';
import {
  DEFAULT_EXCLUSION_LIMIT,
  DEFAULT_WEIGHTS,
  MatchReferral,
  MatchingWeights,
  rankVacancies,
  REMATCHABLE,
} from '@app/domain';
import { MatchingRepository, OutboxSignal, ReferralRepository, StoredMatchesRepository, VacancyFeedRepository } from '@app/persistence';
import type { NewReferral } from '@app/persistence';
import {
  buildReferral,
  insertAlliance,
  insertProvider,
  insertSetting,
  insertUser,
  insertVacancy,
  loadEveryOpenVacancy,
  openTestDatabase,
  OpenTestDatabase,
} from '@app/testing';
import { MatchReferralHandler } from './matching.handlers';
import { MatchingService, nearestExclusions, shortlist } from './matching.service';
import { VacancyCache } from './vacancy-cache';

const EALING = 'E09000009';

/** Matching against real Postgres: the claim, the indexed pre-filter, the staged search, the write. */
describe('MatchingService (integration)', () => {
  let database: OpenTestDatabase;
  let matching: MatchingService;
  let repository: MatchingRepository;
  let vacancyFeed: VacancyFeedRepository;
  let storedMatches: StoredMatchesRepository;
  let referrals: ReferralRepository;
  let officerId: string;

  beforeAll(async () => {
    database = await openTestDatabase({ poolSize: 8 });
    repository = new MatchingRepository(database.dataSource);
    vacancyFeed = new VacancyFeedRepository(database.dataSource);
    storedMatches = new StoredMatchesRepository(database.dataSource);
    // The index loads now, while the database is empty: every vacancy below reaches it as a change.
    const cache = new VacancyCache(vacancyFeed);
    await cache.startLoading();
    matching = new MatchingService(repository, cache, new OutboxSignal(database.dataSource));
    referrals = new ReferralRepository(database.dataSource);
    officerId = (await insertUser(database.dataSource)).id;
  });

  afterAll(async () => {
    await database?.close();
  });

  async function submit(overrides: Partial<NewReferral> = {}): Promise<string> {
    const result = await referrals.submit(buildReferral(officerId, overrides));
    if (result.outcome === 'key_reused') throw new Error('idempotency key reused');
    return result.referral.id;
  }

  async function status(referralId: string): Promise<string> {
    const [row] = await database.dataSource.query(`SELECT status FROM referrals WHERE id = $1`, [referralId]);
    return row.status;
  }

  describe('one referral in Ealing', () => {
    beforeAll(async () => {
      await database.dataSource.query(`UPDATE vacancies SET status = 'withdrawn'`);
    });

    it('writes a ranked, explained shortlist and the exclusions with every reason', async () => {
      const provider = await insertProvider(database.dataSource);
      const near = await insertSetting(database.dataSource, provider.id, { ofstedGrade: 'outstanding' });
      const farther = await insertSetting(database.dataSource, provider.id, { postcodeDistrict: 'W5' });
      const wrongType = await insertSetting(database.dataSource, provider.id, { placementType: 'U1' });
      const tooOld = await insertSetting(database.dataSource, provider.id, { ageMin: 13, ageMax: 17, placementType: 'U1' });
      const best = await insertVacancy(database.dataSource, near);
      const second = await insertVacancy(database.dataSource, farther);
      const excludedType = await insertVacancy(database.dataSource, wrongType);
      const excludedTwice = await insertVacancy(database.dataSource, tooOld);

      const referralId = await submit();
      expect(await matching.match(referralId, ['submitted'])).toEqual({
        outcome: 'matched',
        status: 'shortlisted',
        matches: 2,
        exclusions: 2,
        // Both places are one provider's: it is sent the referral.
        sent: 1,
        alerts: 0,
      });
      expect(await status(referralId)).toBe('shortlisted');
      const stored = await storedMatches.findMatches(referralId, EALING);
      expect(stored?.items.map((m) => [m.rank, m.vacancyId])).toEqual([
        [1, best.id],
        [2, second.id],
      ]);
      for (const item of stored!.items) {
        const sum = Object.values(item.breakdown).reduce((a, b) => a + b, 0);
        expect(Math.abs(item.score - sum)).toBeLessThan(0.01);
      }
      expect(stored!.items.map((item) => [item.provider, item.setting.id, item.setting.name])).toEqual([
        [{ id: provider.id, name: provider.name }, near.id, near.name],
        [{ id: provider.id, name: provider.name }, farther.id, farther.name],
      ]);
      const exclusions = await storedMatches.findExclusions(referralId, EALING);
      expect(exclusions!.items.find((item) => item.vacancyId === excludedType.id)?.setting).toMatchObject({ id: wrongType.id, placementType: 'U1' });
      expect(exclusions?.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ vacancyId: excludedType.id, reasons: ['TYPE_NOT_ACCEPTED'] }),
          expect.objectContaining({ vacancyId: excludedTwice.id, reasons: ['TYPE_NOT_ACCEPTED', 'AGE_OUT_OF_RANGE'] }),
        ]),
      );
    });

    it('records each provider a shortlist reaches, from its first time, and keeps it once a re-match drops it', async () => {
      const [first, second] = [await insertProvider(database.dataSource), await insertProvider(database.dataSource)];
      const [near, far] = [await insertSetting(database.dataSource, first.id), await insertSetting(database.dataSource, second.id, { postcodeDistrict: 'W5' })];
      // The first provider has two beds on the shortlist; it is recorded once.
      const kept = [await insertVacancy(database.dataSource, near), await insertVacancy(database.dataSource, near)];
      const dropped = await insertVacancy(database.dataSource, far);
      const referralId = await submit();
      await matching.match(referralId, ['submitted']);
      const reached = () =>
        database.dataSource.query(
          `SELECT provider_id AS "providerId", first_shortlisted_at AS at FROM referral_shortlistings WHERE referral_id = $1 ORDER BY at, provider_id`,
          [referralId],
        );
      const before: { providerId: string; at: Date }[] = await reached();
      expect(before.map((row) => row.providerId)).toEqual(expect.arrayContaining([first.id, second.id]));
      expect(new Set(before.map((row) => row.providerId)).size).toBe(before.length);
      // The second provider's bed goes: the re-match drops it from the shortlist, not from the record.
      await database.dataSource.query(`UPDATE vacancies SET status = 'withdrawn' WHERE id = $1`, [dropped.id]);
      expect(await matching.match(referralId, REMATCHABLE)).toMatchObject({ outcome: 'matched', status: 'shortlisted' });
      const onShortlist = (await storedMatches.findMatches(referralId, EALING))!.items.map((m) => m.providerId);
      expect(onShortlist).toContain(first.id);
      expect(onShortlist).not.toContain(second.id);
      expect(await reached()).toEqual(before);
      await database.dataSource.query(`UPDATE vacancies SET status = 'withdrawn' WHERE id = ANY($1)`, [kept.map((v) => v.id)]);
    });

    it('does nothing for a redelivered job: the shortlist is written once', async () => {
      const referralId = await submit();
      await matching.match(referralId, ['submitted']);
      const first = await storedMatches.findMatches(referralId, EALING);
      expect(await matching.match(referralId, ['submitted'])).toEqual({ outcome: 'not_claimable' });
      expect(await storedMatches.findMatches(referralId, EALING)).toEqual(first);
    });

    it('sends a scored shortlist to its top five providers as it writes it; a redelivered job sends nothing twice', async () => {
      const vacancies = [];
      for (const district of ['UB1', 'UB2', 'W5', 'W7', 'W13', 'HA0', 'NW10']) {
        const provider = await insertProvider(database.dataSource);
        vacancies.push(await insertVacancy(database.dataSource, await insertSetting(database.dataSource, provider.id, { postcodeDistrict: district })));
      }
      const referralId = await submit();
      const handler = new MatchReferralHandler(matching);
      expect(await handler.handle({ referralId })).toMatchObject({ outcome: 'matched', sent: 5 });
      expect(await handler.handle({ referralId })).toEqual({ outcome: 'not_claimable' });
      // The first five distinct providers down the ranks, each with its best rank.
      const bestRank = new Map<string, number>();
      for (const item of (await storedMatches.findMatches(referralId, EALING))!.items) {
        if (!bestRank.has(item.providerId)) bestRank.set(item.providerId, item.rank);
      }
      expect(bestRank.size).toBeGreaterThan(5);
      const sent = await database.dataSource.query(
        `SELECT provider_id AS "providerId", best_rank AS "bestRank", sent_by_user_id AS "sentBy" FROM referral_recipients WHERE referral_id = $1 ORDER BY best_rank`,
        [referralId],
      );
      expect(sent).toEqual([...bestRank].slice(0, 5).map(([providerId, rank]) => ({ providerId, bestRank: rank, sentBy: null })));
      await database.dataSource.query(`UPDATE vacancies SET status = 'withdrawn' WHERE id = ANY($1)`, [vacancies.map((v) => v.id)]);
    });

    it('lets one of two racing runs match and the other find it done', async () => {
      const referralId = await submit();
      const results = await Promise.all([matching.match(referralId, ['submitted']), matching.match(referralId, ['submitted'])]);
      expect(results.map((r) => r.outcome).sort()).toEqual(['matched', 'not_claimable']);
      const [{ n }] = await database.dataSource.query(
        `SELECT count(*)::int AS n FROM referral_matches WHERE referral_id = $1 AND rank = 1`,
        [referralId],
      );
      expect(n).toBe(1);
    });

    it('re-matches after a first match that was running when a vacancy changed', async () => {
      const referralId = await submit();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let claimed!: () => void;
      const claimedNow = new Promise<void>((resolve) => (claimed = resolve));
      // The first match claims the referral, then stalls before storing its (stale) result.
      const first = repository.run(referralId, ['submitted'], async () => {
        claimed();
        await held;
        return { matches: [], exclusions: [] };
      });
      await claimedNow;
      // The re-match for the change waits on the first run's row lock instead of skipping it.
      const rematch = matching.match(referralId, REMATCHABLE);
      await new Promise((resolve) => setTimeout(resolve, 100));
      release();
      expect(await first).toMatchObject({ outcome: 'matched', status: 'no_match' });
      expect(await rematch).toMatchObject({ outcome: 'matched', status: 'shortlisted' });
    });

    it('says no_match when nothing is eligible, keeping the exclusions', async () => {
      const referralId = await submit({ placementTypes: ['R1'] });
      expect(await matching.match(referralId, ['submitted'])).toMatchObject({ status: 'no_match', matches: 0 });
      expect((await storedMatches.findExclusions(referralId, EALING))?.items.length).toBeGreaterThan(0);
    });

    it("uses the alliance's weights", async () => {
      const alliance = await insertAlliance(database.dataSource, { localAuthorityCodes: [EALING] });
      const weights: MatchingWeights = { needs: 0, proximity: 0, quality: 100, continuity: 0, cost: 0 };
      await database.dataSource.query(`UPDATE alliances SET matching_weights = $2 WHERE id = $1`, [alliance.id, weights]);
      try {
        const referralId = await submit();
        await matching.match(referralId, ['submitted']);
        const stored = await storedMatches.findMatches(referralId, EALING);
        expect(stored?.items[0].breakdown).toEqual({ needs: 0, proximity: 0, quality: 100, continuity: 0, cost: 0 });
      } finally {
        await database.dataSource.query(`UPDATE alliances SET matching_weights = NULL WHERE id = $1`, [alliance.id]);
      }
    });

    it('marks a referral never matched as failed, and lets a re-match recover it', async () => {
      const referralId = await submit();
      expect(await matching.markFailed(referralId, 'QueryFailedError')).toBe(true);
      const [row] = await database.dataSource.query(`SELECT status, match_error FROM referrals WHERE id = $1`, [referralId]);
      expect(row).toEqual({ status: 'match_failed', match_error: 'QueryFailedError' });
      await matching.match(referralId, ['shortlisted', 'no_match', 'match_failed']);
      expect(await status(referralId)).toBe('shortlisted');
    });

    it('keeps a shortlisted referral listed when its re-match fails: the last shortlist stays, marked stale, until a re-match succeeds', async () => {
      const referralId = await submit();
      await matching.match(referralId, ['submitted']);
      const before = await storedMatches.findMatches(referralId, EALING);
      expect(before).toMatchObject({ status: 'shortlisted', stale: false });
      expect(before!.items.length).toBeGreaterThan(0);
      expect(await matching.markFailed(referralId, 'QueryFailedError')).toBe(true);
      const after = await storedMatches.findMatches(referralId, EALING);
      expect(after).toMatchObject({ status: 'shortlisted', stale: true, computedAt: before!.computedAt });
      expect(after!.items.map((item) => item.vacancyId)).toEqual(before!.items.map((item) => item.vacancyId));
      await matching.match(referralId, ['shortlisted', 'no_match', 'match_failed']);
      expect(await storedMatches.findMatches(referralId, EALING)).toMatchObject({ status: 'shortlisted', stale: false });
    });

    it('finds the referrals a vacancy change could re-rank', async () => {
      const provider = await insertProvider(database.dataSource);
      const setting = await insertSetting(database.dataSource, provider.id, { placementType: 'K2' });
      const onShortlist = await insertVacancy(database.dataSource, setting);
      const k2 = await submit();
      const u1 = await submit({ placementTypes: ['U1'] });
      const unmatched = await submit();
      await matching.match(k2, ['submitted']);
      await matching.match(u1, ['submitted']);
      const affected = (await vacancyFeed.referralsAffectedBy([onShortlist.id])).map((referral) => referral.id);
      expect(affected).toContain(k2);
      expect(affected).not.toContain(u1);
      // Still submitted: its first match may be running on data from before the change.
      expect(affected).toContain(unmatched);
      // Withdrawn: still affects the referral whose shortlist it is on.
      await database.dataSource.query(`UPDATE vacancies SET status = 'withdrawn' WHERE id = $1`, [onShortlist.id]);
      expect((await vacancyFeed.referralsAffectedBy([onShortlist.id])).map((referral) => referral.id)).toContain(k2);
    });
  });

  describe('across England', () => {
    let districts: { district: string; latitude: number; longitude: number; la: string | null }[];

    beforeAll(async () => {
      await database.dataSource.query(`UPDATE vacancies SET status = 'withdrawn'`);
      districts = await database.dataSource.query(
        `SELECT district, latitude, longitude, local_authority_code AS la FROM postcode_districts WHERE local_authority_code IS NOT NULL ORDER BY district`,
      );
      // 1,500 vacancies in random districts, types, ages, grades and needs; a dense cluster in
      // and around Ealing so that the staged search stops early for some referrals.
      await database.dataSource.query(
        `WITH p AS (INSERT INTO providers (name, sector) VALUES ('Spread', 'private') RETURNING id),
              everywhere AS (SELECT array_agg(district ORDER BY district) AS a FROM postcode_districts WHERE local_authority_code IS NOT NULL),
              picks AS (
                SELECT g, CASE WHEN g % 3 = 0 THEN a[1 + (g * 7919) % cardinality(a)]
                               ELSE (ARRAY['UB1','UB2','W5','W3','HA0','TW3','W7','UB6','NW10','W13'])[1 + g % 10] END AS district
                  FROM generate_series(1, 1500) AS g, everywhere),
              s AS (
                INSERT INTO settings (provider_id, name, placement_type, ofsted_grade, postcode, postcode_district,
                                      local_authority_code, latitude, longitude, registered_places, age_min, age_max,
                                      genders, needs_supported, needs_excluded)
                SELECT p.id, 'Home ' || g, (ARRAY['K2','K2','U1','U4','P1'])[1 + g % 5],
                       (ARRAY['outstanding','good','good','requires_improvement','inadequate','not_yet_inspected'])[1 + (g * 7) % 6],
                       d.district || ' 1AA', d.district, d.local_authority_code, d.latitude, d.longitude, 4,
                       (g * 3) % 12, 12 + (g * 5) % 6,
                       CASE WHEN g % 9 = 0 THEN ARRAY['female'] ELSE ARRAY['female','male','other'] END,
                       jsonb_build_array(jsonb_build_object('code', 'autism', 'level', 1 + g % 3),
                                         jsonb_build_object('code', 'self-harm', 'level', 1 + (g / 3) % 3)),
                       CASE WHEN g % 13 = 0 THEN ARRAY['fire-setting'] ELSE ARRAY[]::text[] END
                  FROM picks CROSS JOIN p JOIN postcode_districts d USING (district)
                RETURNING id, provider_id)
         INSERT INTO vacancies (setting_id, provider_id, beds, available_from, available_until, weekly_cost, emergency_ready, status,
                                confirmed_at)
         SELECT s.id, s.provider_id, 1 + (hashtext(s.id::text) & 1), current_date - 3 + (hashtext(s.id::text) & 15),
                NULL, 3000 + (hashtext(s.id::text) & 4095), (hashtext(s.id::text) & 4) = 0, 'open',
                -- Confirmed up to 15 days ago: about half stale, ranked below equal fresh ones and not emergency-ready.
                now() - ((hashtext(s.id::text) >> 5) & 15) * interval '1 day'
           FROM s`,
      );
    });

    /** What ranking every open vacancy in the country, with no pre-filter, gives. */
    async function naive(referral: MatchReferral, weights: MatchingWeights) {
      const vacancies = await loadEveryOpenVacancy(database.dataSource);
      return rankVacancies(referral, vacancies, weights, { limit: 50, exclusionLimit: DEFAULT_EXCLUSION_LIMIT });
    }

    /** A child anywhere in England (often near the dense cluster by Ealing), any types, ages, needs. */
    const scenario = fc.record({
      districtAt: fc.nat(),
      nearEaling: fc.boolean(),
      types: fc.subarray(['K2', 'U1', 'U4', 'P1', 'R1'], { minLength: 1 }),
      age: fc.integer({ min: 0, max: 17 }),
      gender: fc.constantFrom('female', 'male'),
      maxDistanceMiles: fc.option(fc.integer({ min: 5, max: 200 }), { freq: 2 }),
      urgency: fc.constantFrom('planned', 'urgent', 'emergency'),
      needs: fc.subarray(
        [
          { code: 'autism', level: 2, essential: true },
          { code: 'self-harm', level: 1, essential: false },
          { code: 'fire-setting', level: 1, essential: false },
        ],
        { minLength: 0 },
      ),
    });

    /**
     * Submits the scenario's referral and claims it with `compute`, returning the referral as
     * matching read it, for the naive ranking to compare with.
     */
    async function claimScenario(
      s: typeof scenario extends fc.Arbitrary<infer T> ? T : never,
      compute: Parameters<MatchingRepository['run']>[2],
    ): Promise<{ referralId: string; claimed: MatchReferral }> {
      const district = s.nearEaling ? 'UB1' : districts[s.districtAt % districts.length].district;
      const today = new Date().toISOString().slice(0, 10);
      const referralId = await submit({
        placementTypes: s.types,
        maxDistanceMiles: s.maxDistanceMiles,
        urgency: s.urgency,
        child: {
          ...buildReferral(officerId).child,
          dateOfBirth: `${Number(today.slice(0, 4)) - s.age - 1}-01-01`,
          gender: s.gender,
          homeDistrict: district,
          homePostcode: `${district} 1AA`,
          needs: s.needs,
        },
      });
      let claimed: MatchReferral | undefined;
      const result = await repository.run(referralId, ['submitted'], (c, source) => {
        claimed = c.referral;
        return compute(c, source);
      });
      expect(result.outcome).toBe('matched');
      return { referralId, claimed: claimed! };
    }

    async function expectAsRankingEverything(referralId: string, claimed: MatchReferral): Promise<void> {
      const expected = await naive(claimed, DEFAULT_WEIGHTS);
      // Each item as ranked, plus the provider and setting the read names it by.
      expect((await storedMatches.findMatches(referralId, EALING))?.items).toMatchObject(expected.matches);
      expect((await storedMatches.findExclusions(referralId, EALING))?.items).toMatchObject(expected.exclusions);
    }

    it('shortlists exactly what ranking every vacancy in the country would, for any referral', async () => {
      await fc.assert(
        fc.asyncProperty(scenario, async (s) => {
          const { referralId, claimed } = await claimScenario(s, async (c, source) => ({
            matches: await shortlist(c.referral, DEFAULT_WEIGHTS, source),
            exclusions: await nearestExclusions(c.referral, DEFAULT_WEIGHTS, source),
          }));
          await expectAsRankingEverything(referralId, claimed);
        }),
        { numRuns: 40 },
      );
    });

    it('gives the same from the in-memory index, loaded before or caught up after the changes', async () => {
      const loadedNow = new VacancyCache(vacancyFeed);
      await loadedNow.startLoading();
      const fromIndex = new MatchingService(repository, loadedNow, new OutboxSignal(database.dataSource));
      // Changes after the load: a batch withdrawn, a batch moved next to Ealing.
      await database.dataSource.query(
        `UPDATE vacancies SET status = 'withdrawn' WHERE id IN (SELECT id FROM vacancies WHERE status = 'open' ORDER BY id LIMIT 100)`,
      );
      await database.dataSource.query(
        `UPDATE settings SET latitude = 51.51, longitude = -0.37, local_authority_code = 'E09000009'
          WHERE id IN (SELECT setting_id FROM vacancies WHERE status = 'open' ORDER BY id DESC LIMIT 100)`,
      );
      await fc.assert(
        fc.asyncProperty(scenario, async (s) => {
          // Claimed once to read the referral as matching sees it, then matched from the index.
          const { referralId, claimed } = await claimScenario(s, () => ({ matches: [], exclusions: [] }));
          await fromIndex.match(referralId, ['no_match']);
          await expectAsRankingEverything(referralId, claimed);
        }),
        { numRuns: 30 },
      );
    });
  });
});
