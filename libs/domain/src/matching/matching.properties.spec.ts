import { VacancyIndex } from './vacancy-index';
import { bestScoreBeyond } from './bounds';
import fc from 'fast-check';
import { GENDERS, OFSTED_GRADES, SETTING_PLACEMENT_TYPES, URGENCIES } from '../codes/ssda903';
import { NEED_CODES } from '../needs/needs-taxonomy';
import { distanceMiles } from './distance';
import { checkEligibility } from './eligibility';
import { rankVacancies } from './rank';
import { scoreVacancy } from './score';
import { isStaleVacancy } from './staleness';
import type { ExclusionReason, MatchReferral, MatchVacancy, MatchingWeights, ScoreBreakdown } from './types';
import { DEFAULT_WEIGHTS, costCannotOutweighNeedsAndProximity } from './weights';

/**
 * Properties of matching (issue 3, item 2). The generators stay realistic: places inside England's
 * bounding box, needs from the taxonomy at levels 1-3, SSDA903 placement types and legal statuses,
 * weekly costs of a few hundred to a few tens of thousands of pounds.
 */

// ---- generators -------------------------------------------------------------------------------

const LOCAL_AUTHORITIES = ['E09000009', 'E09000018', 'E08000025', 'E10000008'];
const LEGAL_STATUSES = ['C1', 'C2', 'E1', 'J1', 'J2', 'V2'];

const day = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A number spread evenly over [min, max]. fc.double spreads over the binary representations, so
 * most of its values in [-5.7, 1.8] or [0, 1] huddle next to zero: every place near Greenwich.
 */
const between = (min: number, max: number) => fc.integer({ min: 0, max: 1_000_000 }).map((i) => min + ((max - min) * i) / 1_000_000);
const fraction = between(0, 1);

const englandPoint = fc.record({ latitude: between(50, 55.8), longitude: between(-5.7, 1.8) });

/** Somewhere within a few miles to a few hundred of a place, so every proximity band turns up. */
const pointNear = (centre: { latitude: number; longitude: number }) =>
  fc.oneof(
    englandPoint,
    ...[0.4, 0.12].map((degrees) =>
      fc
        .record({ dLat: between(-degrees, degrees), dLon: between(-1.5 * degrees, 1.5 * degrees) })
        .map(({ dLat, dLon }) => ({ latitude: centre.latitude + dLat, longitude: centre.longitude + dLon })),
    ),
  );

const childNeeds = fc.uniqueArray(
  fc.record({ code: fc.constantFrom(...NEED_CODES), level: fc.integer({ min: 1, max: 3 }), essential: fc.boolean() }),
  { selector: (need) => need.code, maxLength: 6 },
);

const referralArb: fc.Arbitrary<MatchReferral> = fc
  .record({
    urgency: fc.constantFrom(...URGENCIES),
    today: day,
    leadDays: fc.integer({ min: 0, max: 56 }),
    ageDays: fc.integer({ min: 0, max: 18 * 365 - 1 }),
    placementTypes: fc.subarray([...SETTING_PLACEMENT_TYPES], { minLength: 1 }),
    maxDistanceMiles: fc.option(fc.integer({ min: 5, max: 250 }), { freq: 2 }),
    weeklyBudget: fc.option(fc.integer({ min: 800, max: 12_000 }), { freq: 4 }),
    localAuthorityCode: fc.constantFrom(...LOCAL_AUTHORITIES),
    gender: fc.constantFrom(...GENDERS),
    legalStatus: fc.constantFrom(...LEGAL_STATUSES),
    needs: childNeeds,
    siblingGroupSize: fc.oneof({ arbitrary: fc.constant(1), weight: 4 }, { arbitrary: fc.integer({ min: 2, max: 4 }), weight: 1 }),
    home: englandPoint,
    homeLa: fc.option(fc.constantFrom(...LOCAL_AUTHORITIES), { freq: 6 }),
    staleDays: fc.option(fc.integer({ min: 1, max: 10 }), { freq: 4 }),
  })
  .map((r) => {
    const requiredBy = r.urgency === 'emergency' ? r.today : addDays(r.today, r.leadDays);
    return {
      id: 'referral',
      urgency: r.urgency,
      requiredBy,
      today: r.today,
      ...(r.staleDays === null ? {} : { freshFrom: addDays(r.today, -(r.staleDays - 1)) }),
      placementTypes: r.placementTypes,
      maxDistanceMiles: r.maxDistanceMiles,
      weeklyBudget: r.weeklyBudget,
      localAuthorityCode: r.localAuthorityCode,
      child: {
        dateOfBirth: addDays(requiredBy, -r.ageDays),
        gender: r.gender,
        legalStatus: r.legalStatus,
        needs: r.needs,
        siblingGroupSize: r.siblingGroupSize,
        home: { ...r.home, localAuthorityCode: r.homeLa },
      },
    };
  });

