import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { insertAlliance, insertProvider, insertSetting, insertUser, insertVacancy, openOn, openTestDatabase, OpenTestDatabase, sufficiencyFromRawTables } from '@app/testing';
import { SufficiencyRepository } from './sufficiency.repository';
import { SufficiencyRollupRepository } from './sufficiency-rollup.repository';

const LAS = [
  { code: 'E09000009', district: 'UB1' },
  { code: 'E09000005', district: 'NW10' },
  { code: 'E08000003', district: 'M1' },
];

/** A small deterministic generator, so a failure names a history that can be made again. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const day = (epochDay: number) => new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
const JAN_2026 = Date.parse('2026-01-01') / 86_400_000;

/**
 * For any period and any set of stale months, the rollups give what the plain GROUP BYs over the
 * raw tables give, figure for figure, over a random half-year of referrals and placements.
 */
describe('Sufficiency rollups against the raw tables', () => {
  let database: OpenTestDatabase;
  let db: DataSource;
  let allianceId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.dataSource;
    allianceId = (await insertAlliance(db, { localAuthorityCodes: [LAS[0].code, LAS[1].code] })).id;
    const officerId = (await insertUser(db)).id;
    const providerId = (await insertProvider(db)).id;
    const providerUserId = (await insertUser(db, { role: 'provider_user', providerId })).id;
    const settings = [];
    for (const la of LAS) {
      for (const placementType of ['K2', 'U4']) {
        const setting = await insertSetting(db, providerId, {
          postcodeDistrict: la.district,
          placementType,
          ageMin: 0,
          ageMax: 17,
          needsSupported: [{ code: 'autism', level: 2 }],
        });
        const vacancy = await insertVacancy(db, setting, { beds: 1, availableFrom: '2026-01-01' });
        settings.push({ setting, vacancy });
      }
    }
    const random = prng(20_261_124);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    for (let i = 0; i < 120; i += 1) {
      const la = pick(LAS.slice(0, 2));
      const madeOn = JAN_2026 + Math.floor(random() * 180);
      const needs = [pick(['autism', 'self-harm', 'cse']), ...(random() < 0.3 ? ['autism'] : [])];
      const [child] = await db.query(
        `INSERT INTO children (local_authority_code, local_reference, date_of_birth, gender, home_postcode, home_district, legal_status, category_of_need, needs)
         VALUES ($1, $2, $3, 'male', $4 || ' 1AA', $4, 'C2', 'N1', $5) RETURNING id`,
        [la.code, randomUUID(), day(madeOn - Math.floor(random() * 19 * 365)), la.district, JSON.stringify([...new Set(needs)].map((code) => ({ code, level: 1 })))],
      );
      const [referral] = await db.query(
        `INSERT INTO referrals (child_id, local_authority_code, created_by_user_id, idempotency_key, request_hash, urgency, required_by,
                                placement_types, status, created_at)
         VALUES ($1, $2, $3, $4, repeat('0', 64), 'planned', $5::date + 30, $6, 'shortlisted',
                 ($5::date + make_interval(mins => $7)) AT TIME ZONE 'Europe/London') RETURNING id`,
        [child.id, la.code, officerId, randomUUID(), day(madeOn), [pick(['K2', 'U4'])], Math.floor(random() * 1440)],
      );
      if (random() < 0.7) {
        const { setting, vacancy } = pick(settings);
        const cost = 3_000 + Math.floor(random() * 5_000);
        const [offer] = await db.query(
          `INSERT INTO offers (referral_id, vacancy_id, provider_id, created_by_user_id, weekly_cost, status)
           VALUES ($1, $2, $3, $4, $5, 'accepted') RETURNING id`,
          [referral.id, vacancy.id, providerId, providerUserId, cost],
        );
        await db.query(
          `INSERT INTO placements (referral_id, offer_id, vacancy_id, setting_id, provider_id, local_authority_code, start_date, weekly_cost)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [referral.id, offer.id, vacancy.id, setting.id, providerId, la.code, day(madeOn + Math.floor(random() * 50)), cost],
        );
      }
    }
  });

  afterAll(async () => {
    await database?.close();
  });

  it('agree for any period and any stale months', async () => {
    const repository = new SufficiencyRepository(db);
    const rollupRepository = new SufficiencyRollupRepository(db);
    const months = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01'];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -10, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        fc.subarray(months),
        async (start, length, staleMonths) => {
          await rollupRepository.markAllStale();
          await rollupRepository.rebuildStaleMonths();
          await db.query(
            `INSERT INTO sufficiency_stale_marks (local_authority_code, month) SELECT la, m FROM unnest($1::text[]) la, unnest($2::date[]) m`,
            [LAS.map((la) => la.code), staleMonths],
          );
          const from = day(JAN_2026 + start);
          const to = day(JAN_2026 + start + length);
          const raw = await sufficiencyFromRawTables(db, allianceId, from, to, openOn(to));
          expect(await repository.compute(allianceId, from, to, openOn(to))).toEqual(raw);
          const byNeed = await repository.computeByNeed(allianceId, from, to, openOn(to));
          await db.query(`DELETE FROM sufficiency_stale_marks`);
          await rollupRepository.markAllStale();
          expect(await repository.computeByNeed(allianceId, from, to, openOn(to))).toEqual(byNeed);
        },
      ),
      { numRuns: 40 },
    );
  });
});
