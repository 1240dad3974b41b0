import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { insertAlliance, insertProvider, insertSetting, insertUser, insertVacancy, openTestDatabase, OpenTestDatabase } from '@app/testing';
import { ProviderBenchmarkRepository, type BenchmarkFilter } from './provider-benchmark.repository';

const EALING = 'E09000009';
const HOUNSLOW = 'E09000018';
const MADE = '2025-01-01 09:00';

/** Three providers' known histories, every benchmark figure worked out by hand. */
describe('ProviderBenchmarkRepository', () => {
  let database: OpenTestDatabase;
  let db: DataSource;
  let allianceId: string;
  let officerId: string;
  let userId: string;
  const oak = { id: '', vacancyId: '', settingId: '' };
  const birch = { id: '', vacancyId: '', settingId: '' };
  const cedar = { id: '', vacancyId: '', settingId: '' };
  const dale = { id: '', vacancyId: '', settingId: '' };

  async function referral(): Promise<string> {
    const [child] = await db.query(
      `INSERT INTO children (local_authority_code, local_reference, date_of_birth, gender, home_postcode, home_district, legal_status, category_of_need, needs)
       VALUES ($1, $2, '2012-01-01', 'female', 'UB1 1AA', 'UB1', 'C2', 'N1', '[]') RETURNING id`,
      [EALING, randomUUID()],
    );
    const [row] = await db.query(
      `INSERT INTO referrals (child_id, local_authority_code, created_by_user_id, idempotency_key, request_hash, urgency, required_by, placement_types, created_at)
       VALUES ($1, $2, $3, $4, repeat('0', 64), 'planned', '2025-02-01', '{K2}', $5::timestamp AT TIME ZONE 'Europe/London') RETURNING id`,
      [child.id, EALING, officerId, randomUUID(), MADE],
    );
    return row.id;
  }

  const hoursAfter = (hours: number) => `(timestamp '${MADE}' + interval '${hours} hours') AT TIME ZONE 'Europe/London'`;

  async function offer(provider: typeof oak, referralId: string, afterHours: number, weeklyCost = 5_000): Promise<string> {
    const [row] = await db.query(
      `INSERT INTO offers (referral_id, vacancy_id, provider_id, created_by_user_id, weekly_cost, created_at)
       VALUES ($1, $2, $3, $4, $5, ${hoursAfter(afterHours)}) RETURNING id`,
      [referralId, provider.vacancyId, provider.id, userId, weeklyCost],
    );
    return row.id;
  }

  async function shortlisted(provider: typeof oak, referralId: string, afterHours: number): Promise<void> {
    await db.query(`INSERT INTO referral_shortlistings (referral_id, provider_id, first_shortlisted_at) VALUES ($1, $2, ${hoursAfter(afterHours)})`, [
      referralId,
      provider.id,
    ]);
  }

  /** Sent by matching, or by the placement team ($4, a placement officer) when `by` is given. */
  async function sent(provider: typeof oak, referralId: string, afterHours: number, by: string | null = null): Promise<void> {
    await db.query(
      `INSERT INTO referral_recipients (referral_id, provider_id, sent_at, sent_by_user_id, vacancy_ids, best_rank)
       VALUES ($1, $2, ${hoursAfter(afterHours)}, $4, ARRAY[$3::uuid], 1)`,
      [referralId, provider.id, provider.vacancyId, by],
    );
  }

  async function decline(provider: typeof oak, referralId: string, afterHours: number): Promise<void> {
    await db.query(
      `INSERT INTO declines (referral_id, vacancy_id, provider_id, created_by_user_id, reason, created_at)
       VALUES ($1, $2, $3, $4, 'no_capacity', ${hoursAfter(afterHours)})`,
      [referralId, provider.vacancyId, provider.id, userId],
    );
  }

  async function place(
    provider: typeof oak,
    referralId: string,
    offerId: string,
    weeklyCost: number,
    startDate: string,
    ending?: { on: string; planned: boolean },
  ): Promise<string> {
    const [row] = await db.query(
      `INSERT INTO placements (referral_id, offer_id, vacancy_id, setting_id, provider_id, local_authority_code, start_date, weekly_cost,
                               ended_on, planned_ending, end_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [referralId, offerId, provider.vacancyId, provider.settingId, provider.id, EALING, startDate, weeklyCost, ending?.on ?? null,
        ending?.planned ?? null, ending ? 'CREQB' : null],
    );
    return row.id;
  }

  async function feedback(placementId: string, rating: number): Promise<void> {
    await db.query(
      `INSERT INTO placement_feedback (placement_id, rating, comments, recorded_by_user_id) VALUES ($1, $2, 'Settled well', $3)`,
      [placementId, rating, officerId],
    );
  }

  async function outcome(placementId: string, status: string): Promise<void> {
    await db.query(
      `INSERT INTO placement_outcomes (placement_id, kind, description, target_date, status, created_by_user_id)
       VALUES ($1, 'hard', 'Attends school', '2026-01-01', $2, $3)`,
      [placementId, status, officerId],
    );
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.dataSource;
    allianceId = (await insertAlliance(db, { localAuthorityCodes: [EALING, HOUNSLOW] })).id;
    officerId = (await insertUser(db)).id;
    // Oakfield, Birchwood and Cedar Lodge have homes in Ealing (UB1); Dale House, the in-house
    // fostering service of an LA, has its carers in Hounslow (TW3).
    for (const [provider, name, placementType, sector, postcodeDistrict, ofstedGrade] of [
      [oak, 'Oakfield Care', 'K2', 'private', 'UB1', 'good'],
      [birch, 'Birchwood Homes', 'K2', 'voluntary', 'UB1', 'not_yet_inspected'],
      [cedar, 'Cedar Lodge', 'K1', 'local_authority', 'UB1', 'good'],
      [dale, 'Dale House Fostering', 'U4', 'local_authority', 'TW3', 'outstanding'],
    ] as const) {
      provider.id = (await insertProvider(db, { name, sector })).id;
      const setting = await insertSetting(db, provider.id, { placementType, postcodeDistrict, ofstedGrade });
      provider.settingId = setting.id;
      provider.vacancyId = (await insertVacancy(db, setting, { beds: 4 })).id;
    }
    // Oakfield's school in Ealing, graded worse than its home, is its grade; Cedar Lodge's home in
    // Brent, outside the alliance and never holding its children, is not.
    await insertSetting(db, oak.id, { placementType: 'S1', ofstedGrade: 'requires_improvement' });
    await insertSetting(db, cedar.id, { placementType: 'K2', postcodeDistrict: 'HA0', ofstedGrade: 'inadequate' });
    userId = (await insertUser(db, { role: 'provider_user', providerId: oak.id })).id;
    const [r1, r2, r3, r4] = [await referral(), await referral(), await referral(), await referral()];
    // Matching shortlisted Oakfield and Birchwood for the first four; the placement team sent all
    // four to Oakfield half an hour later, and only the first and fourth to Birchwood.
    for (const r of [r1, r2, r3, r4]) {
      await shortlisted(oak, r, 0);
      await shortlisted(birch, r, 0);
      await sent(oak, r, 0.5, officerId);
    }
    await sent(birch, r1, 0.5, officerId);
    await sent(birch, r4, 0.5, officerId);
    // Oakfield: offers for three after 2, 4 and 6 hours, a decline for the fourth after 1 hour.
    const o1 = await offer(oak, r1, 2, 4_000);
    const o2 = await offer(oak, r2, 4, 6_000);
    const o3 = await offer(oak, r3, 6, 5_000);
    await decline(oak, r4, 1);
    // Birchwood: an offer for the fourth after 3 hours, a decline for the first after 10.
    const o4 = await offer(birch, r4, 3, 8_000);
    await decline(birch, r1, 10);
    // Oakfield's placements: one broke down within a year, one after it, one goes on.
    const p1 = await place(oak, r1, o1, 4_000, '2025-01-03', { on: '2025-03-01', planned: false });
    const p2 = await place(oak, r2, o2, 6_000, '2025-01-05', { on: '2026-06-01', planned: false });
    const p3 = await place(oak, r3, o3, 5_000, '2025-02-01');
    await place(birch, r4, o4, 8_000, '2025-01-10');
    await outcome(p1, 'achieved');
    await outcome(p2, 'not_achieved');
    await outcome(p3, 'in_progress');
    await feedback(p1, 2);
    await feedback(p2, 5);

    // Cedar Lodge, a K1 home. Shortlisted low for the fifth referral a day after it was made, it was
    // sent it automatically two days later, when a re-match brought it into the top providers, and
    // offered an hour after that; the placement broke down within a year.
    const [r5, r6, r7, r8] = [await referral(), await referral(), await referral(), await referral()];
    await shortlisted(cedar, r5, 24);
    await sent(cedar, r5, 72);
    const o5 = await offer(cedar, r5, 73, 3_000);
    await feedback(await place(cedar, r5, o5, 3_000, '2025-01-06', { on: '2025-03-01', planned: false }), 4);
    // The sixth was made and placed before sends were recorded: no send at all, so the providers
    // its shortlistings record count as sent it when first shortlisted (Birchwood, an hour after
    // it was made, which never answered). Cedar Lodge, not among them, offered two hours after its
    // making and was placed a month ago, its first year not known yet.
    await shortlisted(birch, r6, 1);
    const o6 = await offer(cedar, r6, 2, 3_600);
    await place(cedar, r6, o6, 3_600, new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10));
    // The seventh was in flight when sends began: Cedar Lodge, on its shortlist then, was sent it
    // as first shortlisted, five hours after its making, never answered, and a re-match has since
    // dropped it (the send stays on record). Oakfield, shortlisted after three hours and dropped
    // before sends began, declined two hours later: answering, it was reached.
    await shortlisted(oak, r7, 3);
    await shortlisted(cedar, r7, 5);
    await sent(cedar, r7, 5);
    await decline(oak, r7, 5);
    // The eighth's LA sends by hand and has sent it to nobody yet: Oakfield and Cedar Lodge are on
    // its shortlist, and neither has been asked.
    await shortlisted(oak, r8, 0);
    await shortlisted(cedar, r8, 0);
    // The ninth went to Dale House, placed by its offer four hours after the referral was made and
    // ended as planned four weeks later, with both its outcomes achieved.
    const r9 = await referral();
    const o9 = await offer(dale, r9, 4, 2_800);
    const p9 = await place(dale, r9, o9, 2_800, '2025-01-01', { on: '2025-01-29', planned: true });
    await outcome(p9, 'achieved');
    await outcome(p9, 'achieved');
    await feedback(p9, 5);
  });

  afterAll(async () => {
    await database?.close();
  });

  it('gives each provider its placements, stability, outcomes, cost against the type median, offer rate and response time', async () => {
    const benchmarks = await new ProviderBenchmarkRepository(db).forAlliance(allianceId);
    // The K2 median of 4,000, 6,000, 5,000 and 8,000 is 5,500.
    expect(benchmarks).toEqual([
      {
        providerId: birch.id,
        name: 'Birchwood Homes',
        placements: 1,
        unplannedEndings: 0,
        stabilityRate: 1,
        outcomesAchievedRate: null,
        meanWeeklyCost: 8_000,
        costToTypeMedian: 1.4545,
        // Sent the first and fourth, and the sixth by its shortlisting; an offer for one.
        referralsShortlisted: 3,
        offerRate: 0.3333,
        // 2.5 and 9.5 hours from the sends.
        medianResponseHours: 6,
        sector: 'voluntary',
        placementTypes: ['K2'],
        localAuthorityCodes: [EALING],
        ofstedGrade: 'not_yet_inspected',
        ratings: 0,
        averageRating: null,
        endedPlacements: 0,
        plannedEndingRate: null,
        endedOutcomesAchieved: 0,
        costPerOutcomeAchieved: null,
      },
      {
        providerId: cedar.id,
        name: 'Cedar Lodge',
        placements: 2,
        unplannedEndings: 1,
        // Of its placements, one's first year is known, and it broke down: the other says nothing yet.
        stabilityRate: 0,
        outcomesAchievedRate: null,
        meanWeeklyCost: 3_300,
        // The K1 median of 3,000 and 3,600 is 3,300.
        costToTypeMedian: 1,
        // The fifth and seventh, sent it, and the sixth, answered; offers for two.
        referralsShortlisted: 3,
        offerRate: 0.6667,
        // An hour from its send, two from the sixth referral's making.
        medianResponseHours: 1.5,
        sector: 'local_authority',
        placementTypes: ['K1'],
        localAuthorityCodes: [EALING],
        ofstedGrade: 'good',
        ratings: 1,
        averageRating: 4,
        endedPlacements: 1,
        plannedEndingRate: 0,
        endedOutcomesAchieved: 0,
        costPerOutcomeAchieved: null,
      },
      {
        providerId: dale.id,
        name: 'Dale House Fostering',
        placements: 1,
        unplannedEndings: 0,
        stabilityRate: 1,
        outcomesAchievedRate: 1,
        meanWeeklyCost: 2_800,
        costToTypeMedian: 1,
        referralsShortlisted: 1,
        offerRate: 1,
        medianResponseHours: 4,
        sector: 'local_authority',
        placementTypes: ['U4'],
        localAuthorityCodes: [HOUNSLOW],
        ofstedGrade: 'outstanding',
        ratings: 1,
        averageRating: 5,
        endedPlacements: 1,
        plannedEndingRate: 1,
        endedOutcomesAchieved: 2,
        // Four weeks at 2,800 is 11,200, over two outcomes.
        costPerOutcomeAchieved: 5_600,
      },
      {
        providerId: oak.id,
        name: 'Oakfield Care',
        placements: 3,
        unplannedEndings: 2,
        stabilityRate: 0.6667,
        outcomesAchievedRate: 0.5,
        meanWeeklyCost: 5_000,
        costToTypeMedian: 0.9091,
        // Sent the first four, and the seventh, answered; offers for three.
        referralsShortlisted: 5,
        offerRate: 0.6,
        // 1.5, 3.5, 5.5 and 0.5 hours from the sends, 2 from its shortlisting for the seventh.
        medianResponseHours: 2,
        sector: 'private',
        placementTypes: ['K2', 'S1'],
        localAuthorityCodes: [EALING],
        ofstedGrade: 'requires_improvement',
        ratings: 2,
        averageRating: 3.5,
        endedPlacements: 2,
        plannedEndingRate: 0,
        // The first placement's achieved outcome; the third's is still in progress, and it goes on.
        endedOutcomesAchieved: 1,
        // 57 days at 4,000 (32,571.43) and 512 at 6,000 (438,857.14) for one outcome achieved.
        costPerOutcomeAchieved: 471_429,
      },
    ]);
  });

  it('counts a provider shortlisted but never sent a referral as not asked, so its offer rate does not fall', async () => {
    const byId = new Map((await new ProviderBenchmarkRepository(db).forAlliance(allianceId)).map((b) => [b.providerId, b]));
    // Counting shortlistings as asks, Birchwood would have five referrals and an offer rate of 0.2,
    // Cedar Lodge four (the eighth) and a median of 25.5 hours (49 from its shortlisting for the
    // fifth), and Oakfield six.
    expect(byId.get(birch.id)).toMatchObject({ referralsShortlisted: 3, offerRate: 0.3333 });
    expect(byId.get(cedar.id)).toMatchObject({ referralsShortlisted: 3, offerRate: 0.6667, medianResponseHours: 1.5 });
    expect(byId.get(oak.id)).toMatchObject({ referralsShortlisted: 5, offerRate: 0.6 });
  });

  it('filters by a placement type, sector or LA of the settings that concern the alliance', async () => {
    const names = async (filter: BenchmarkFilter) => (await new ProviderBenchmarkRepository(db).forAlliance(allianceId, filter)).map((b) => b.name);
    expect(await names({ placementType: 'K2' })).toEqual(['Birchwood Homes', 'Oakfield Care']);
    expect(await names({ placementType: 'S1' })).toEqual(['Oakfield Care']);
    // Cedar Lodge's Brent home does not concern the alliance.
    expect(await names({ placementType: 'K2', sectors: ['local_authority'] })).toEqual([]);
    expect(await names({ sectors: ['local_authority'] })).toEqual(['Cedar Lodge', 'Dale House Fostering']);
    expect(await names({ sectors: ['private', 'voluntary'] })).toEqual(['Birchwood Homes', 'Oakfield Care']);
    expect(await names({ localAuthorityCode: HOUNSLOW })).toEqual(['Dale House Fostering']);
    expect(await names({ localAuthorityCode: 'E09000005' })).toEqual([]);
    expect(await names({ placementType: 'K1', localAuthorityCode: EALING, sectors: ['local_authority'] })).toEqual(['Cedar Lodge']);
  });

  it('sets in-house against independent, pooled over their placements, for the providers the filters keep', async () => {
    const repository = new ProviderBenchmarkRepository(db);
    expect((await repository.report(allianceId)).sectors).toEqual([
      {
        group: 'in_house',
        providers: 2,
        placements: 3,
        // (3,000 + 3,600 + 2,800) / 3.
        meanWeeklyCost: 3_133,
        // Ratings of 4 and 5.
        averageRating: 4.5,
        // 54 days at 3,000 (23,142.86) and 28 at 2,800 (11,200) for two outcomes.
        costPerOutcomeAchieved: 17_171,
        // Dale House's planned ending and Cedar Lodge's breakdown.
        plannedEndingRate: 0.5,
      },
      {
        group: 'independent',
        providers: 2,
        placements: 4,
        // (4,000 + 6,000 + 5,000 + 8,000) / 4.
        meanWeeklyCost: 5_750,
        averageRating: 3.5,
        costPerOutcomeAchieved: 471_429,
        plannedEndingRate: 0,
      },
    ]);
    const k2 = await repository.report(allianceId, { placementType: 'K2' });
    expect(k2.sectors[0]).toEqual({
      group: 'in_house',
      providers: 0,
      placements: 0,
      meanWeeklyCost: null,
      averageRating: null,
      costPerOutcomeAchieved: null,
      plannedEndingRate: null,
    });
    expect(k2.sectors[1]).toMatchObject({ providers: 2, placements: 4, meanWeeklyCost: 5_750 });
  });

  it("leaves out another alliance's placements and referrals", async () => {
    const other = await insertAlliance(db, { localAuthorityCodes: ['E09000005'] });
    expect(await new ProviderBenchmarkRepository(db).forAlliance(other.id)).toEqual([]);
  });
});
