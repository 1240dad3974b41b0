import fc from 'fast-check';
import { EARTH_RADIUS_MILES, distanceMiles, haversineMiles, roundMiles } from './distance';
import { B1, UB1, W5 } from '../../test/matching-fixtures';

describe('distanceMiles', () => {
  it('is one degree of arc along a meridian: 2πR / 360', () => {
    expect(distanceMiles({ latitude: 52, longitude: -1 }, { latitude: 53, longitude: -1 })).toBeCloseTo(
      (2 * Math.PI * EARTH_RADIUS_MILES) / 360,
      9,
    );
  });

  it('is 0 from a place to itself', () => {
    expect(distanceMiles(UB1, UB1)).toBe(0);
  });

  // Checked by hand with the flat-Earth approximation (fine at these scales) and, for the long one,
  // against the published 603 miles "as the crow flies" (measured on the ellipsoid, hence the slack).
  it.each([
    ['Southall to Ealing', UB1, W5, 3.1, 0.05],
    ['Southall to Birmingham', UB1, B1, 93.3, 0.05],
    ["Land's End to John o' Groats", { latitude: 50.0657, longitude: -5.7132 }, { latitude: 58.6373, longitude: -3.0689 }, 603, 2],
  ])('%s', (_name, a, b, miles, within) => {
    expect(Math.abs(roundMiles(distanceMiles(a, b)) - miles)).toBeLessThanOrEqual(within);
  });

  const england = fc.record({
    latitude: fc.double({ min: 50, max: 55.8, noNaN: true }),
    longitude: fc.double({ min: -5.7, max: 1.8, noNaN: true }),
  });

  it('is symmetric and agrees with the spherical law of cosines', () => {
    const rad = Math.PI / 180;
    fc.assert(
      fc.property(england, england, (a, b) => {
        const d = distanceMiles(a, b);
        expect(distanceMiles(b, a)).toBeCloseTo(d, 9);
        const cosines =
          EARTH_RADIUS_MILES *
          Math.acos(
            Math.min(
              1,
              Math.sin(a.latitude * rad) * Math.sin(b.latitude * rad) +
                Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.cos((b.longitude - a.longitude) * rad),
            ),
          );
        // The law of cosines loses precision for short distances; a hundredth of a mile is plenty.
        expect(Math.abs(d - cosines)).toBeLessThan(0.01);
      }),
    );
  });

  it('the prepared form gives the same miles', () => {
    fc.assert(
      fc.property(england, england, (a, b) => {
        const rad = Math.PI / 180;
        const prepared = haversineMiles(a.latitude * rad, a.longitude * rad, Math.cos(a.latitude * rad), b.latitude, b.longitude);
        expect(prepared).toBe(distanceMiles(a, b));
      }),
    );
  });
});

describe('roundMiles', () => {
  it.each([
    [3.14159, 3.1],
    [3.15, 3.2],
    [0.04, 0],
    [120, 120],
  ])('%f shows as %f', (miles, shown) => {
    expect(roundMiles(miles)).toBe(shown);
  });
});
