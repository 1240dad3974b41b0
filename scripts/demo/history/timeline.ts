import type { ClaCalibration } from '@app/reference-data';
import { Prng } from '../deterministic';
import { addMonths, at, DAY_MS, dayOf, isoOf, reportingYear, weekdayOf } from './days';
import type { Child, Period, Ref } from './planned-referral';

/** More children come into care in autumn and late winter, fewer in August and at Christmas. */
const SEASONALITY = [1.05, 1.0, 1.08, 0.96, 1.0, 0.98, 0.97, 0.82, 1.08, 1.1, 1.04, 0.92];
const SEASON_MEAN = SEASONALITY.reduce((a, b) => a + b, 0) / 12;
/** Referrals are made on working days, a few at weekends. */
const WEEKDAY = [0.35, 1.15, 1.15, 1.15, 1.15, 1.15, 0.35]; // Sunday first; mean 0.921...
const WEEKDAY_MEAN = WEEKDAY.reduce((a, b) => a + b, 0) / 7;

const PLANNED_REASONS = [
  ['CARPL', 55],
  ['LAREQ', 15],
  ['CHILD', 10],
  ['CREQO', 10],
  ['PLACE', 5],
  ['OTHER', 5],
] as const;
// CUSTOD is left out: placements.end_reason is varchar(5) and the code has six letters.
const UNPLANNED_REASONS = [
  ['CREQB', 35],
  ['CHILD', 15],
  ['ALLEG', 10],
  ['CREQO', 10],
  ['STAND', 8],
  ['CLOSE', 7],
  ['LAREQ', 7],
  ['APPRR', 3],
  ['OTHER', 5],
] as const;


/**
 * One borough's children and referrals over the period, with when each placement started and
 * ended and why: everything but where.
 */
