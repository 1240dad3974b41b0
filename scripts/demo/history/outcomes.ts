import type { PlacementCategory } from '@app/reference-data';
import type { Grade } from '../catalogue/types';
import { demoUuid, Prng, shuffle } from '../deterministic';
import { at, dayOf, isoOf } from './days';
import type { Ref } from './planned-referral';
import type { HistoryOutcome, HistoryOutcomeUpdate } from './types';

const OUTCOMES_BY_CATEGORY: Record<PlacementCategory, readonly (readonly ['hard' | 'soft', string])[]> = {
  foster: [
    ['hard', 'Attends school on at least 95% of days each term'],
    ['hard', 'Registered with a GP and a dentist within 28 days'],
    ['hard', 'Annual health assessment completed on time'],
    ['soft', 'Family time goes ahead as the care plan sets out'],
    ['soft', 'Joins an after-school club or activity'],
    ['soft', 'Says at review that they feel settled'],
  ],
  childrensHomes: [
    ['hard', 'Attends education or training at least 90% of sessions'],
    ['hard', 'No missing episodes for three months'],
    ['hard', 'No police call-outs for three months'],
    ['soft', 'Builds a trusted relationship with a key worker'],
    ['soft', 'Takes part in house meetings'],
    ['soft', 'Talks through worries with staff before they escalate'],
  ],
  residentialSchools: [
    ['hard', "This year's EHCP targets met"],
    ['hard', 'Sits the planned exams or accreditations'],
    ['soft', 'Communicates needs using the agreed system'],
    ['soft', 'Keeps in touch with family at weekends'],
  ],
  supportedAccommodation: [
    ['hard', 'Enrolled in college, training or work'],
    ['hard', 'Manages a weekly budget for a month'],
    ['hard', 'Registered with a GP'],
    ['soft', 'Keeps appointments with the personal adviser'],
    ['soft', 'Cooks a meal for themselves most days'],
  ],
  otherResidential: [
    ['hard', 'Parenting assessment completed'],
    ['soft', 'Attends every parenting session'],
    ['soft', 'Builds a support network in the community'],
  ],
};

/**
 * `time`, or `minutes` minutes after `floor` if that is later (both England's local times,
 * `YYYY-MM-DD HH:MM:SS`, which sort as they read).
 */
function notBefore(time: string, floor: string, minutes: number): string {
  if (time > floor) return time;
  const [day, clock] = floor.split(' ');
  const [h, m] = clock.split(':').map(Number);
  return at(dayOf(day), h * 60 + m + minutes);
}

/** How much likelier an outcome is achieved in a setting of each grade, in points. */
const OUTCOME_GRADE_SHIFT: Record<Grade, number> = {
  outstanding: 0.1,
  good: 0,
  requires_improvement: -0.12,
  inadequate: -0.3,
  not_yet_inspected: -0.05,
};

/**
 * One to three outcomes for a placement, agreed by the LA's officer in its first fortnight, each
 * with a target 3 to 12 months on, and its journey: not started, in progress (the provider's
 * update), then achieved or not by the officer at the target or at the ending, whichever is
 * first; still open if neither has come. Achieved two times in three, less after a breakdown and
 * in a setting graded lower.
 */
export function agreeOutcomes(
  placement: {
    id: string;
    r: Ref;
    /** When the placement was made (England's local time): nothing about it comes before. */
    accepted: string;
    category: PlacementCategory;
    grade: Grade;
    officer: string;
    providerUser: string;
    toDay: number;
    anchor: string;
  },
  rng: Prng,
  outcomes: HistoryOutcome[],
  updates: HistoryOutcomeUpdate[],
): void {
  const { r, toDay } = placement;
  const start = r.start!;
  const endDay = r.end ?? Number.POSITIVE_INFINITY;
  const agreedDay = Math.min(start + rng.int(3, 14), endDay, toDay);
  const choices = shuffle(OUTCOMES_BY_CATEGORY[placement.category], rng).slice(0, rng.int(1, 3));
  choices.forEach(([kind, description], index) => {
    const id = demoUuid(`history:${placement.anchor}:outcome:${r.key}:${index}`);
    const targetDay = agreedDay + rng.int(90, 365);
    const progressDay = agreedDay + rng.int(7, 60);
    const settleDay = Math.min(targetDay, endDay);
    const breakdown = r.planned === false && endDay < targetDay;
    const achieved = rng.chance(Math.max(0.05, (breakdown ? 0.25 : 0.68) + OUTCOME_GRADE_SHIFT[placement.grade]));
    const step = (n: number, status: HistoryOutcome['status'], day: number, byProvider: boolean, note: string | null = null) =>
      updates.push({
        id: demoUuid(`history:${placement.anchor}:outcome:${r.key}:${index}:${n}`),
        outcomeId: id,
        status,
        note,
        recordedByUserId: byProvider ? placement.providerUser : placement.officer,
        recordedByRole: byProvider ? 'provider_user' : 'placement_officer',
        recordedAt: notBefore(at(day, 10 * 60 + n * 30), placement.accepted, n),
      });
    step(0, 'not_started', agreedDay, false);
    let status: HistoryOutcome['status'] = 'not_started';
    let lastDay = agreedDay;
    if (progressDay < settleDay && progressDay <= toDay) {
      step(1, 'in_progress', progressDay, true);
      status = 'in_progress';
      lastDay = progressDay;
    }
    if (settleDay <= toDay) {
      status = achieved ? 'achieved' : 'not_achieved';
      step(2, status, Math.max(settleDay, lastDay), false, breakdown ? 'The placement ended before the target date' : null);
      lastDay = Math.max(settleDay, lastDay);
    }
    outcomes.push({
      id,
      placementId: placement.id,
      kind,
      description,
      targetDate: isoOf(targetDay),
      status,
      createdByUserId: placement.officer,
      createdAt: notBefore(at(agreedDay, 10 * 60), placement.accepted, 0),
      updatedAt: notBefore(at(lastDay, 10 * 60 + 90), placement.accepted, 3),
    });
  });
}