const neededOn = (referral: MatchReferral) =>
  referral.urgency === 'emergency' || referral.requiredBy < referral.today ? referral.today : referral.requiredBy;

/**
 * A vacancy for the referral that meets each hard constraint most of the time, so that a list of
 * them holds both eligible and excluded ones, for every reason.
 */
const vacancyFor = (referral: MatchReferral): fc.Arbitrary<Omit<MatchVacancy, 'id'>> => {
  const mostly = <T>(fitting: fc.Arbitrary<T>, anything: fc.Arbitrary<T>) =>
    fc.oneof({ arbitrary: fitting, weight: 6 }, { arbitrary: anything, weight: 1 });
  const needs = referral.child.needs;
  return fc
    .record({
      status: mostly(fc.constant('open' as const), fc.constantFrom('open' as const, 'filled' as const, 'withdrawn' as const)),
      beds: mostly(fc.integer({ min: referral.child.siblingGroupSize, max: 5 }), fc.integer({ min: 0, max: 5 })),
      fromOffset: mostly(fc.integer({ min: -60, max: 0 }), fc.integer({ min: -60, max: 30 })),
      untilOffset: fc.option(mostly(fc.integer({ min: 0, max: 120 }), fc.integer({ min: -30, max: 120 })), { freq: 2 }),
      weeklyCost: fc.integer({ min: 300, max: 25_000 }),
      emergencyReady: mostly(fc.constant(true), fc.boolean()),
      reservedFor: mostly(
        fc.constant(null),
        fc.record(
          {
            legalStatuses: fc.subarray(LEGAL_STATUSES, { minLength: 1 }),
            localAuthorityCodes: fc.subarray(LOCAL_AUTHORITIES, { minLength: 1 }),
          },
          { requiredKeys: [] },
        ),
      ),
      placementType: mostly(fc.constantFrom(...referral.placementTypes), fc.constantFrom(...SETTING_PLACEMENT_TYPES)),
      ofstedGrade: fc.constantFrom(...OFSTED_GRADES),
      ages: mostly(
        fc.constant({ ageMin: 0, ageMax: 17 }),
        fc.tuple(fc.integer({ min: 0, max: 17 }), fc.integer({ min: 0, max: 17 })).map(([a, b]) => ({ ageMin: Math.min(a, b), ageMax: Math.max(a, b) })),
      ),
      genders: mostly(fc.constant([...GENDERS] as string[]), fc.subarray([...GENDERS] as string[])),
      // The level each of the child's needs is supported at (0: not at all), then some others.
      levels: fc.tuple(...needs.map((need) => mostly(fc.integer({ min: need.level, max: 3 }), fc.integer({ min: 0, max: 3 })))),
      otherNeeds: fc.uniqueArray(fc.record({ code: fc.constantFrom(...NEED_CODES), level: fc.integer({ min: 1, max: 3 }) }), {
        selector: (need) => need.code,
        maxLength: 4,
      }),
      needsExcluded: mostly(fc.constant([] as string[]), fc.subarray([...NEED_CODES] as string[], { maxLength: 3 })),
      place: pointNear(referral.child.home),
      localAuthorityCode: fc.option(fc.constantFrom(...LOCAL_AUTHORITIES), { freq: 8 }),
      providerStability: fc.option(fraction, { freq: 2 }),
      confirmedAgo: fc.option(fc.integer({ min: 0, max: 14 }), { freq: 5 }),
    })
    .map((v) => {
      const from = addDays(neededOn(referral), v.fromOffset);
      const childCodes = new Set(needs.map((need) => need.code));
      return {
        settingId: 'setting',
        providerId: 'provider',
        status: v.status,
        beds: v.beds,
        availableFrom: from,
        availableUntil: v.untilOffset === null ? null : addDays(neededOn(referral), v.untilOffset),
        weeklyCost: v.weeklyCost,
        emergencyReady: v.emergencyReady,
        reservedFor: v.reservedFor,
        providerStability: v.providerStability,
        ...(v.confirmedAgo === null ? {} : { confirmedOn: addDays(referral.today, -v.confirmedAgo) }),
        setting: {
          placementType: v.placementType,
          ofstedGrade: v.ofstedGrade,
          ...v.ages,
          genders: v.genders,
          needsSupported: [
            ...needs.flatMap((need, i) => (v.levels[i] > 0 ? [{ code: need.code, level: v.levels[i] }] : [])),
            ...v.otherNeeds.filter((need) => !childCodes.has(need.code)),
          ],
          needsExcluded: v.needsExcluded,
          ...v.place,
          localAuthorityCode: v.localAuthorityCode,
        },
      };
    });
};

