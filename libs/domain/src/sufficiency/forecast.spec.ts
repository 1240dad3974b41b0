import fc from 'fast-check';
import { backtest, forecastSeries, seasonalNaive, type ForecastPoint } from './forecast';

/** A month-of-year pattern that sums to 0, as the additive model assumes. */
const PATTERN = [6, 4, 1, -2, -5, -7, -6, -3, 0, 3, 5, 4];

/** 20 + 0.5t + PATTERN[t mod 12], exactly. */
const trendSeasonal = (t: number) => 20 + 0.5 * t + PATTERN[t % 12];

/** Deterministic noise in [-amplitude, amplitude], so the tests do not depend on Math.random. */
function noise(length: number, amplitude: number, seed = 1): number[] {
  let state = seed;
  return Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return (state / 2147483648) * 2 * amplitude - amplitude;
  });
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const width = (p: ForecastPoint) => p.upper - p.lower;

describe('forecastSeries', () => {
  it('recovers an exact trend and seasonality, whatever month the history ends in', () => {
    for (const n of [24, 41, 60]) {
      const forecast = forecastSeries(range(0, n).map(trendSeasonal), 18);
      expect(forecast.method).toBe('holt-winters-additive');
      forecast.points.forEach((p, i) => expect(p.mean).toBeCloseTo(trendSeasonal(n + i), 6));
    }
  });

  it('follows a noisy trend and seasonality closely', () => {
    const n = 48;
    const jitter = noise(n, 1);
    const forecast = forecastSeries(range(0, n).map((t) => trendSeasonal(t) + jitter[t]), 12);
    expect(forecast.method).toBe('holt-winters-additive');
    forecast.points.forEach((p, i) => {
      expect(Math.abs(p.mean - trendSeasonal(n + i))).toBeLessThan(2);
      expect(p.lower).toBeLessThan(trendSeasonal(n + i));
      expect(p.upper).toBeGreaterThan(trendSeasonal(n + i));
    });
    expect(forecast.parameters).toEqual({ alpha: expect.any(Number), beta: expect.any(Number), gamma: expect.any(Number) });
  });

  it('forecasts a constant series as that constant with a tight interval', () => {
    for (const n of [3, 10, 36]) {
      const forecast = forecastSeries(new Array<number>(n).fill(7), 24);
      for (const p of forecast.points) {
        expect(p.mean).toBeCloseTo(7, 9);
        expect(width(p)).toBeLessThan(1e-6);
      }
    }
  });

  it('widens its interval (never narrows) as the horizon grows', () => {
    const jitter = noise(60, 4, 7);
    const seasonal = range(0, 60).map((t) => 100 + trendSeasonal(t) + jitter[t]);
    const trended = range(0, 15).map((t) => 100 + 2 * t + jitter[t]);
    const flat = range(0, 15).map((t) => 100 + jitter[t]);
    for (const history of [seasonal, seasonal.slice(0, 24), trended, flat]) {
      const widths = forecastSeries(history, 36).points.map(width);
      expect(widths[0]).toBeGreaterThan(0);
      for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeGreaterThanOrEqual(widths[i - 1] - 1e-9);
      expect(widths[35]).toBeGreaterThan(widths[0]);
    }
  });

  it('chooses the model by the length of the history', () => {
    const series = (n: number) => range(0, n).map((t) => 10 + (t % 5));
    expect(forecastSeries([], 3)).toEqual({ method: 'mean', points: [0, 0, 0].map(() => ({ mean: 0, lower: 0, upper: 0 })) });
    expect(forecastSeries([5], 2).method).toBe('mean');
    expect(forecastSeries([2, 4, 9], 2).points[1].mean).toBeCloseTo(5, 12);
    expect(forecastSeries(series(3), 2).method).toBe('mean');
    expect(forecastSeries(series(4), 2).method).toBe('holt-linear');
    expect(forecastSeries(series(23), 2).method).toBe('holt-linear');
    expect(forecastSeries(series(24), 2).method).toBe('holt-winters-additive');
    expect(forecastSeries(series(8), 2, { season: 4 }).method).toBe('holt-winters-additive');
    expect(forecastSeries(series(40), 2, { season: 1 }).method).toBe('holt-linear');
    expect(forecastSeries(series(10), 0).points).toEqual([]);
  });

  it('extends a straight line with Holt when there is less than two seasons of history', () => {
    const forecast = forecastSeries(range(0, 12).map((t) => 5 + 2 * t), 6);
    expect(forecast.method).toBe('holt-linear');
    forecast.points.forEach((p, i) => expect(p.mean).toBeCloseTo(5 + 2 * (12 + i), 6));
  });

  it('falls back to seasonal naive when that fits the history better than Holt-Winters', () => {
    // A seasonal pattern that wanders from year to year: the next year is this one plus a little.
    const history = [38, 9, 16, 32, 0, 4, 24, 40, 25, 6, 14, 31, 40, 9, 15, 33, 0, 3, 25, 42, 24, 4, 14, 33, 41, 8, 14, 31, 2, 2, 27, 44, 22, 3, 13, 35];
    const forecast = forecastSeries(history, 14);
    expect(forecast.method).toBe('seasonal-naive');
    expect(forecast.points.map((p) => p.mean)).toEqual(seasonalNaive(history, 14));
    expect(width(forecast.points[12])).toBeCloseTo(width(forecast.points[0]) * Math.SQRT2, 9);
  });

  it('scales the interval by the normal quantile for the level', () => {
    const jitter = noise(36, 3, 5);
    const history = range(0, 36).map((t) => 50 + trendSeasonal(t) + jitter[t]);
    const at80 = forecastSeries(history, 6).points;
    const at95 = forecastSeries(history, 6, { level: 0.95 }).points;
    at80.forEach((p, i) => {
      expect(at95[i].mean).toBe(p.mean);
      expect(width(at95[i]) / width(p)).toBeCloseTo(1.959964 / 1.281552, 5);
    });
  });

  it('keeps counts at or above 0, with lower ≤ mean ≤ upper', () => {
    const falling = range(0, 12).map((t) => 60 - 5 * t);
    for (const p of forecastSeries(falling, 24).points) {
      expect(p.lower).toBe(0);
      expect(p.mean).toBeGreaterThanOrEqual(0);
      expect(p.upper).toBeGreaterThanOrEqual(p.mean);
    }
    expect(forecastSeries(falling, 24).points[23].mean).toBe(0);
  });

  it('rejects what it cannot forecast', () => {
    expect(() => forecastSeries([1, Number.NaN], 3)).toThrow(RangeError);
    expect(() => forecastSeries([1, 2], -1)).toThrow(RangeError);
    expect(() => forecastSeries([1, 2], 1.5)).toThrow(RangeError);
    expect(() => forecastSeries([1, 2], 3, { level: 1 })).toThrow(RangeError);
    expect(() => forecastSeries([1, 2], 3, { season: 0 })).toThrow(RangeError);
  });

  it('gives finite points, 0 ≤ lower ≤ mean ≤ upper, one per month of the horizon, for any count series', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 500 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 24 }),
        fc.constantFrom(0.5, 0.8, 0.95),
        (history, horizon, level) => {
          const { points } = forecastSeries(history, horizon, { level });
          expect(points).toHaveLength(horizon);
          for (const { mean, lower, upper } of points) {
            expect([mean, lower, upper].every(Number.isFinite)).toBe(true);
            expect(lower).toBeGreaterThanOrEqual(0);
            expect(mean).toBeGreaterThanOrEqual(lower);
            expect(upper).toBeGreaterThanOrEqual(mean);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('seasonalNaive', () => {
  it('repeats the last season', () => {
    const history = range(1, 25);
    expect(seasonalNaive(history, 15)).toEqual([...range(13, 25), 13, 14, 15]);
    expect(seasonalNaive(history, 5, 4)).toEqual([21, 22, 23, 24, 21]);
  });

  it('repeats the last value with less than a season of history, and 0 with none', () => {
    expect(seasonalNaive([3, 8, 5], 4)).toEqual([5, 5, 5, 5]);
    expect(seasonalNaive([], 3)).toEqual([0, 0, 0]);
  });
});

describe('backtest', () => {
  it('beats seasonal naive on a trending seasonal series', () => {
    const jitter = noise(60, 2, 11);
    const history = range(0, 60).map((t) => Math.round(trendSeasonal(t) + jitter[t]));
    const result = backtest(history, 12);
    expect(result).toMatchObject({ holdout: 12, method: 'holt-winters-additive' });
    // Naive is a year behind the trend: 0.5 × 12 = 6 too low every month.
    expect(result.naiveMae).toBeGreaterThan(4);
    expect(result.mae).toBeLessThan(result.naiveMae / 2);
    expect(result.mape).toBeLessThan(result.naiveMape!);
  });

  it('has intervals that cover about the share of held-out months they claim to', () => {
    const coverage = (level: number) => {
      let total = 0;
      for (let seed = 1; seed <= 60; seed++) {
        const jitter = noise(48, 3, seed);
        total += backtest(range(0, 48).map((t) => Math.round(trendSeasonal(t) + jitter[t])), 12, { level }).coverage;
      }
      return total / 60;
    };
    const at80 = coverage(0.8);
    expect(at80).toBeGreaterThan(0.65);
    expect(at80).toBeLessThan(0.92);
    expect(coverage(0.5)).toBeLessThan(at80);
  });

  it('measures the errors on the held-out months only', () => {
    // Two flat years at 10, then a holdout at 13: every forecast is 3 out, and outside the interval.
    const result = backtest([...new Array<number>(24).fill(10), 13, 13, 13], 3);
    expect(result).toEqual({ holdout: 3, method: 'holt-winters-additive', mae: expect.closeTo(3, 9), naiveMae: 3, mape: expect.closeTo(3 / 13, 9), naiveMape: expect.closeTo(3 / 13, 9), coverage: 0 });
  });

  it('has no MAPE when every held-out actual is 0', () => {
    const result = backtest([4, 3, 5, 4, 0, 0], 2);
    expect(result.mape).toBeNull();
    expect(result.naiveMape).toBeNull();
    expect(result.naiveMae).toBe(4);
  });

  it('needs at least one month to fit on and one to hold out', () => {
    expect(() => backtest([1, 2, 3], 3)).toThrow(RangeError);
    expect(() => backtest([1, 2, 3], 0)).toThrow(RangeError);
  });
});
