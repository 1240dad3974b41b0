import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { reservedNights } from '@app/domain';
import { insertAlliance, insertProvider, insertSetting, insertUser, insertVacancy, openTestDatabase, OpenTestDatabase } from '@app/testing';
import { ReservedBedRepository } from './reserved-bed.repository';

const EALING = 'E09000009';
const JANUARY = { from: '2026-01-01', to: '2026-01-31' };

/** Which reserved vacancies are an alliance's, and the placements read with them, against Postgres. */
describe('ReservedBedRepository', () => {
  let database: OpenTestDatabase;
  let db: DataSource;
  let repository: ReservedBedRepository;
  let allianceId: string;
  let providerId: string;
  let officerId: string;
  let providerUserId: string;

  /** A placement into the vacancy, through a referral and an accepted offer, as acceptance makes one. */
  async function place(vacancy: { id: string; settingId: string }, placement: { startDate: string; beds: number; endedOn?: string; planned?: boolean; endedAt?: string }) {
    const [child] = await db.query(
      `INSERT INTO children (local_authority_code, local_reference, date_of_birth, gender, home_postcode, home_district, legal_status, category_of_need, needs)
       VALUES ($1, $2, '2012-01-01', 'female', 'UB1 1AA', 'UB1', 'C2', 'N1', '[]') RETURNING id`,
      [EALING, randomUUID()],
    );
    const [referral] = await db.query(
      `INSERT INTO referrals (child_id, local_authority_code, created_by_user_id, idempotency_key, request_hash, urgency, required_by, placement_types, status)
       VALUES ($1, $2, $3, $4, repeat('0', 64), 'planned', '2026-01-10', '{K2}', 'placed') RETURNING id`,
      [child.id, EALING, officerId, randomUUID()],
    );
    const [offer] = await db.query(
      `INSERT INTO offers (referral_id, vacancy_id, provider_id, created_by_user_id, weekly_cost, status)
       VALUES ($1, $2, $3, $4, 5000, 'accepted') RETURNING id`,
      [referral.id, vacancy.id, providerId, providerUserId],
    );
    await db.query(
      `INSERT INTO placements (referral_id, offer_id, vacancy_id, setting_id, provider_id, local_authority_code, start_date, weekly_cost, beds_taken,
                               ended_on, end_reason, planned_ending, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 5000, $8, $9, $10, $11, coalesce($12::timestamptz, now()))`,
      [
        referral.id,
        offer.id,
        vacancy.id,
        vacancy.settingId,
        providerId,
        EALING,
        placement.startDate,
        placement.beds,
        placement.endedOn ?? null,
        placement.endedOn ? 'E11' : null,
        placement.endedOn ? (placement.planned ?? false) : null,
        placement.endedAt ?? null,
      ],
    );
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.dataSource;
    repository = new ReservedBedRepository(db);
    allianceId = (await insertAlliance(db, { localAuthorityCodes: [EALING] })).id;
    providerId = (await insertProvider(db, { name: 'Alder Care' })).id;
    officerId = (await insertUser(db)).id;
    providerUserId = (await insertUser(db, { role: 'provider_user', providerId })).id;
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  it("reads the alliance's reserved vacancies with their placements, and counts the beds each held", async () => {
    const ealing = await insertSetting(db, providerId, { name: 'Ealing home', postcodeDistrict: 'UB1' });
    const manchester = await insertSetting(db, providerId, { name: 'Manchester home', postcodeDistrict: 'M1' });
    // Three beds held for Ealing: one placed on the 15th and still there, one placed on the 11th
    // and given back on the 21st (an unplanned ending), so two are free now.
    const block = await insertVacancy(db, ealing, { beds: 2, availableFrom: '2026-01-01', reservedFor: { localAuthorityCodes: [EALING] } });
    await place(block, { startDate: '2026-01-15', beds: 1 });
    await place(block, { startDate: '2026-01-11', beds: 1, endedOn: '2026-01-21' });
    // A remand bed in Manchester held for Ealing's children: the alliance's though outside it. Withdrawn
    // on the 10th, after which its placement ended unplanned: the bed did not come back.
    const remand = await insertVacancy(db, manchester, {
      beds: 0,
      availableFrom: '2026-01-01',
      status: 'withdrawn',
      reservedFor: { localAuthorityCodes: [EALING], legalStatuses: ['J1'] },
    });
    await place(remand, { startDate: '2026-01-05', beds: 1, endedOn: '2026-01-20', endedAt: '2026-01-20T10:00:00Z' });
    await db.query(`UPDATE vacancies SET updated_at = '2026-01-10T09:00:00Z' WHERE id = $1`, [remand.id]);
    // Not the alliance's, or not reserved, or not in the period.
    await insertVacancy(db, manchester, { availableFrom: '2026-01-01', reservedFor: { localAuthorityCodes: ['E09000003'] } });
    await insertVacancy(db, ealing, { availableFrom: '2026-01-01', reservedFor: { localAuthorityCodes: [], legalStatuses: [] } });
    await insertVacancy(db, ealing, { availableFrom: '2026-01-01' });
    await insertVacancy(db, ealing, { availableFrom: '2026-02-01', reservedFor: { legalStatuses: ['J1'] } });
    const gone = await insertVacancy(db, ealing, { availableFrom: '2025-11-01', status: 'withdrawn', reservedFor: { legalStatuses: ['J1'] } });
    await db.query(`UPDATE vacancies SET updated_at = '2025-12-15T12:00:00Z' WHERE id = $1`, [gone.id]);

    const rows = await repository.forAlliance(allianceId, JANUARY.from, JANUARY.to);
    expect(rows.map((row) => row.vacancyId)).toEqual([block.id, remand.id]);
    const [blockRow, remandRow] = rows;
    expect(blockRow).toMatchObject({
      providerName: 'Alder Care',
      settingName: 'Ealing home',
      settingLocalAuthorityCode: EALING,
      placementType: 'K2',
      reservedFor: { localAuthorityCodes: [EALING], legalStatuses: [] },
      status: 'open',
      beds: 2,
      weeklyCost: 5_000,
      availableFrom: '2026-01-01',
      availableUntil: null,
      withdrawnOn: null,
      fills: [
        { startDate: '2026-01-11', beds: 1, freedOn: '2026-01-21' },
        { startDate: '2026-01-15', beds: 1, freedOn: null },
      ],
    });
    expect(remandRow).toMatchObject({ status: 'withdrawn', withdrawnOn: '2026-01-10', fills: [{ startDate: '2026-01-05', beds: 1, freedOn: null }] });

    // Three beds for 31 nights, less the 10 nights (11th-20th) and 17 nights (15th-31st) placements held them.
    expect(reservedNights(blockRow!, JANUARY, '2026-03-01')).toEqual({ beds: 3, nightsEmpty: 93 - 10 - 17 });
    // One bed, empty the 1st to the 4th, withdrawn on the 10th.
    expect(reservedNights(remandRow!, JANUARY, '2026-03-01')).toEqual({ beds: 1, nightsEmpty: 4 });
  });
});