/** Vacancies with distinct ids, some of them identical but for the id so that ties happen. */
const vacanciesFor = (referral: MatchReferral, maxLength = 40) =>
  fc
    .array(vacancyFor(referral), { maxLength })
    .chain((list) => fc.tuple(fc.constant(list), fc.subarray(list)))
    // Some twins differ in freshness alone, so the stale-after-fresh tie-break is exercised.
    .map(([list, twins]) =>
      [...list, ...twins.map((twin, i) => (i % 2 === 0 ? twin : { ...twin, confirmedOn: addDays(referral.today, twin.confirmedOn === undefined ? -30 : 0) }))].map((vacancy, i) => ({ ...vacancy, id: `v-${String(i).padStart(3, '0')}` }) as MatchVacancy),
    );

const scenario = referralArb.chain((referral) => fc.tuple(fc.constant(referral), vacanciesFor(referral)));
const oneVacancy = referralArb.chain((referral) =>
  fc.tuple(fc.constant(referral), vacancyFor(referral).map((v) => ({ ...v, id: 'v-1' }) as MatchVacancy)),
);

/** Any valid weights: five shares of 100, in hundredths, summing to exactly 100. */
const weightsArb: fc.Arbitrary<MatchingWeights> = fc
  .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 4, maxLength: 4 })
  .map((cuts) => {
    const [a, b, c, d] = [...cuts].sort((x, y) => x - y);
    return { needs: a / 100, proximity: (b - a) / 100, quality: (c - b) / 100, continuity: (d - c) / 100, cost: (10_000 - d) / 100 };
  });
const anyWeights = fc.oneof(fc.constant(DEFAULT_WEIGHTS as MatchingWeights), weightsArb);

const sumOf = (b: ScoreBreakdown) => b.needs + b.proximity + b.quality + b.continuity + b.cost;
const withSetting = (vacancy: MatchVacancy, setting: Partial<MatchVacancy['setting']>): MatchVacancy => ({
  ...vacancy,
  setting: { ...vacancy.setting, ...setting },
});

// ---- properties -------------------------------------------------------------------------------

