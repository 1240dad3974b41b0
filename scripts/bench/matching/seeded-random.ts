import { Prng } from '../../demo/deterministic';
import { settings } from './settings';

/** A 32-bit hash of (stream, index), so every generated row depends only on its own number. */
export function seedOf(stream: number, index: number): number {
  let h = Math.imul(index ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + settings.seed * 7919, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Items picked in proportion to their weights (binary search over the running total). */
export class WeightedPool<T> {
  private readonly items: T[] = [];
  private readonly cumulative: number[] = [];
  private total = 0;
  constructor(entries: Iterable<readonly [T, number]>) {
    for (const [item, weight] of entries) {
      if (!(weight > 0)) continue;
      this.total += weight;
      this.items.push(item);
      this.cumulative.push(this.total);
    }
    if (this.items.length === 0) throw new Error('a weighted pool needs at least one item of positive weight');
  }
  pick(rng: Prng): T {
    const roll = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > roll) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}
