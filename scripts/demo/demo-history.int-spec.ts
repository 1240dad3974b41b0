/**
 * The demo's three years of history, loaded as `npm run seed:demo` loads it, give back through the
 * sufficiency service the DfE figures they were drawn from: for each of the nine boroughs, the
 * shares of its placed referrals that were placed outside the borough, more than 20 miles from
 * home, and in each kind of placement, each within 2 percentage points.
 */
import type { DataSource } from 'typeorm';
import { addCalendarDays, SSDA903, todayInEngland } from '@app/domain';
import { ProviderBenchmarkRepository, SufficiencyRepository, type SufficiencyRow } from '@app/persistence';
import { claCalibration, PLACEMENT_CATEGORIES, placementCategoryOf, readOfstedProviders } from '@app/reference-data';
import { openOn, openTestDatabase, type OpenTestDatabase } from '@app/testing';
import { loadCatalogue, readPlanInputs } from './catalogue/load';
import { type HistoryResult, loadHistory } from './history/load';
import { buildDemoPlan } from './catalogue/plan';
import { ALLIANCE_LA_CODES, type DemoPlan, type LaInput } from './catalogue/types';
import type { HistoryDistrict } from './history/types';

/** Two percentage points. */
const TOLERANCE = 0.02;
const LOAD_TIMEOUT_MS = 90_000;

