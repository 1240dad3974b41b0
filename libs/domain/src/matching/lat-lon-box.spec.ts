import fc from 'fast-check';
import { distanceMiles } from './distance';
import { boxAround } from './lat-lon-box';

describe('boxAround', () => {
  it('contains every point within the radius, anywhere in England', () => {
    const point = fc.record({
      latitude: fc.double({ min: 49.9, max: 55.9, noNaN: true }),
      longitude: fc.double({ min: -6.5, max: 1.8, noNaN: true }),
    });
    fc.assert(
      fc.property(point, point, fc.double({ min: 1, max: 300, noNaN: true }), (centre, other, miles) => {
        fc.pre(distanceMiles(centre, other) <= miles);
        const box = boxAround(centre, miles);
        expect(other.latitude).toBeGreaterThanOrEqual(box.minLatitude);
        expect(other.latitude).toBeLessThanOrEqual(box.maxLatitude);
        expect(other.longitude).toBeGreaterThanOrEqual(box.minLongitude);
        expect(other.longitude).toBeLessThanOrEqual(box.maxLongitude);
      }),
      { numRuns: 3000 },
    );
  });

  it('is not much larger than the circle', () => {
    const box = boxAround({ latitude: 51.5, longitude: -0.1 }, 20);
    expect(box.maxLatitude - box.minLatitude).toBeLessThan(0.62);
    expect(box.maxLongitude - box.minLongitude).toBeLessThan(1.0);
  });
});
