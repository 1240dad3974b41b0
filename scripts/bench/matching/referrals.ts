/** The benchmark's referrals: children across England, submitted as intake submits them. */
import { addCalendarDays } from '@app/domain';
import { ReferralRepository } from '@app/persistence';
import type { NewReferral } from '@app/persistence';
import { buildReferral } from '@app/testing';
import { Prng } from '../../demo/deterministic';
import type { Model } from './england-model';
import { seedOf } from './seeded-random';

const CHILD_NEEDS = [
  ['trauma', 10],
  ['challenging-behaviour', 8],
  ['going-missing', 6],
  ['self-harm', 5],
  ['mental-health', 6],
  ['cse-risk', 4],
  ['cce-risk', 4],
  ['aggression', 4],
  ['not-in-education', 4],
  ['ehcp', 4],
  ['autism', 4],
  ['learning-disability', 3],
  ['substance-misuse', 3],
  ['offending', 2],
  ['unaccompanied-asylum-seeking', 2],
  ['physical-disability', 1],
  ['complex-health', 1],
  ['sensory-impairment', 1],
  ['harmful-sexual-behaviour', 1],
  ['fire-setting', 1],
  ['remand', 1],
] as const;

/** A referral for child number `k`: somewhere in England, 8-17, one or two common placement types. */
export function benchReferral(model: Model, k: number, tag: string, userId: string, today: string): NewReferral {
  const rng = new Prng(seedOf(3, k));
  const la = model.childLas.pick(rng);
  const district = model.districtsByLa.get(la)!.pick(rng);
  const urgency = rng.weighted([['planned', 65], ['urgent', 20], ['emergency', 15]] as const);
  const requiredBy =
    urgency === 'emergency' ? today : addCalendarDays(today, urgency === 'urgent' ? rng.int(1, 6) : rng.int(7, 42));
  const age = rng.weighted([[8, 3], [9, 3], [10, 4], [11, 6], [12, 8], [13, 10], [14, 13], [15, 15], [16, 14], [17, 8]] as const);
  // Born between `age + 1` years and `age` years before the date required (29 February rolls to 1 March).
  const [year, month, day] = requiredBy.split('-').map(Number);
  const yearEarlier = new Date(Date.UTC(year - age - 1, month - 1, day)).toISOString().slice(0, 10);
  const dateOfBirth = addCalendarDays(yearEarlier, rng.int(1, 364));
  const placementTypes =
    age >= 16 && rng.chance(0.4)
      ? rng.pick([['K3'], ['K2', 'K3'], ['K3', 'U6']])
      : rng.weighted([
          [['K2'], 35],
          [['K2', 'U6'], 15],
          [['U6'], 14],
          [['U4', 'U6'], 10],
          [['U4'], 5],
          [['K2', 'S1'], 5],
          [['S1'], 2],
          [['K2', 'K1'], 1],
          [['K1'], 1],
          [['R1', 'K2'], 1],
        ] as const).slice();
  const needs: { code: string; level: number; essential: boolean }[] = [];
  const count = rng.weighted([[0, 1], [1, 3], [2, 4], [3, 3], [4, 2]] as const);
  for (let n = 0; n < count; n += 1) {
    const code = rng.weighted(CHILD_NEEDS);
    if (needs.some((need) => need.code === code)) continue;
    needs.push({ code, level: rng.weighted([[1, 4], [2, 4], [3, 2]] as const), essential: rng.chance(0.5) });
  }
  const siblingGroupSize = rng.weighted([[1, 92], [2, 7], [3, 1]] as const);
  const costly = placementTypes.some((type) => type === 'K1' || type === 'K2' || type === 'S1' || type === 'R1');
  return buildReferral(userId, {
    localAuthorityCode: la,
    idempotencyKey: `${tag}-${k}`,
    urgency,
    requiredBy,
    placementTypes,
    maxDistanceMiles: rng.chance(0.45) ? null : rng.pick([20, 25, 30, 40, 50, 60, 80, 100]),
    weeklyBudget: rng.chance(0.5) ? null : costly ? rng.int(40, 80) * 100 : rng.int(9, 30) * 100,
    child: {
      localReference: `BENCH-${tag}-${k}`,
      dateOfBirth,
      gender: rng.weighted([['female', 45], ['male', 53], ['other', 2]] as const),
      homePostcode: `${district} 1AA`,
      homeDistrict: district,
      legalStatus: rng.weighted([['C2', 55], ['C1', 20], ['V2', 20], ['J1', 3], ['E1', 2]] as const),
      categoryOfNeed: rng.weighted([['N1', 65], ['N4', 15], ['N2', 5], ['N3', 4], ['N5', 4], ['N6', 3], ['N7', 2], ['N8', 2]] as const),
      needs,
      siblingGroupSize,
      ehcp: needs.some((need) => need.code === 'ehcp'),
      preferences: null,
    },
  });
}

/** Submits the referrals, a few at a time; returns their ids in order. */
export async function submitReferrals(repository: ReferralRepository, referrals: NewReferral[]): Promise<string[]> {
  const ids: string[] = new Array(referrals.length);
  let next = 0;
  const lane = async () => {
    while (next < referrals.length) {
      const at = next++;
      const result = await repository.submit(referrals[at]);
      if (result.outcome !== 'created') throw new Error(`referral ${at} was not created (${result.outcome})`);
      ids[at] = result.referral.id;
    }
  };
  await Promise.all(Array.from({ length: 8 }, lane));
  return ids;
}
