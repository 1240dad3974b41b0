import { bestScoreBeyond } from './bounds';
import { EXCLUSION_ROUNDS, exclusionsSettled, searchBox, shortlistRounds, shortlistSettled } from './search-plan';
import { DEFAULT_WEIGHTS } from './weights';

const miles = (rounds: readonly { miles: number | null }[]) => rounds.map((round) => round.miles);

describe('shortlistRounds', () => {
  it('reads every search radius, then everywhere', () => {
    expect(miles(shortlistRounds(null))).toEqual([5, 10, 20, 40, 80, null]);
    expect(shortlistRounds(null).map((round) => round.last)).toEqual([false, false, false, false, false, true]);
  });

  it('stops at the maximum distance, which is the last round', () => {
    expect(miles(shortlistRounds(30))).toEqual([5, 10, 20, 30]);
    expect(miles(shortlistRounds(20))).toEqual([5, 10, 20]);
    expect(miles(shortlistRounds(3))).toEqual([3]);
    expect(shortlistRounds(30).at(-1)?.last).toBe(true);
  });
});

describe('shortlistSettled', () => {
  const round = { miles: 20, last: false };
  const bound = bestScoreBeyond(20, DEFAULT_WEIGHTS);
  const full = (last: number) => [{ score: 99 }, { score: last }];

  it('settles once full with the last place above what lies beyond the radius', () => {
    expect(shortlistSettled(round, full(bound + 0.01), 2, DEFAULT_WEIGHTS)).toBe(true);
    expect(shortlistSettled(round, full(bound), 2, DEFAULT_WEIGHTS)).toBe(false);
    expect(shortlistSettled(round, [{ score: 99 }], 2, DEFAULT_WEIGHTS)).toBe(false);
  });

  it('settles sooner when nothing beyond can be in either LA', () => {
    const outsideBothLas = { placingLaPossible: false, homeLaPossible: false };
    expect(shortlistSettled(round, full(bound - 1), 2, DEFAULT_WEIGHTS)).toBe(false);
    expect(shortlistSettled(round, full(bound - 1), 2, DEFAULT_WEIGHTS, outsideBothLas)).toBe(true);
  });

  it('never settles at 5 miles while the LA bonuses are possible beyond it', () => {
    expect(shortlistSettled({ miles: 5, last: false }, full(100), 2, DEFAULT_WEIGHTS)).toBe(false);
  });

  it('always settles on the last round, full or not', () => {
    expect(shortlistSettled({ miles: null, last: true }, [], 2, DEFAULT_WEIGHTS)).toBe(true);
    expect(shortlistSettled({ miles: 30, last: true }, [], 2, DEFAULT_WEIGHTS)).toBe(true);
  });
});

describe('EXCLUSION_ROUNDS', () => {
  it('doubles from a mile until a circle would hold the Earth, then reads everywhere', () => {
    expect(miles(EXCLUSION_ROUNDS)).toEqual([...Array.from({ length: 14 }, (_, i) => 2 ** i), null]);
    expect(EXCLUSION_ROUNDS.at(-1)?.last).toBe(true);
  });
});

describe('exclusionsSettled', () => {
  const round = { miles: 4, last: false };

  it('settles once full with the last shown distance inside the circle by its rounding', () => {
    expect(exclusionsSettled(round, [{ distanceMiles: 1 }, { distanceMiles: 3.9 }], 2)).toBe(true);
    expect(exclusionsSettled(round, [{ distanceMiles: 1 }, { distanceMiles: 4 }], 2)).toBe(false);
    expect(exclusionsSettled(round, [{ distanceMiles: 1 }], 2)).toBe(false);
    expect(exclusionsSettled({ miles: null, last: true }, [], 2)).toBe(true);
  });
});

describe('searchBox', () => {
  it('is everywhere for a round without a radius', () => {
    expect(searchBox({ latitude: 51.5, longitude: -0.1 }, { miles: null, last: true })).toBeNull();
    expect(searchBox({ latitude: 51.5, longitude: -0.1 }, { miles: 20, last: false })).not.toBeNull();
  });
});