describe('matching properties', () => {
  it('never ranks a vacancy that fails a hard constraint; lists it with exactly its reasons', () => {
    fc.assert(
      fc.property(scenario, anyWeights, ([referral, vacancies], weights) => {
        const { matches, exclusions } = rankVacancies(referral, vacancies, weights, { limit: Number.POSITIVE_INFINITY });
        const matched = new Set(matches.map((m) => m.vacancyId));
        const excluded = new Map(exclusions.map((e) => [e.vacancyId, e.reasons]));
        expect(matched.size + excluded.size).toBe(vacancies.length);
        for (const vacancy of vacancies) {
          const reasons = checkEligibility(referral, vacancy);
          if (reasons.length === 0) expect(matched.has(vacancy.id)).toBe(true);
          else expect(excluded.get(vacancy.id)).toEqual(reasons);
        }
      }),
      { numRuns: 200 },
    );
  });

  /** One change to an eligible vacancy (or its referral) that breaks exactly one named constraint. */
  const breakers: Record<ExclusionReason, (r: MatchReferral, v: MatchVacancy) => [MatchReferral, MatchVacancy] | null> = {
    TYPE_NOT_ACCEPTED: (r, v) => {
      const other = SETTING_PLACEMENT_TYPES.find((type) => !r.placementTypes.includes(type));
      return other ? [r, withSetting(v, { placementType: other })] : null;
    },
    AGE_OUT_OF_RANGE: (r, v) => [r, withSetting(v, { ageMin: 18, ageMax: 18 })],
    GENDER_NOT_ACCEPTED: (r, v) => [r, withSetting(v, { genders: v.setting.genders.filter((g) => g !== r.child.gender) })],
    NEED_NOT_SUPPORTED: (r, v) => {
      const essential = r.child.needs.find((need) => need.essential);
      if (!essential) return null;
      const needsSupported = v.setting.needsSupported.filter((need) => need.code !== essential.code);
      return [r, withSetting(v, { needsSupported: [...needsSupported, { code: essential.code, level: essential.level - 1 }] })];
    },
    NEED_EXCLUDED: (r, v) => (r.child.needs.length ? [r, withSetting(v, { needsExcluded: [r.child.needs[0].code] })] : null),
    NOT_AVAILABLE_IN_TIME: (r, v) => [r, { ...v, availableFrom: addDays(neededOn(r), 1) }],
    NOT_EMERGENCY_READY: (r, v) => (r.urgency === 'emergency' ? [r, { ...v, emergencyReady: false }] : null),
    TOO_FAR: (r, v) => {
      const miles = distanceMiles(r.child.home, v.setting);
      return miles > 0.01 ? [{ ...r, maxDistanceMiles: miles * 0.99 }, v] : null;
    },
    INSUFFICIENT_BEDS: (r, v) => [{ ...r, child: { ...r.child, siblingGroupSize: v.beds + 1 } }, v],
    INADEQUATE_RATING: (r, v) => [r, withSetting(v, { ofstedGrade: 'inadequate' })],
    RESERVED: (r, v) => [r, { ...v, reservedFor: { localAuthorityCodes: ['E06000001'] } }],
    NOT_OPEN: (r, v) => [r, { ...v, status: 'withdrawn' }],
  };

  it('excludes an eligible vacancy, with that reason, as soon as it breaks any one constraint', () => {
    fc.assert(
      fc.property(oneVacancy, fc.constantFrom(...(Object.keys(breakers) as ExclusionReason[])), ([referral, vacancy], reason) => {
        fc.pre(checkEligibility(referral, vacancy).length === 0);
        const broken = breakers[reason](referral, vacancy);
        fc.pre(broken !== null);
        const [r, v] = broken!;
        const { matches, exclusions } = rankVacancies(r, [v], DEFAULT_WEIGHTS);
        expect(matches).toEqual([]);
        expect(exclusions[0].reasons).toContain(reason);
      }),
      { numRuns: 300 },
    );
  });

  describe('VacancyIndex', () => {
    const openOnes = (vacancies: MatchVacancy[]) => vacancies.filter((v) => v.status === 'open' && v.beds >= 1);
    // Dense enough near the child that a shortlist fills inside a search radius and stops early.
    const dense = referralArb.chain((referral) => fc.tuple(fc.constant(referral), vacanciesFor(referral, 250)));

    it('matches exactly as ranking every open vacancy does', () => {
      fc.assert(
        fc.property(dense, anyWeights, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 30 }), ([referral, vacancies], weights, limit, exclusionLimit) => {
          const index = new VacancyIndex(vacancies);
          const expected = rankVacancies(referral, openOnes(vacancies), weights, { limit, exclusionLimit });
          expect(index.match(referral, weights, { limit, exclusionLimit })).toEqual(expected);
        }),
        { numRuns: 150 },
      );
    });

    it('stays exact through changes, withdrawals and re-openings', () => {
      fc.assert(
        fc.property(dense, fc.array(fc.tuple(fc.nat(), fc.constantFrom('withdraw', 'fill', 'move', 'reopen')), { maxLength: 60 }), ([referral, vacancies], changes) => {
          fc.pre(vacancies.length > 0);
          const current = new Map(vacancies.map((v) => [v.id, v]));
          const index = new VacancyIndex(vacancies);
          for (const [pick, change] of changes) {
            const before = vacancies[pick % vacancies.length];
            const after: MatchVacancy =
              change === 'withdraw'
                ? { ...before, status: 'withdrawn' }
                : change === 'fill'
                  ? { ...before, status: 'filled', beds: 0 }
                  : change === 'move'
                    ? withSetting(before, { latitude: referral.child.home.latitude + 0.01, longitude: referral.child.home.longitude })
                    : { ...before, status: 'open', beds: Math.max(1, before.beds) };
            current.set(after.id, after);
            index.upsert(after);
          }
          const open = openOnes([...current.values()]);
          expect(index.size).toBe(open.length);
          expect(index.match(referral, DEFAULT_WEIGHTS, { limit: 5, exclusionLimit: 10 })).toEqual(
            rankVacancies(referral, open, DEFAULT_WEIGHTS, { limit: 5, exclusionLimit: 10 }),
          );
        }),
        { numRuns: 100 },
      );
    });
  });

  it('never scores a vacancy further than a radius above bestScoreBeyond(radius)', () => {
    fc.assert(
      fc.property(oneVacancy, anyWeights, fc.double({ min: 0, max: 300, noNaN: true }), ([referral, vacancy], weights, radius) => {
        fc.pre(distanceMiles(referral.child.home, vacancy.setting) > radius);
        const score = scoreVacancy(referral, vacancy, weights).score;
        expect(score).toBeLessThanOrEqual(bestScoreBeyond(radius, weights) + 1e-9);
        // Knowing the vacancy lies outside an LA takes that LA's bonus off the bound.
        const la = vacancy.setting.localAuthorityCode;
        const homeLa = referral.child.home.localAuthorityCode ?? referral.localAuthorityCode;
        const options = { placingLaPossible: la === referral.localAuthorityCode, homeLaPossible: la === homeLa };
        expect(score).toBeLessThanOrEqual(bestScoreBeyond(radius, weights, options) + 1e-9);
      }),
      { numRuns: 1000 },
    );
  });

  it('scores within 0-100, and the score is the sum of its breakdown to 0.01', () => {
    fc.assert(
      fc.property(oneVacancy, anyWeights, ([referral, vacancy], weights) => {
        const { score, breakdown } = scoreVacancy(referral, vacancy, weights);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(Math.abs(score - sumOf(breakdown))).toBeLessThan(0.01);
        for (const key of Object.keys(breakdown) as (keyof ScoreBreakdown)[]) {
          expect(breakdown[key]).toBeGreaterThanOrEqual(0);
          expect(breakdown[key]).toBeLessThanOrEqual(weights[key] + 1e-9);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never scores a setting lower for being closer to the child (same LA)', () => {
    fc.assert(
      fc.property(oneVacancy, fraction, anyWeights, ([referral, vacancy], t, weights) => {
        const { latitude, longitude } = referral.child.home;
        // Part of the way towards the child's home, in the same LA as before.
        const moved = withSetting(vacancy, {
          latitude: latitude + t * (vacancy.setting.latitude - latitude),
          longitude: longitude + t * (vacancy.setting.longitude - longitude),
        });
        const [near, far] =
          distanceMiles(referral.child.home, moved.setting) <= distanceMiles(referral.child.home, vacancy.setting) ? [moved, vacancy] : [vacancy, moved];
        expect(scoreVacancy(referral, near, weights).score).toBeGreaterThanOrEqual(scoreVacancy(referral, far, weights).score);
      }),
      { numRuns: 500 },
    );
  });

  it('never scores a setting lower for supporting one more of the child\'s needs, or one at a higher level', () => {
    fc.assert(
      fc.property(oneVacancy, fc.nat(), fc.integer({ min: 1, max: 3 }), anyWeights, ([referral, vacancy], pick, raise, weights) => {
        fc.pre(referral.child.needs.length > 0);
        const need = referral.child.needs[pick % referral.child.needs.length];
        const current = vacancy.setting.needsSupported.find((s) => s.code === need.code)?.level ?? 0;
        const better = withSetting(vacancy, {
          needsSupported: [
            ...vacancy.setting.needsSupported.filter((s) => s.code !== need.code),
            { code: need.code, level: Math.min(3, current + raise) },
          ],
        });
        expect(scoreVacancy(referral, better, weights).score).toBeGreaterThanOrEqual(scoreVacancy(referral, vacancy, weights).score);
      }),
      { numRuns: 500 },
    );
  });

  it('never scores a vacancy lower for costing less', () => {
    fc.assert(
      fc.property(oneVacancy, fraction, anyWeights, ([referral, vacancy], share, weights) => {
        const cheaper = { ...vacancy, weeklyCost: Math.round(vacancy.weeklyCost * share) };
        expect(scoreVacancy(referral, cheaper, weights).score).toBeGreaterThanOrEqual(scoreVacancy(referral, vacancy, weights).score);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same ranking for the same inputs, in any order, best first, ties fresh before stale then by id', () => {
    const shuffled = scenario.chain(([referral, vacancies]) =>
      fc.tuple(fc.constant(referral), fc.constant(vacancies), fc.shuffledSubarray(vacancies, { minLength: vacancies.length })),
    );
    fc.assert(
      fc.property(shuffled, fc.integer({ min: 1, max: 60 }), anyWeights, ([referral, vacancies, reordered], limit, weights) => {
        const first = rankVacancies(referral, vacancies, weights, { limit });
        expect(rankVacancies(referral, vacancies, weights, { limit })).toEqual(first);
        expect(rankVacancies(referral, reordered, weights, { limit })).toEqual(first);
        first.matches.forEach((match, i) => {
          expect(match.rank).toBe(i + 1);
          const next = first.matches[i + 1];
          if (next) {
            const stale = (id: string) => isStaleVacancy(vacancies.find((v) => v.id === id)!.confirmedOn, referral.freshFrom);
            const [a, b] = [stale(match.vacancyId), stale(next.vacancyId)];
            expect(
              match.score > next.score || (match.score === next.score && ((!a && b) || (a === b && match.vacancyId < next.vacancyId))),
            ).toBe(true);
          }
        });
        first.exclusions.forEach((exclusion, i) => {
          const next = first.exclusions[i + 1];
          if (next) {
            expect(
              exclusion.distanceMiles < next.distanceMiles || (exclusion.distanceMiles === next.distanceMiles && exclusion.vacancyId < next.vacancyId),
            ).toBe(true);
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  describe('cost never outweighs needs and proximity', () => {
    /**
     * The rule: for two vacancies for the same referral whose quality and continuity parts are
     * equal, if A's needs and proximity parts are each at least B's and one is greater, A scores
     * more than B whatever either costs.
     */
    function expectRuleHolds(referral: MatchReferral, x: MatchVacancy, y: MatchVacancy, weights: MatchingWeights) {
      const sx = scoreVacancy(referral, x, weights);
      const sy = scoreVacancy(referral, y, weights);
      fc.pre(sx.breakdown.quality === sy.breakdown.quality && sx.breakdown.continuity === sy.breakdown.continuity);
      const dominates = (a: ScoreBreakdown, b: ScoreBreakdown) =>
        a.needs >= b.needs && a.proximity >= b.proximity && (a.needs > b.needs || a.proximity > b.proximity);
      fc.pre(dominates(sx.breakdown, sy.breakdown) || dominates(sy.breakdown, sx.breakdown));
      const [better, worse] = dominates(sx.breakdown, sy.breakdown) ? [sx, sy] : [sy, sx];
      expect(better.score).toBeGreaterThan(worse.score);
    }

    /** A pair for one referral with the same grade, provider record and LA: equal quality parts. */
    const pair = referralArb.chain((referral) =>
      fc.tuple(
        fc.constant(referral),
        vacancyFor(referral),
        vacancyFor(referral),
        // Costs from far under to far over any budget, the extremes included.
        fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(0, 1_000_000)),
        fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(0, 1_000_000)),
      ),
    );
    const asPair = ([referral, a, b, costA, costB]: [MatchReferral, Omit<MatchVacancy, 'id'>, Omit<MatchVacancy, 'id'>, number, number]) => {
      const x = { ...a, id: 'v-a', weeklyCost: costA } as MatchVacancy;
      const y = {
        ...b,
        id: 'v-b',
        weeklyCost: costB,
        providerStability: a.providerStability,
        setting: { ...b.setting, ofstedGrade: a.setting.ofstedGrade, localAuthorityCode: a.setting.localAuthorityCode },
      } as MatchVacancy;
      return [referral, x, y] as const;
    };

    it('with the default weights, for any two vacancies', () => {
      fc.assert(
        fc.property(pair, (generated) => {
          const [referral, x, y] = asPair(generated);
          expectRuleHolds(referral, x, y, DEFAULT_WEIGHTS);
        }),
        { numRuns: 1000 },
      );
    });

    it('with the default weights, in the worst case: one step better on needs, priced far over budget', () => {
      fc.assert(
        fc.property(oneVacancy, fc.nat(), fc.integer({ min: 0, max: 100_000 }), ([referral, vacancy], pick, cheapCost) => {
          fc.pre(referral.child.needs.length > 0 && referral.weeklyBudget !== null);
          const need = referral.child.needs[pick % referral.child.needs.length];
          const others = vacancy.setting.needsSupported.filter((s) => s.code !== need.code);
          const better = { ...withSetting(vacancy, { needsSupported: [...others, { code: need.code, level: 3 }] }), weeklyCost: 1_000_000 };
          const worse = { ...withSetting(vacancy, { needsSupported: others }), id: 'v-2', weeklyCost: Math.min(cheapCost, referral.weeklyBudget!) };
          expectRuleHolds(referral, better, worse, DEFAULT_WEIGHTS);
        }),
        { numRuns: 500 },
      );
    });

    it('with the default weights, in the worst case: one band nearer, priced far over budget', () => {
      fc.assert(
        fc.property(oneVacancy, fraction, ([referral, vacancy], t) => {
          fc.pre(referral.weeklyBudget !== null);
          const { latitude, longitude } = referral.child.home;
          const nearer = withSetting(vacancy, {
            latitude: latitude + t * (vacancy.setting.latitude - latitude),
            longitude: longitude + t * (vacancy.setting.longitude - longitude),
          });
          expectRuleHolds(referral, { ...nearer, weeklyCost: 1_000_000 }, { ...vacancy, id: 'v-2', weeklyCost: 0 }, DEFAULT_WEIGHTS);
        }),
        { numRuns: 1000 },
      );
    });

    it('with any weights that costCannotOutweighNeedsAndProximity accepts', () => {
      const guarded = weightsArb.filter(costCannotOutweighNeedsAndProximity);
      fc.assert(
        fc.property(pair, guarded, (generated, weights) => {
          const [referral, x, y] = asPair(generated);
          expectRuleHolds(referral, x, y, weights);
        }),
        { numRuns: 500 },
      );
    });
  });
});
