import { DEFAULT_WEIGHTS } from './weights';
import { firstPlace, previewWeights, rescore } from './weights-preview';

const w = (needs: number, proximity: number, quality: number, continuity: number, cost: number) => ({ needs, proximity, quality, continuity, cost });

describe('weights preview', () => {
  const near = { vacancyId: 'a', distanceMiles: 2, breakdown: w(17.5, 25, 10, 5, 4) }; // half the needs, closest, costly
  const fits = { vacancyId: 'b', distanceMiles: 30, breakdown: w(35, 8.33, 10, 5, 10) }; // every need, far, cheap

  it('rescores each part by its share of the old weight', () => {
    expect(rescore(near.breakdown, DEFAULT_WEIGHTS, DEFAULT_WEIGHTS)).toBeCloseTo(61.5);
    // Twice the weight on needs, proximity halved: needs 1/2 * 50, proximity 1 * 12.5.
    expect(rescore(near.breakdown, DEFAULT_WEIGHTS, w(50, 12.5, 20, 10, 7.5))).toBeCloseTo(25 + 12.5 + 10 + 5 + 3);
    // A part whose old weight was 0 has no share on record.
    expect(rescore(w(10, 0, 0, 0, 0), w(100, 0, 0, 0, 0), w(50, 50, 0, 0, 0))).toBe(5);
  });

  it('counts the shortlists whose first place the new weights change', () => {
    expect(firstPlace([near, fits], DEFAULT_WEIGHTS, DEFAULT_WEIGHTS)).toBe('b');
    const proximityHeavy = w(20, 60, 10, 5, 5);
    expect(firstPlace([near, fits], DEFAULT_WEIGHTS, proximityHeavy)).toBe('a');
    expect(
      previewWeights(
        [
          { referralId: 'r1', items: [near, fits] },
          { referralId: 'r2', items: [fits] },
          { referralId: 'r3', items: [] },
        ],
        DEFAULT_WEIGHTS,
        proximityHeavy,
      ),
    ).toEqual({ referralsChecked: 2, firstPlaceChanges: 1 });
  });

  it('breaks ties by distance, then vacancy id, as ranking does', () => {
    const twin = { ...near, vacancyId: '0', distanceMiles: 2 };
    expect(firstPlace([near, twin], DEFAULT_WEIGHTS, DEFAULT_WEIGHTS)).toBe('0');
  });
});
