import fc from 'fast-check';
import { orderExclusions } from './order-exclusions';

/** The obvious way: a comparison sort by distance, then id. */
function naive(tenths: number[], ids: string[], limit: number): number[] {
  return tenths
    .map((_, i) => i)
    .sort((a, b) => tenths[a] - tenths[b] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0))
    .slice(0, limit);
}

describe('orderExclusions', () => {
  it('orders nearest first, then by id', () => {
    const order = orderExclusions([31, 5, 31, 0], ['v-b', 'v-z', 'v-a', 'v-q'], Number.POSITIVE_INFINITY);
    expect(Array.from(order)).toEqual([3, 1, 2, 0]);
  });

  it('sorts a long run of vacancies at one distance (one postcode district) by id', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `v-${String((i * 17) % 40).padStart(2, '0')}`);
    const order = orderExclusions(Array(40).fill(12), ids, 25);
    expect(Array.from(order, (i) => ids[i])).toEqual([...ids].sort().slice(0, 25));
  });

  it('agrees with a comparison sort, for any distances, ids and limit', () => {
    const exclusions = fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 60 })), {
      selector: ([id]) => id,
      maxLength: 80,
    });
    fc.assert(
      fc.property(exclusions, fc.integer({ min: 0, max: 100 }), (list, limit) => {
        const ids = list.map(([id]) => id);
        const tenths = list.map(([, t]) => t);
        expect(Array.from(orderExclusions(tenths, ids, limit))).toEqual(naive(tenths, ids, limit));
      }),
    );
  });
});