export function boroughTimeline(calibration: ClaCalibration, period: Period, rng: Prng): Ref[] {
  const la = calibration.laCode;
  const { fromDay, toDay } = period;
  const years = Object.keys(calibration.startsByYear).map(Number);
  const startsIn = (year: number) => calibration.startsByYear[Math.min(Math.max(year, Math.min(...years)), Math.max(...years))];

  // Children starting to be looked after, day by day: the year's starts spread over its days,
  // shaped by season and weekday, rounded cumulatively so the totals hold.
  const startDays: number[] = [];
  let carried = 0;
  for (let day = fromDay; day < toDay; day += 1) {
    const month = new Date(day * DAY_MS).getUTCMonth();
    const expected =
      (startsIn(reportingYear(day)) / 365.25) * (SEASONALITY[month] / SEASON_MEAN) * (WEEKDAY[weekdayOf(day)] / WEEKDAY_MEAN);
    const before = Math.floor(carried);
    carried += expected;
    for (let i = before; i < Math.floor(carried); i += 1) startDays.push(day);
  }

  // Older children, 16- and 17-year-olds above all (many of them unaccompanied asylum seekers),
  // make up much of London's intake; enough of them for the borough's supported accommodation.
  const sixteenPlus = Math.max(0.28, calibration.placementMix.supportedAccommodation + 0.09);
  const ageGroups: [readonly [number, number], number][] = [
    [[0, 0], 0.13],
    [[1, 4], 0.11],
    [[5, 9], 0.13],
    [[10, 15], 0.34],
    [[16, 17], sixteenPlus],
  ];

  const refs: Ref[] = [];
  const newRef = (child: Child, day: number, minutes: number, urgency: Ref['urgency'], follows: Ref | null): Ref => {
    const ref: Ref = {
      key: `${la}:${refs.length + 1}`,
      la,
      child,
      day,
      minutes,
      urgency,
      follows,
      start: null,
      end: null,
      planned: null,
      reason: null,
      unit: [],
    };
    ref.unit = follows ? follows.unit : [];
    ref.unit.push(ref);
    refs.push(ref);
    return ref;
  };
  const officeMinutes = () => rng.int(8 * 60 + 30, 17 * 60 + 30);

  startDays.forEach((startDay, index) => {
    const [low, high] = rng.weighted(ageGroups);
    const age = rng.int(low, high);
    // Born so that they are `age` on the day, and 18 no sooner than two months later.
    const dob = isoOf(dayOf(addMonths(isoOf(startDay), -12 * age)) - rng.int(1, age === 17 ? 300 : 360));
    const teenBoy = age >= 15 && rng.chance(0.62);
    const gender = teenBoy
      ? 'male'
      : rng.weighted([
          ['male', 52],
          ['female', 47],
          ['other', 1],
        ] as const);
    const child: Child = { n: index + 1, la, dob, gender, district: null, siblings: 1, createdAt: '' };
    const day18 = dayOf(addMonths(dob, 18 * 12));

    const urgency = rng.weighted([
      ['emergency', startDay <= toDay - 60 ? 12 : 0],
      ['urgent', 28],
      ['planned', 60],
    ] as const);
    // Friday night: half the emergencies on a Friday come in after four.
    const minutes =
      urgency === 'emergency' && weekdayOf(startDay) === 5 && rng.chance(0.5) ? rng.int(16 * 60, 21 * 60) : officeMinutes();
    let ref = newRef(child, startDay, minutes, urgency, null);
    child.createdAt = at(startDay, minutes);
    if (urgency !== 'emergency' && rng.chance(0.05)) return; // withdrawn: the child went home

    const delay = urgency === 'emergency' ? 0 : urgency === 'urgent' ? rng.int(1, 5) : rng.int(12, 42);
    let start = Math.min(startDay + delay, toDay, day18 - 1);
    // How long the child stays in care: many go home within months, a quarter stay for years.
    const stay = rng.weighted([
      [[7, 120], 25],
      [[121, 365], 25],
      [[366, 900], 25],
      [[901, 3650], 25],
    ] as const);
    const leaves = Math.min(start + rng.int(stay[0], stay[1]), day18);
    const endsInCare = (r: Ref) => {
      r.end = leaves <= toDay ? leaves : null;
      r.planned = r.end === null ? null : true;
      r.reason = r.end === null ? null : 'CARPL';
    };

    for (;;) {
      ref.start = start;
      if (ref.urgency === 'emergency') {
        // The step-down referral is opened when the emergency placement is made (accepted at most
        // two hours after the referral); the child moves to its placement about a month later,
        // unless they have left care by then.
        const stepDown = newRef(child, start, ref.minutes + 121 + rng.int(0, 9), 'planned', ref);
        const next = start + rng.int(21, 35);
        if (next >= leaves) {
          endsInCare(ref);
          break;
        }
        ref.end = next;
        ref.planned = true;
        ref.reason = 'CARPL';
        ref = stepDown;
        start = next;
        continue;
      }
      // A move, after about two years on average: a breakdown more often than not.
      const moveAt = start + Math.max(30, Math.round(-700 * Math.log(1 - rng.next())));
      if (moveAt < leaves - 14 && moveAt <= toDay && moveAt < day18 - 60) {
        const unplanned = rng.chance(0.6);
        ref.end = moveAt;
        ref.planned = !unplanned;
        ref.reason = rng.weighted(unplanned ? UNPLANNED_REASONS : PLANNED_REASONS);
        const next = unplanned ? (moveAt <= toDay - 60 && rng.chance(0.35) ? 'emergency' : 'urgent') : 'planned';
        const madeOn = unplanned ? moveAt : Math.max(start + 1, moveAt - rng.int(14, 42));
        ref = newRef(child, madeOn, next === 'emergency' ? rng.int(9 * 60, 21 * 60) : officeMinutes(), next, null);
        start = moveAt;
        continue;
      }
      endsInCare(ref);
      break;
    }
  });
  return refs;
}
