import type { DataSource } from 'typeorm';
import { addMonths, forecastSeries, todayInEngland } from '@app/domain';
import { SufficiencyRepository, SufficiencyRollupRepository } from '@app/persistence';
import { insertAlliance, insertUser, openTestDatabase, OpenTestDatabase } from '@app/testing';
import { DemandForecaster } from './demand-forecaster';

const EALING = 'E09000009';

/** The forecast's history as the database holds it: whole months only, counted by first placement type. */
describe('DemandForecaster', () => {
  let database: OpenTestDatabase;
  let db: DataSource;
  let allianceId: string;
  let officerId: string;

  /** `count` referrals made on `day` (noon in England) listing `types`. */
  async function referrals(day: string, count: number, types: string[]): Promise<void> {
    await db.query(
      `WITH c AS (
         INSERT INTO children (local_authority_code, local_reference, date_of_birth, gender, home_postcode, home_district, legal_status, category_of_need, needs)
         SELECT $1, gen_random_uuid()::text, '2014-01-01', 'male', 'UB1 1AA', 'UB1', 'C2', 'N1', '[]' FROM generate_series(1, $4) RETURNING id)
       INSERT INTO referrals (child_id, local_authority_code, created_by_user_id, idempotency_key, request_hash, urgency, required_by, placement_types, status, created_at)
       SELECT c.id, $1, $2, gen_random_uuid()::text, repeat('0', 64), 'planned', $3::date + 30, $5, 'closed', ($3::date + time '12:00') AT TIME ZONE 'Europe/London'
         FROM c`,
      [EALING, officerId, day, count, types],
    );
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.dataSource;
    allianceId = (await insertAlliance(db, { localAuthorityCodes: [EALING] })).id;
    officerId = (await insertUser(db)).id;
  });

  afterAll(async () => {
    await database?.close();
  });

  it('fits the whole months from the first after the history starts to the last before this one, by first placement type', async () => {
    const today = todayInEngland();
    const currentMonth = `${today.slice(0, 7)}-01`;
    const started = addMonths(currentMonth, -14);
    // The history starts on the 15th: that month is partial, and its burst must not count.
    await referrals(`${started.slice(0, 8)}15`, 40, ['K2']);
    const expected: number[] = [];
    for (let i = 1; i < 14; i += 1) {
      const count = 3 + (i % 4);
      expected.push(count);
      await referrals(`${addMonths(started, i).slice(0, 8)}10`, count, ['K2', 'U4']);
    }
    // Foster care first: counted under U4 only, in one month.
    await referrals(`${addMonths(started, 5).slice(0, 8)}20`, 2, ['U4', 'K2']);
    // This month's referrals are not history yet.
    await referrals(today, 9, ['K2']);
    const repository = new SufficiencyRepository(db);
    await new SufficiencyRollupRepository(db).rebuildStaleMonths();

    const forecast = await new DemandForecaster(repository).forecast(allianceId, 3, today);
    expect(forecast.history).toEqual({ from: addMonths(started, 1).slice(0, 7), to: addMonths(currentMonth, -1).slice(0, 7), months: 13 });
    expect(forecast.firstMonth).toBe(today.slice(0, 7));
    expect(forecast.series.map((series) => series.placementType)).toEqual(['K2', 'U4']);
    const [k2, u4] = forecast.series;
    const fitted = forecastSeries(expected, 3, { level: 0.8 });
    expect(k2.method).toBe(fitted.method);
    expect(k2.points).toEqual(
      fitted.points.map((point, i) => ({
        month: addMonths(currentMonth, i).slice(0, 7),
        demand: Math.round(point.mean * 10) / 10,
        lower: Math.round(point.lower * 10) / 10,
        upper: Math.round(point.upper * 10) / 10,
      })),
    );
    const u4Counts = expected.map((_, i) => (i === 4 ? 2 : 0));
    expect(u4.points.map((point) => point.demand)).toEqual(
      forecastSeries(u4Counts, 3, { level: 0.8 }).points.map((point) => Math.round(point.mean * 10) / 10),
    );
  });
});
