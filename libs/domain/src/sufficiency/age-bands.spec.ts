import { AGE_BAND_BOUNDS, ageBandOf } from './age-bands';

describe('age bands', () => {
  it("reads each band's bounds from its name, youngest first, with no gap or overlap", () => {
    expect(AGE_BAND_BOUNDS).toEqual([
      { band: '0-4', low: 0, high: 4 },
      { band: '5-10', low: 5, high: 10 },
      { band: '11-15', low: 11, high: 15 },
      { band: '16-17', low: 16, high: 17 },
    ]);
    AGE_BAND_BOUNDS.slice(1).forEach(({ low }, i) => expect(low).toBe(AGE_BAND_BOUNDS[i].high + 1));
  });

  it('bands an age by its whole years, as the sufficiency SQL does, and none past 17', () => {
    expect([0, 4, 5, 10, 11, 15, 16, 17].map(ageBandOf)).toEqual(['0-4', '0-4', '5-10', '5-10', '11-15', '11-15', '16-17', '16-17']);
    expect(ageBandOf(18)).toBeNull();
    expect(ageBandOf(-1)).toBe('0-4');
  });

  it('puts every age from 0 to 17 in the one band whose bounds hold it', () => {
    for (let age = 0; age <= 17; age++) {
      const holding = AGE_BAND_BOUNDS.filter(({ low, high }) => low <= age && age <= high);
      expect(holding.map(({ band }) => band)).toEqual([ageBandOf(age)]);
    }
  });
});
