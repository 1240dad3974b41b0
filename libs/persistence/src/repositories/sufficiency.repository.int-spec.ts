import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { insertAlliance, insertProvider, insertSetting, insertUser, insertVacancy, openTestDatabase, OpenTestDatabase } from '@app/testing';
import { SufficiencyRepository } from './sufficiency.repository';

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
  }): Promise<string> {
    const [child] = await db.query(
      `INSERT INTO children (local_authority_code, local_reference, date_of_birth, gender, home_postcode, home_district, legal_status, category_of_need, needs)
       VALUES ($1, $2, $3, 'female', $4 || ' 1AA', $4, 'C2', 'N1', '[]') RETURNING id`,
      [options.la, randomUUID(), options.bornOn, options.district],
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
    const ealingHome = await insertSetting(db, providerId, { postcodeDistrict: 'UB1', placementType: 'K2', ageMin: 8, ageMax: 17 });
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
    const nearby = await referral({ la: EALING, district: 'UB1', types: ['K2', 'U4'], bornOn: '2013-06-01', madeOn: '2026-03-02' });
    await place(nearby, { id: open.id, settingId: ealingHome.id }, '2026-03-07', 5_000);
    const distant = await referral({ la: EALING, district: 'UB1', types: ['K2'], bornOn: '2013-06-01', madeOn: '2026-03-10' });
    await place(distant, { id: far.id, settingId: manchester.id }, '2026-03-20', 7_000);
    const late = await referral({ la: EALING, district: 'UB1', types: ['K2'], bornOn: '2013-06-01', madeOn: '2026-03-15' });
    await place(late, { id: open.id, settingId: ealingHome.id }, '2026-04-02', 5_500);
    await referral({ la: EALING, district: 'UB1', types: ['U4'], bornOn: '2022-09-01', madeOn: '2026-03-20' });
    // Outside the period, and outside the alliance: neither counts.
    await referral({ la: BRENT, district: 'NW10', types: ['K2'], bornOn: '2010-01-01', madeOn: '2026-02-27' });
    await referral({ la: 'E08000003', district: 'M1', types: ['K2'], bornOn: '2010-01-01', madeOn: '2026-03-05' });
  });

  afterAll(async () => {
    await database?.close();
  });

  it('counts demand and supply by LA, placement type and age band, with totals', async () => {
    const { rows, totals } = await new SufficiencyRepository(db).compute(allianceId, '2026-03-01', '2026-03-31');
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
    const { totals } = await new SufficiencyRepository(db).compute(allianceId, '2026-03-01', '2026-04-30');
    expect(totals).toMatchObject({ referrals: 4, placed: 3, unplaced: 1, gap: 2, medianDaysToPlace: 10, meanWeeklyCost: 5_833.33 });
  });

  it("keeps a past day's supply: the snapshot, not the vacancies as they are now, answers for a period that has ended", async () => {
    const repository = new SufficiencyRepository(db);
    // Every LA's supply (Ealing, Brent and Manchester), one row per LA, type, age range and readiness.
    expect(await repository.snapshotSupply('2026-03-31')).toEqual({ rows: 3, needRows: 0 });
    // Twice is the same as once.
    expect(await repository.snapshotSupply('2026-03-31')).toEqual({ rows: 3, needRows: 0 });
    const live = await repository.compute(allianceId, '2026-03-01', '2026-03-31');
    await db.query(`UPDATE vacancies SET beds = beds + 10 WHERE status = 'open'`);
    const source = await repository.supplySource('2026-03-31', '2026-11-24');
    expect(source).toEqual({ source: 'snapshot', asOf: '2026-03-31' });
    const fromSnapshot = await repository.compute(allianceId, '2026-03-01', '2026-03-31', source);
    expect(fromSnapshot).toEqual(live);
    // The vacancies now have 10 more beds each; a live count sees them.
    const now = await repository.compute(allianceId, '2026-03-01', '2026-03-31');
    expect(now.totals.openBeds).toBe(live.totals.openBeds + 20);
    // Before the first snapshot there is no history: the vacancies now answer, and say so.
    expect(await repository.supplySource('2026-03-30', '2026-11-24')).toEqual({ source: 'live', asOf: '2026-11-24' });
    await db.query(`UPDATE vacancies SET beds = beds - 10 WHERE status = 'open'`);
  });

  it('snapshots beds by need supported', async () => {
    const repository = new SufficiencyRepository(db);
    const [setting] = await db.query(`SELECT id FROM settings WHERE placement_type = 'U4'`);
    await db.query(`UPDATE settings SET needs_supported = '[{"code": "autism", "level": 2}, {"code": "self-harm", "level": 1}]' WHERE id = $1`, [
      setting.id,
    ]);
    await repository.snapshotSupply('2026-04-01');
    const rows = await db.query(
      `SELECT local_authority_code AS la, placement_type AS type, need_code AS need, beds FROM supply_need_snapshots WHERE day = '2026-04-01' ORDER BY need`,
    );
    expect(rows).toEqual([
      { la: BRENT, type: 'U4', need: 'autism', beds: 1 },
      { la: BRENT, type: 'U4', need: 'self-harm', beds: 1 },
    ]);
  });
});
