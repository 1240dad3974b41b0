import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { insertAlliance, insertProvider, insertSetting, insertUser, insertVacancy, openOn, openTestDatabase, OpenTestDatabase, sufficiencyFromRawTables } from '@app/testing';
import { NEED_CODES } from '@app/domain';
import { SufficiencyRepository } from './sufficiency.repository';
import { SufficiencyRollupRepository } from './sufficiency-rollup.repository';
import { SupplySnapshotRepository } from './supply-snapshot.repository';

const EALING = 'E09000009';
const BRENT = 'E09000005';

/** Every figure of a small, known history, computed by hand and compared exactly. */
describe('SufficiencyRepository', () => {
  let database: OpenTestDatabase;
  let db: DataSource;
  let allianceId: string;
  let officerId: string;
  let providerId: string;
  let providerUserId: string;

  async function referral(options: {
    la: string;
    district: string;
    types: string[];
    bornOn: string;
    madeOn: string;
    needs?: string[];
  }): Promise<string> {
    const [child] = await db.query(
      `INSERT INTO children (local_authority_code, local_reference, date_of_birth, gender, home_postcode, home_district, legal_status, category_of_need, needs)
       VALUES ($1, $2, $3, 'female', $4 || ' 1AA', $4, 'C2', 'N1', $5) RETURNING id`,
      [options.la, randomUUID(), options.bornOn, options.district, JSON.stringify((options.needs ?? []).map((code) => ({ code, level: 2 })))],
    );
    const [row] = await db.query(
      `INSERT INTO referrals (child_id, local_authority_code, created_by_user_id, idempotency_key, request_hash, urgency, required_by,
                              placement_types, status, created_at)
       VALUES ($1, $2, $3, $4, repeat('0', 64), 'planned', $5::date + 30, $6, 'shortlisted', ($5::date + time '12:00') AT TIME ZONE 'Europe/London')
       RETURNING id`,
      [child.id, options.la, officerId, randomUUID(), options.madeOn, options.types],
    );
    return row.id;
  }

  async function place(referralId: string, vacancy: { id: string; settingId: string }, startDate: string, weeklyCost: number, la = EALING) {
    const [offer] = await db.query(
      `INSERT INTO offers (referral_id, vacancy_id, provider_id, created_by_user_id, weekly_cost, status)
       VALUES ($1, $2, $3, $4, $5, 'accepted') RETURNING id`,
      [referralId, vacancy.id, providerId, providerUserId, weeklyCost],
    );
    await db.query(
      `INSERT INTO placements (referral_id, offer_id, vacancy_id, setting_id, provider_id, local_authority_code, start_date, weekly_cost)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [referralId, offer.id, vacancy.id, vacancy.settingId, providerId, la, startDate, weeklyCost],
    );
    await db.query(`UPDATE referrals SET status = 'placed' WHERE id = $1`, [referralId]);
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.dataSource;
    allianceId = (await insertAlliance(db, { localAuthorityCodes: [EALING, BRENT] })).id;
    officerId = (await insertUser(db)).id;
    providerId = (await insertProvider(db)).id;
    providerUserId = (await insertUser(db, { role: 'provider_user', providerId })).id;
    // Ealing, a children's home for 8-17: 2 beds open (5-10, 11-15 and 16-17 supply), 5 withdrawn.
    const ealingHome = await insertSetting(db, providerId, {
      postcodeDistrict: 'UB1',
      placementType: 'K2',
      ageMin: 8,
      ageMax: 17,
      needsSupported: [{ code: 'autism', level: 3 }],
    });
    const open = await insertVacancy(db, ealingHome, { beds: 2, availableFrom: '2026-01-01' });
    await insertVacancy(db, ealingHome, { beds: 5, availableFrom: '2026-01-01', status: 'withdrawn' });
    // Brent, foster carers for any age: 1 bed.
    const brentCarers = await insertSetting(db, providerId, { postcodeDistrict: 'NW10', placementType: 'U4', ageMin: 0, ageMax: 17 });
    await insertVacancy(db, brentCarers, { beds: 1, availableFrom: '2026-01-01' });
    // Manchester, outside the alliance: its beds are not the alliance's supply.
    const manchester = await insertSetting(db, providerId, { postcodeDistrict: 'M1', placementType: 'K2', ageMin: 11, ageMax: 17 });
    const far = await insertVacancy(db, manchester, { beds: 3, availableFrom: '2026-01-01' });

    // In March: three 12-year-olds needing a children's home, one placed in Ealing after 5 days,
    // one in Manchester after 10, one placed only in April; a 3-year-old needing foster care, unplaced.
    // Needs: the first two autism, the last two self-harm.
    const nearby = await referral({ la: EALING, district: 'UB1', types: ['K2', 'U4'], bornOn: '2013-06-01', madeOn: '2026-03-02', needs: ['autism'] });
    await place(nearby, { id: open.id, settingId: ealingHome.id }, '2026-03-07', 5_000);
    const distant = await referral({
      la: EALING,
      district: 'UB1',
      types: ['K2'],
      bornOn: '2013-06-01',
      madeOn: '2026-03-10',
      needs: ['autism', 'self-harm'],
    });
    await place(distant, { id: far.id, settingId: manchester.id }, '2026-03-20', 7_000);
    const late = await referral({ la: EALING, district: 'UB1', types: ['K2'], bornOn: '2013-06-01', madeOn: '2026-03-15', needs: ['self-harm'] });
    await place(late, { id: open.id, settingId: ealingHome.id }, '2026-04-02', 5_500);
    await referral({ la: EALING, district: 'UB1', types: ['U4'], bornOn: '2022-09-01', madeOn: '2026-03-20' });
    // Outside the period, and outside the alliance: neither counts.
    await referral({ la: BRENT, district: 'NW10', types: ['K2'], bornOn: '2010-01-01', madeOn: '2026-02-27' });
    await referral({ la: 'E08000003', district: 'M1', types: ['K2'], bornOn: '2010-01-01', madeOn: '2026-03-05' });
  });

  afterAll(async () => {
    await database?.close();
  });

  /**
   * The figures of a period three ways, which must agree: the plain GROUP BYs over the raw tables,
   * the rollups' SQL with every month stale (so read raw), and the rollups rebuilt.
   */
  async function threeWays(from: string, to: string) {
    const repository = new SufficiencyRepository(db);
    const rollupRepository = new SufficiencyRollupRepository(db);
    const raw = await sufficiencyFromRawTables(db, allianceId, from, to, openOn(to));
    await rollupRepository.markAllStale();
    const stale = await repository.compute(allianceId, from, to, openOn(to));
    await rollupRepository.rebuildStaleMonths();
    const rollups = await repository.compute(allianceId, from, to, openOn(to));
    expect(stale).toEqual(raw);
    expect(rollups).toEqual(raw);
    return rollups;
  }

  it('counts demand and supply by LA, placement type and age band, with totals', async () => {
    const { rows, totals } = await threeWays('2026-03-01', '2026-03-31');
    const none = { referrals: 0, placed: 0, unplaced: 0, gap: 0, placedOutOfArea: 0, placedOver20Miles: 0, medianDaysToPlace: null, meanWeeklyCost: null };
    expect(rows).toEqual([
      { localAuthorityCode: BRENT, placementType: 'U4', ageBand: '0-4', ...none, openBeds: 1 },
      { localAuthorityCode: BRENT, placementType: 'U4', ageBand: '5-10', ...none, openBeds: 1 },
      { localAuthorityCode: BRENT, placementType: 'U4', ageBand: '11-15', ...none, openBeds: 1 },
      { localAuthorityCode: BRENT, placementType: 'U4', ageBand: '16-17', ...none, openBeds: 1 },
      { localAuthorityCode: EALING, placementType: 'K2', ageBand: '5-10', ...none, openBeds: 2 },
      {
        localAuthorityCode: EALING,
        placementType: 'K2',
        ageBand: '11-15',
        referrals: 3,
        placed: 2,
        unplaced: 1,
        openBeds: 2,
        // 3 referrals, 1 placed within the alliance.
        gap: 2,
        placedOutOfArea: 1,
        placedOver20Miles: 1,
        medianDaysToPlace: 7.5,
        meanWeeklyCost: 6_000,
      },
      { localAuthorityCode: EALING, placementType: 'K2', ageBand: '16-17', ...none, openBeds: 2 },
      { localAuthorityCode: EALING, placementType: 'U4', ageBand: '0-4', ...none, referrals: 1, unplaced: 1, gap: 1, openBeds: 0 },
    ]);
    expect(totals).toEqual({
      referrals: 4,
      placed: 2,
      unplaced: 2,
      openBeds: 3,
      gap: 3,
      placedOutOfArea: 1,
      placedOver20Miles: 1,
      medianDaysToPlace: 7.5,
      meanWeeklyCost: 6_000,
    });
  });

  it('counts a placement made after the period as unplaced in it, and placed in a period that covers it', async () => {
    const { totals } = await threeWays('2026-03-01', '2026-04-30');
    expect(totals).toMatchObject({ referrals: 4, placed: 3, unplaced: 1, gap: 2, medianDaysToPlace: 10, meanWeeklyCost: 5_833 });
  });

  it('tells a placement on the last day of a period from one the day after, when the period ends mid-month', async () => {
    // March is whole and served by its rollup; the placement of 2 April is read raw.
    expect((await threeWays('2026-03-01', '2026-04-01')).totals).toMatchObject({ referrals: 4, placed: 2, unplaced: 2 });
    expect((await threeWays('2026-03-01', '2026-04-02')).totals).toMatchObject({ referrals: 4, placed: 3, unplaced: 1 });
    // Periods starting or ending mid-month take only the referrals made within them.
    expect((await threeWays('2026-03-03', '2026-03-19')).totals).toMatchObject({ referrals: 2, placed: 0 });
    expect((await threeWays('2026-03-03', '2026-03-20')).totals).toMatchObject({ referrals: 3, placed: 1, placedOutOfArea: 1 });
    expect((await threeWays('2026-02-27', '2026-03-02')).totals).toMatchObject({ referrals: 2, placed: 0 });
  });

  it('keeps figures exact while a month is stale, and after a rebuild that raced a write', async () => {
    const repository = new SufficiencyRepository(db);
    const rollupRepository = new SufficiencyRollupRepository(db);
    await rollupRepository.rebuildStaleMonths();
    const before = await repository.compute(allianceId, '2026-03-01', '2026-03-31', openOn('2026-03-31'));
    // A new referral marks March stale in its own transaction; until a rebuild, March is read raw.
    const extra = await referral({ la: BRENT, district: 'NW10', types: ['U4'], bornOn: '2015-01-01', madeOn: '2026-03-25' });
    expect(await db.query(`SELECT DISTINCT local_authority_code AS la, to_char(month, 'YYYY-MM') AS month FROM sufficiency_stale_marks`)).toEqual([
      { la: BRENT, month: '2026-03' },
    ]);
    const stale = await repository.compute(allianceId, '2026-03-01', '2026-03-31', openOn('2026-03-31'));
    expect(stale.totals.referrals).toBe(before.totals.referrals + 1);
    expect(await rollupRepository.rebuildStaleMonths()).toEqual({ months: 1, remaining: 0 });
    expect(await repository.compute(allianceId, '2026-03-01', '2026-03-31', openOn('2026-03-31'))).toEqual(stale);
    // Twice is the same as once.
    expect(await rollupRepository.rebuildStaleMonths()).toEqual({ months: 0, remaining: 0 });
    // A write that commits while a rebuild of its month is under way leaves a mark the rebuild did not see.
    await rollupRepository.markAllStale();
    const writer = await db.createQueryRunner();
    await writer.connect();
    await writer.startTransaction();
    await writer.query(`DELETE FROM referrals WHERE id = $1`, [extra]);
    const rebuild = rollupRepository.rebuildStaleMonths();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await writer.commitTransaction();
    await writer.release();
    await rebuild;
    expect(await repository.compute(allianceId, '2026-03-01', '2026-03-31', openOn('2026-03-31'))).toEqual(before);
    await rollupRepository.rebuildStaleMonths();
    expect(await repository.compute(allianceId, '2026-03-01', '2026-03-31', openOn('2026-03-31'))).toEqual(before);
  });

  it('marks the months of the children of a postcode district stale when the district moves, and only then', async () => {
    const repository = new SufficiencyRepository(db);
    const rollupRepository = new SufficiencyRollupRepository(db);
    await rollupRepository.rebuildStaleMonths();
    const staleMonths = () => db.query(`SELECT DISTINCT local_authority_code AS la, to_char(month, 'YYYY-MM') AS month FROM sufficiency_stale_marks ORDER BY 1, 2`);
    // As the reference data is loaded: every district upserted in one statement.
    const load = (moveUb1North: number) =>
      db.query(
        `INSERT INTO postcode_districts (district, latitude, longitude, local_authority_code, region, district_name, post_town)
         SELECT district, latitude + CASE WHEN district = 'UB1' THEN $1::float8 ELSE 0 END, longitude, local_authority_code, region,
                district_name, post_town
           FROM postcode_districts
         ON CONFLICT (district) DO UPDATE SET latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude`,
        [moveUb1North],
      );
    // Loaded again as it was: nothing moves, nothing is marked.
    await load(0);
    expect(await staleMonths()).toEqual([]);
    // UB1 moves 60 miles north: its children's placements in Ealing are now over 20 miles from home.
    await load(0.87);
    try {
      expect(await staleMonths()).toEqual([{ la: EALING, month: '2026-03' }]);
      const moved = await repository.compute(allianceId, '2026-03-01', '2026-03-31', openOn('2026-03-31'));
      expect(moved.totals.placedOver20Miles).toBe(2);
      await rollupRepository.rebuildStaleMonths();
      expect(await repository.compute(allianceId, '2026-03-01', '2026-03-31', openOn('2026-03-31'))).toEqual(moved);
      expect(moved).toEqual(await sufficiencyFromRawTables(db, allianceId, '2026-03-01', '2026-03-31', openOn('2026-03-31')));
    } finally {
      await load(-0.87);
      await rollupRepository.rebuildStaleMonths();
    }
  });

  it('gives the same figures by need, with totals by need', async () => {
    const repository = new SufficiencyRepository(db);
    const rollupRepository = new SufficiencyRollupRepository(db);
    await rollupRepository.markAllStale();
    const stale = await repository.computeByNeed(allianceId, '2026-03-01', '2026-03-31', openOn('2026-03-31'));
    await rollupRepository.rebuildStaleMonths();
    const result = await repository.computeByNeed(allianceId, '2026-03-01', '2026-03-31', openOn('2026-03-31'));
    expect(result).toEqual(stale);
    const autism = {
      needCode: 'autism',
      // Both placed: one in Ealing after 5 days at 5,000, one in Manchester after 10 at 7,000.
      referrals: 2,
      placed: 2,
      unplaced: 0,
      openBeds: 2,
      gap: 1,
      placedOutOfArea: 1,
      placedOver20Miles: 1,
      medianDaysToPlace: 7.5,
      meanWeeklyCost: 6_000,
    };
    // Manchester after 10 days; the other placed only in April.
    const selfHarm = {
      needCode: 'self-harm',
      referrals: 2,
      placed: 1,
      unplaced: 1,
      openBeds: 0,
      gap: 2,
      placedOutOfArea: 1,
      placedOver20Miles: 1,
      medianDaysToPlace: 10,
      meanWeeklyCost: 7_000,
    };
    // In the taxonomy's order, where self-harm comes before autism.
    expect(result.rows).toEqual([
      { localAuthorityCode: EALING, ...selfHarm },
      { localAuthorityCode: EALING, ...autism },
    ]);
    // Totals for every need of the taxonomy: those no child had and no bed supports are zeros.
    const none = { referrals: 0, placed: 0, unplaced: 0, openBeds: 0, gap: 0, placedOutOfArea: 0, placedOver20Miles: 0, medianDaysToPlace: null, meanWeeklyCost: null };
    expect(result.totals).toEqual(
      NEED_CODES.map((needCode) => (needCode === 'autism' ? autism : needCode === 'self-harm' ? selfHarm : { needCode, ...none })),
    );
  });

  it('gives monthly demand, placed by the end of each month, and the supply of each month', async () => {
    const repository = new SufficiencyRepository(db);
    const rollupRepository = new SufficiencyRollupRepository(db);
    await rollupRepository.rebuildStaleMonths();
    expect(await repository.trend(allianceId, '2026-02-01', '2026-04-30', '2026-04-15')).toEqual([
      { month: '2026-02', referrals: 1, placed: 0, placedWithinAlliance: 0, gap: 1, openBeds: null, supply: null },
      // Placed by 31 March: Ealing after 5 days, Manchester after 10.
      { month: '2026-03', referrals: 4, placed: 2, placedWithinAlliance: 1, gap: 3, openBeds: null, supply: null },
      { month: '2026-04', referrals: 0, placed: 0, placedWithinAlliance: 0, gap: 0, openBeds: 3, supply: { source: 'live', asOf: '2026-04-15' } },
    ]);
    expect(await repository.monthlyDemand(allianceId, '2026-02-01', '2026-04-30')).toEqual([
      { month: '2026-02', placementType: 'K2', referrals: 1, placed: 0, within: 0 },
      { month: '2026-03', placementType: 'K2', referrals: 3, placed: 2, within: 1 },
      { month: '2026-03', placementType: 'U4', referrals: 1, placed: 0, within: 0 },
    ]);
  });

  it("keeps a past day's supply: the snapshot, not the vacancies as they are now, answers for a period that has ended", async () => {
    const repository = new SufficiencyRepository(db);
    const snapshots = new SupplySnapshotRepository(db);
    // Every LA's supply (Ealing, Brent and Manchester), one row per LA, type, age range and readiness.
    expect(await snapshots.snapshotSupply('2026-03-31')).toEqual({ rows: 3, needRows: 1 });
    // Twice is the same as once.
    expect(await snapshots.snapshotSupply('2026-03-31')).toEqual({ rows: 3, needRows: 1 });
    const live = await repository.compute(allianceId, '2026-03-01', '2026-03-31', openOn('2026-03-31'));
    await db.query(`UPDATE vacancies SET beds = beds + 10 WHERE status = 'open'`);
    const source = await repository.supplySource('2026-03-01', '2026-03-31', '2026-11-24');
    expect(source).toEqual({ source: 'snapshot', asOf: '2026-03-31' });
    const fromSnapshot = await repository.compute(allianceId, '2026-03-01', '2026-03-31', source);
    expect(fromSnapshot).toEqual(live);
    // The vacancies now have 10 more beds each; a live count sees them.
    const now = await repository.compute(allianceId, '2026-03-01', '2026-03-31', openOn('2026-03-31'));
    expect(now.totals.openBeds).toBe(live.totals.openBeds! + 20);
    // A period not over yet counts the vacancies today.
    expect(await repository.supplySource('2026-03-01', '2026-11-30', '2026-11-24')).toEqual({ source: 'live', asOf: '2026-11-24' });
    expect(await repository.supplySource('2026-03-01', '2026-11-24', '2026-11-24')).toEqual({ source: 'live', asOf: '2026-11-24' });
    // A past period takes the last snapshot within it; with none taken in it, its beds are not known:
    // the vacancies now say nothing of a past day, and an older snapshot would answer for another.
    expect(await repository.supplySource('2026-03-01', '2026-04-30', '2026-11-24')).toEqual({ source: 'snapshot', asOf: '2026-03-31' });
    expect(await repository.supplySource('2026-03-01', '2026-03-30', '2026-11-24')).toBeNull();
    expect(await repository.supplySource('2026-04-01', '2026-04-30', '2026-11-24')).toBeNull();
    const unknown = await repository.compute(allianceId, '2026-03-01', '2026-03-30', null);
    expect(unknown.totals).toMatchObject({ referrals: 4, openBeds: null });
    expect(unknown.rows.map((row) => row.openBeds)).toEqual(unknown.rows.map(() => null));
    expect(await sufficiencyFromRawTables(db, allianceId, '2026-03-01', '2026-03-30', null)).toEqual(unknown);
    expect((await repository.computeByNeed(allianceId, '2026-03-01', '2026-03-30', null)).totals.map((row) => row.openBeds)).toEqual(
      NEED_CODES.map(() => null),
    );
    await db.query(`UPDATE vacancies SET beds = beds - 10 WHERE status = 'open'`);
  });

  it('snapshots beds by need supported', async () => {
    const repository = new SupplySnapshotRepository(db);
    const [setting] = await db.query(`SELECT id FROM settings WHERE placement_type = 'U4'`);
    await db.query(`UPDATE settings SET needs_supported = '[{"code": "autism", "level": 2}, {"code": "self-harm", "level": 1}]' WHERE id = $1`, [
      setting.id,
    ]);
    await repository.snapshotSupply('2026-04-01');
    const rows = await db.query(
      `SELECT local_authority_code AS la, placement_type AS type, need_code AS need, emergency_ready AS ready, beds
         FROM supply_need_snapshots WHERE day = '2026-04-01' ORDER BY need, la DESC`,
    );
    expect(rows).toEqual([
      { la: EALING, type: 'K2', need: 'autism', ready: false, beds: 2 },
      { la: BRENT, type: 'U4', need: 'autism', ready: false, beds: 1 },
      { la: BRENT, type: 'U4', need: 'self-harm', ready: false, beds: 1 },
    ]);
    // Emergency-ready beds are kept apart, by need as by age range.
    await db.query(`UPDATE vacancies SET emergency_ready = true WHERE setting_id = $1 AND status = 'open'`, [setting.id]);
    await repository.snapshotSupply('2026-04-01');
    expect(
      await db.query(
        `SELECT need_code AS need, emergency_ready AS ready, beds FROM supply_need_snapshots WHERE day = '2026-04-01' AND local_authority_code = $1 ORDER BY need`,
        [BRENT],
      ),
    ).toEqual([
      { need: 'autism', ready: true, beds: 1 },
      { need: 'self-harm', ready: true, beds: 1 },
    ]);
    // A bed its provider has not confirmed for longer than the stale limit is not counted ready.
    await db.query(`UPDATE vacancies SET confirmed_at = '2026-03-20T12:00:00Z' WHERE setting_id = $1 AND status = 'open'`, [setting.id]);
    await repository.snapshotSupply('2026-04-01', 7);
    const readiness = async () =>
      db.query(
        `SELECT need_code AS need, emergency_ready AS ready, beds FROM supply_need_snapshots WHERE day = '2026-04-01' AND local_authority_code = $1 ORDER BY need`,
        [BRENT],
      );
    expect(await readiness()).toEqual([
      { need: 'autism', ready: false, beds: 1 },
      { need: 'self-harm', ready: false, beds: 1 },
    ]);
    await repository.snapshotSupply('2026-04-01', 14);
    expect((await readiness()).map((row: { ready: boolean }) => row.ready)).toEqual([true, true]);
    await db.query(`UPDATE vacancies SET emergency_ready = false, confirmed_at = now() WHERE setting_id = $1`, [setting.id]);
  });
});
