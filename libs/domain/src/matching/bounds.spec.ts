import { DEFAULT_WEIGHTS } from './weights';
import { bestScoreBeyond } from './bounds';

// The property (no vacancy beyond the radius scores above the bound) is in matching.properties.spec.ts.
describe('bestScoreBeyond', () => {
  it('falls as the radius grows, to what needs, quality and cost alone can give far away', () => {
    expect(bestScoreBeyond(0, DEFAULT_WEIGHTS)).toBeCloseTo(100 - (25 * 0) / 6 - 0, 6);
    expect(bestScoreBeyond(20, DEFAULT_WEIGHTS)).toBeLessThan(bestScoreBeyond(10, DEFAULT_WEIGHTS));
    expect(bestScoreBeyond(80, DEFAULT_WEIGHTS)).toBeCloseTo(35 + 20 + 10 + (25 * 2) / 6 + 10 * 0.4, 6);
    expect(bestScoreBeyond(10_000, DEFAULT_WEIGHTS)).toBe(bestScoreBeyond(80, DEFAULT_WEIGHTS));
  });
});