describe('demo history, calibrated on DfE children looked after figures', () => {
  let database: OpenTestDatabase;
  let db: DataSource;
  let inputs: { localAuthorities: LaInput[]; districts: HistoryDistrict[] };
  let catalogue: DemoPlan;
  let today: string;
  let allianceId: string;
  let history: HistoryResult;
  let rows: SufficiencyRow[];

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.dataSource;
    today = todayInEngland();
    inputs = await readPlanInputs(db);
    catalogue = buildDemoPlan({ ...inputs, ofsted: readOfstedProviders(), today });
    allianceId = (await db.transaction((manager) => loadCatalogue(manager, catalogue))).allianceId;
    history = await loadHistory(db, { catalogue, today, ...inputs });
    ({ rows } = await new SufficiencyRepository(db).compute(allianceId, history.plan.from, history.plan.to, openOn(history.plan.to)));
  }, LOAD_TIMEOUT_MS);

  afterAll(async () => {
    await database?.close();
  });

  it('covers three years and counts every placement the history made', () => {
    const days = (Date.parse(history.plan.to) - Date.parse(history.plan.from)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(3 * 365);
    expect(days).toBeLessThanOrEqual(3 * 365 + 1);
    expect(history.plan.to).toBe(today);
    const placed = rows.reduce((sum, row) => sum + row.placed, 0);
    expect(placed).toBe(history.plan.placements.length);
    expect(rows.reduce((sum, row) => sum + row.referrals, 0)).toBe(history.plan.referrals.length);
    expect(history.plan.misses).toBe(0);
  });

  it.each([...ALLIANCE_LA_CODES])('%s: out of area, over 20 miles and placement mix within 2 points of DfE', (la) => {
    const dfe = claCalibration(la);
    const mine = rows.filter((row) => row.localAuthorityCode === la);
    const placed = mine.reduce((sum, row) => sum + row.placed, 0);
    const share = (count: number) => count / placed;
    const figures: [string, number, number][] = [
      ['placed outside the LA', share(mine.reduce((s, r) => s + r.placedOutOfArea, 0)), dfe.outsideLaShare],
      ['placed over 20 miles from home', share(mine.reduce((s, r) => s + r.placedOver20Miles, 0)), dfe.over20MilesShare],
      ...PLACEMENT_CATEGORIES.map(
        (c) =>
          [
            c.dfe,
            share(mine.filter((r) => placementCategoryOf(r.placementType) === c.key).reduce((s, r) => s + r.placed, 0)),
            dfe.placementMix[c.key],
          ] as [string, number, number],
      ),
    ];
    expect(placed).toBeGreaterThan(200);
    const outside = figures
      .filter(([, service, expected]) => Math.abs(service - expected) > TOLERANCE)
      .map(([name, service, expected]) => `${name}: service ${(100 * service).toFixed(1)}%, DfE ${(100 * expected).toFixed(1)}%`);
    expect(outside).toEqual([]);
  });

  it("grades the catalogue's registered homes from Ofsted's register, verified as the api would store them", async () => {
    const [counts] = await db.query(
      `SELECT count(*) FILTER (WHERE ofsted_urn IS NOT NULL)::int AS registered,
              count(*) FILTER (WHERE ofsted_urn IS NOT NULL AND ofsted_grade_source = 'register' AND ofsted_inspected_on IS NOT NULL)::int AS verified
         FROM settings WHERE id = ANY($1)`,
      [catalogue.settings.map((setting) => setting.id)],
    );
    expect(counts.registered).toBeGreaterThan(0);
    expect(counts.verified).toBe(counts.registered);
  });

  it('opens a step-down referral for every emergency placement, and ends placements with SSDA903 reasons', async () => {
    const [row] = await db.query(
      `SELECT count(*) FILTER (WHERE r.urgency = 'emergency' AND NOT EXISTS (SELECT 1 FROM referrals f WHERE f.follows_referral_id = r.id))::int AS "withoutStepDown",
              count(*) FILTER (WHERE p.ended_on IS NOT NULL AND (p.end_reason IS NULL OR p.planned_ending IS NULL))::int AS "endedWithoutReason",
              count(*) FILTER (WHERE p.planned_ending = false)::int AS unplanned,
              count(*) FILTER (WHERE p.ended_on IS NULL)::int AS live
         FROM placements p JOIN referrals r ON r.id = p.referral_id`,
    );
    expect(row).toMatchObject({ withoutStepDown: 0, endedWithoutReason: 0 });
    expect(row.unplanned).toBeGreaterThan(0);
    expect(row.live).toBeGreaterThan(0);
    const reasons: { reason: string }[] = await db.query(`SELECT DISTINCT end_reason AS reason FROM placements WHERE end_reason IS NOT NULL`);
    const codes = Object.keys(SSDA903.reasonForPlacementChange);
    expect(reasons.map((r) => r.reason).filter((reason) => !codes.includes(reason))).toEqual([]);
  });

  it('dates everything in the order it happens, and never places one child twice at once', async () => {
    const [row] = await db.query(
      `SELECT count(*) FILTER (WHERE NOT (v.created_at <= o.created_at AND r.created_at <= o.created_at
                                          AND o.created_at <= p.created_at AND (p.created_at AT TIME ZONE 'Europe/London')::date <= p.start_date
                                          AND p.start_date <= coalesce(p.ended_on, p.start_date)))::int AS "outOfOrder",
              count(*) FILTER (WHERE f.id IS NOT NULL AND f.created_at < p.created_at)::int AS "stepDownBeforeItsEmergency"
         FROM placements p
         JOIN offers o ON o.id = p.offer_id
         JOIN vacancies v ON v.id = p.vacancy_id
         JOIN referrals r ON r.id = p.referral_id
         LEFT JOIN referrals f ON f.follows_referral_id = r.id`,
    );
    expect(row).toEqual({ outOfOrder: 0, stepDownBeforeItsEmergency: 0 });
    const [overlap] = await db.query(
      `SELECT count(*)::int AS n
         FROM placements a JOIN referrals ra ON ra.id = a.referral_id
         JOIN referrals rb ON rb.child_id = ra.child_id
         JOIN placements b ON b.referral_id = rb.id AND b.id <> a.id
        WHERE a.start_date < coalesce(b.ended_on, 'infinity') AND b.start_date < coalesce(a.ended_on, 'infinity')`,
    );
    expect(overlap.n).toBe(0);
  });

  it("keeps the supply the worker's nightly snapshots would have: each day's beds open until the day they were taken", async () => {
    const dayBefore = (iso: string) => new Date(Date.parse(iso) - 86_400_000).toISOString().slice(0, 10);
    const bedsOf = new Map(history.plan.placements.map((p) => [p.vacancyId, p.bedsTaken]));
    for (const day of [addCalendarDays(history.plan.from, 200), addCalendarDays(history.plan.from, 700), dayBefore(history.plan.anchor)]) {
      // Worked out from the plan: open from its first available day to the day before its acceptance.
      const expected = history.plan.vacancies
        .filter((v) => v.availableFrom <= day && day < v.updatedAt.slice(0, 10))
        .reduce((sum, v) => sum + bedsOf.get(v.id)!, 0);
      const [{ beds, needBeds }] = await db.query(
        `SELECT (SELECT coalesce(sum(beds), 0)::int FROM supply_snapshots WHERE day = $1) AS beds,
                (SELECT count(*)::int FROM supply_need_snapshots WHERE day = $1) AS "needBeds"`,
        [day],
      );
      expect(expected).toBeGreaterThan(0);
      expect(beds).toBe(expected);
      expect(needBeds).toBeGreaterThan(0);
    }
    // Every complete month of the trend has its supply, from a snapshot.
    const lastMonthEnd = dayBefore(`${today.slice(0, 7)}-01`);
    const months = await new SufficiencyRepository(db).trend(allianceId, addCalendarDays(lastMonthEnd, -360), lastMonthEnd, today);
    expect(months.map((month) => month.supply?.source)).toEqual(months.map(() => 'snapshot'));
  });

  it('records who else each shortlist reached and sent each of them the referral, so the benchmarks show offer rates and response times', async () => {
    const [row] = await db.query(
      `SELECT count(*)::int AS shortlistings, count(DISTINCT referral_id)::int AS referrals,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM providers p WHERE p.id = s.provider_id))::int AS unknown,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM referral_recipients sent
                                                  WHERE sent.referral_id = s.referral_id AND sent.provider_id = s.provider_id
                                                    AND sent.sent_at = s.first_shortlisted_at AND sent.sent_by_user_id IS NULL))::int AS "notSentThen",
              (SELECT count(*)::int FROM referral_recipients) AS recipients,
              (SELECT count(*)::int FROM referral_recipients sent JOIN offers o USING (referral_id, provider_id)
                WHERE sent.vacancy_ids = ARRAY[o.vacancy_id]) AS "sentTheVacancyOffered"
         FROM referral_shortlistings s`,
    );
    expect(row.referrals).toBe(history.plan.placements.length);
    expect(row.shortlistings).toBeGreaterThan(2 * row.referrals);
    expect(row.unknown).toBe(0);
    // Each provider a shortlist reached was sent the referral automatically as it was shortlisted, and no other.
    expect(row).toMatchObject({ notSentThen: 0, recipients: row.shortlistings, sentTheVacancyOffered: row.referrals });
    const benchmarks = await new ProviderBenchmarkRepository(db).forAlliance(allianceId);
    const offered = benchmarks.filter((b) => b.placements > 0);
    expect(offered.every((b) => b.offerRate !== null && b.offerRate > 0 && b.offerRate <= 1)).toBe(true);
    expect(offered.some((b) => b.offerRate! < 1)).toBe(true);
    expect(offered.every((b) => b.medianResponseHours !== null && b.medianResponseHours >= 0)).toBe(true);
    // The same offer rate across the alliance: one offer for each placed referral, of every provider sent it.
    const reached = benchmarks.reduce((sum, b) => sum + b.referralsShortlisted, 0);
    expect(reached).toBe(row.recipients);
  });

  it("agrees outcomes for each placement, with each one's journey to where it stands, so the benchmarks show outcomes achieved", async () => {
    const [row] = await db.query(
      `SELECT count(DISTINCT o.placement_id)::int AS placements, count(*)::int AS outcomes,
              count(*) FILTER (WHERE o.status IN ('achieved', 'not_achieved'))::int AS settled,
              count(*) FILTER (WHERE o.status = 'achieved')::int AS achieved,
              count(*) FILTER (WHERE last.status IS DISTINCT FROM o.status)::int AS "journeyDisagrees",
              count(*) FILTER (WHERE o.status IN ('achieved', 'not_achieved') AND last.role <> 'placement_officer')::int AS "settledByProvider",
              count(*) FILTER (WHERE o.created_at < p.created_at OR (p.ended_on IS NOT NULL AND last.at::date > greatest(p.ended_on, o.target_date)))::int AS "outOfOrder"
         FROM placement_outcomes o
         JOIN placements p ON p.id = o.placement_id
         CROSS JOIN LATERAL (SELECT u.status, u.recorded_by_role AS role, u.recorded_at AT TIME ZONE 'Europe/London' AS at
                               FROM outcome_updates u WHERE u.outcome_id = o.id ORDER BY u.recorded_at DESC LIMIT 1) last`,
    );
    expect(row.placements).toBe(history.plan.placements.length);
    expect(row.outcomes).toBe(history.plan.outcomes.length);
    expect(row).toMatchObject({ journeyDisagrees: 0, settledByProvider: 0, outOfOrder: 0 });
    // Most are settled by now; about two in three of those achieved.
    expect(row.settled / row.outcomes).toBeGreaterThan(0.5);
    expect(row.achieved / row.settled).toBeGreaterThan(0.5);
    expect(row.achieved / row.settled).toBeLessThan(0.8);
    const benchmarks = await new ProviderBenchmarkRepository(db).forAlliance(allianceId);
    expect(benchmarks.filter((b) => b.placements >= 20).every((b) => b.outcomesAchievedRate !== null)).toBe(true);
  });

  it(
    'adds nothing when loaded again, even on a later day: the history keeps the day it was anchored on',
    async () => {
      const again = await loadHistory(db, { catalogue, today: addCalendarDays(today, 3), ...inputs });
      expect(again.existing).toBe(true);
      expect(again.plan.anchor).toBe(history.plan.anchor);
      expect(Object.values(again.added).every((n) => n === 0)).toBe(true);
    },
    LOAD_TIMEOUT_MS,
  );
});
