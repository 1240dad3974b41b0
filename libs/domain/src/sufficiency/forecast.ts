/**
 * Forecasts for monthly demand series (referrals per placement type per month), with a prediction
 * interval, and a backtest against the seasonal naive baseline. Pure and dependency-free.
 *
 * The model depends only on how much history there is (n months; m = season, 12 by default):
 * - n ≥ 2m (and m ≥ 2): additive Holt-Winters, ETS(A,A,A), undamped, with α, β, γ picked from the
 *   grid 0.05, 0.10, …, 0.95 (γ ≤ 1 − α) by the least one-step-ahead squared error over the whole
 *   history. Should seasonal naive (y[t−m]) fit the history strictly better one step ahead from the
 *   second season on, or the fit not be finite, seasonal naive is used instead ('seasonal-naive').
 * - 4 ≤ n < 2m: Holt's linear trend, ETS(A,A,N), or without the trend where AICc prefers that
 *   (simple exponential smoothing, reported with β = 0); α, β from the same grid ('holt-linear').
 * - n < 4: the mean of the history, 0 if empty ('mean').
 *
 * Intervals are mean ± z·σ·√v(h). σ² is the one-step SSE over (n − k), k the smoothing parameters
 * plus the free initial states (m + 4 for Holt-Winters, 4 for Holt, 2 without a trend); v(h) is the
 * exact ETS(A,A,A)/(A,A,N)/(A,N,N) h-step variance multiplier (Hyndman et al. 2008, table 6.1; fpp2
 * table 7.8), which never falls as h grows (⌊(h−1)/m⌋ + 1 for seasonal naive). z is the normal
 * quantile for `level` (1.2816 for 0.8). Counts cannot be negative: mean and lower are clamped at 0,
 * lower ≤ mean ≤ upper always, every number is finite. Nothing is rounded.
 */

/** One forecast month: the point forecast and the prediction interval around it. */
export interface ForecastPoint {
  mean: number;
  lower: number;
  upper: number;
}

/** The model a forecast came from; see the module comment for when each is used. */
export type ForecastMethod = 'holt-winters-additive' | 'holt-linear' | 'seasonal-naive' | 'mean';

/** Forecasts for the months after the history, nearest first. */
export interface Forecast {
  method: ForecastMethod;
  points: ForecastPoint[];
  /** fitted smoothing parameters, when any (β is the trend's, on the level's change: b += β·(Δℓ − b)) */
  parameters?: { alpha: number; beta?: number; gamma?: number };
}

/** Options shared by forecastSeries and backtest. */
export interface ForecastOptions {
  /** Months in a season, an integer ≥ 1; default 12. */
  season?: number;
  /** Coverage of the prediction interval, strictly between 0 and 1; default 0.8. */
  level?: number;
}

/** How a forecast did on the held-out tail of a series, and how seasonal naive did. */
export interface BacktestResult {
  holdout: number;
  method: ForecastMethod;
  mae: number;
  naiveMae: number;
  /** Mean absolute percentage error over the held-out months whose actual is not 0; null if all are 0. */
  mape: number | null;
  naiveMape: number | null;
  /** share of held-out actuals inside the interval */
  coverage: number;
}

const DEFAULT_SEASON = 12;
const DEFAULT_LEVEL = 0.8;
/** Fewer points than this and there is nothing to fit: use the mean. */
const MIN_POINTS_FOR_TREND = 4;
/** The smoothing parameters first tried: 0.05, 0.15, …, 0.95; then the best is refined. */
const COARSE_GRID = Array.from({ length: 10 }, (_, i) => (1 + 2 * i) / 20);
/** The refinements: each parameter of the best so far, and that ± each step in turn. */
const REFINE_STEPS = [0.05, 0.025];
const MIN_PARAMETER = 0.05;
const MAX_PARAMETER = 0.95;

/**
 * Forecast `horizon` steps past the end of `history` (monthly counts, oldest first). level = coverage
 * of the interval, default 0.8. season default 12.
 */
export function forecastSeries(history: readonly number[], horizon: number, options: ForecastOptions = {}): Forecast {
  checkHistory(history);
  checkCount('horizon', horizon, 0);
  const season = options.season ?? DEFAULT_SEASON;
  checkCount('season', season, 1);
  const z = normalQuantile(0.5 + intervalLevel(options.level) / 2);
  const n = history.length;

  if (season >= 2 && n >= 2 * season) {
    const hw = fitHoltWinters(history, season);
    const naive = seasonalNaiveFit(history, season);
    if (Number.isFinite(hw.sse) && !(naive.sseFromSecondSeason < hw.sseFromSecondSeason)) {
      const { alpha, beta, gamma } = hw;
      const points = hw.means(horizon).map((mean, i) => {
        const variance = etsVariance(i + 1, alpha, alpha * beta, gamma, season);
        return point(mean, z * hw.sigma * Math.sqrt(variance));
      });
      return { method: 'holt-winters-additive', points, parameters: { alpha, beta, gamma } };
    }
    const points = seasonalNaive(history, horizon, season).map((mean, i) => {
      const seasonsAhead = Math.floor(i / season) + 1;
      return point(mean, z * naive.sigma * Math.sqrt(seasonsAhead));
    });
    return { method: 'seasonal-naive', points };
  }
  if (n >= MIN_POINTS_FOR_TREND) {
    const holt = fitHolt(history);
    const { alpha, beta } = holt;
    const points = holt.means(horizon).map((mean, i) => {
      const variance = etsVariance(i + 1, alpha, alpha * beta, 0, season);
      return point(mean, z * holt.sigma * Math.sqrt(variance));
    });
    return { method: 'holt-linear', points, parameters: { alpha, beta } };
  }
  // The mean of a handful of points; σ from their spread (the Poisson √mean for a single count) times
  // √(1 + 1/n) for the mean's own error. The same at every horizon.
  const mean = n === 0 ? 0 : average(history, 0, n);
  const spread =
    n === 0 ? 0 : n === 1 ? Math.sqrt(Math.max(0, mean)) : Math.sqrt(history.reduce((sum, y) => sum + (y - mean) ** 2, 0) / (n - 1));
  const halfWidth = z * spread * Math.sqrt(1 + 1 / Math.max(1, n));
  return { method: 'mean', points: Array.from({ length: horizon }, () => point(mean, halfWidth)) };
}

/**
 * The seasonal naive forecast: each month repeats the same month of the last season in `history`.
 * With less than one season of history it repeats the last value; with none, 0.
 */
export function seasonalNaive(history: readonly number[], horizon: number, season: number = DEFAULT_SEASON): number[] {
  checkHistory(history);
  checkCount('horizon', horizon, 0);
  checkCount('season', season, 1);
  const n = history.length;
  if (n === 0) return new Array<number>(horizon).fill(0);
  if (n < season) return new Array<number>(horizon).fill(history[n - 1]);
  return Array.from({ length: horizon }, (_, i) => history[n - season + (i % season)]);
}

/** Fit on all but the last `holdout` points, forecast them, compare with the actuals, and the same for seasonalNaive. */
export function backtest(history: readonly number[], holdout: number, options: ForecastOptions = {}): BacktestResult {
  checkHistory(history);
  checkCount('holdout', holdout, 1);
  if (holdout >= history.length) throw new RangeError(`holdout must be less than the history's length (${history.length}), got ${holdout}`);
  const training = history.slice(0, history.length - holdout);
  const actuals = history.slice(history.length - holdout);
  const forecast = forecastSeries(training, holdout, options);
  const naive = seasonalNaive(training, holdout, options.season ?? DEFAULT_SEASON);
  const means = forecast.points.map((p) => p.mean);
  const inside = forecast.points.filter((p, i) => p.lower <= actuals[i] && actuals[i] <= p.upper).length;
  return {
    holdout,
    method: forecast.method,
    mae: meanAbsoluteError(means, actuals),
    naiveMae: meanAbsoluteError(naive, actuals),
    mape: meanAbsolutePercentageError(means, actuals),
    naiveMape: meanAbsolutePercentageError(naive, actuals),
    coverage: inside / holdout,
  };
}

/** A fitted model: its parameters, one-step σ and its point forecasts. */
interface Fit {
  alpha: number;
  beta: number;
  gamma: number;
  sse: number;
  sigma: number;
  means(horizon: number): number[];
}

/**
 * Additive Holt-Winters in error-correction form, e = y − (ℓ + b + s[t−m]); ℓ += b + αe;
 * b += αβe; s[t] = s[t−m] + γe. Initial states from the first two seasons: b from the difference of
 * their means over m; ℓ the first season's mean carried back to just before the first month; each
 * month's seasonal index the average, over both seasons, of its value less its season's mean and the
 * trend within the season. γ is kept ≤ 1 − α, the usual admissibility restriction. σ² = SSE/(n − m − 4):
 * three smoothing parameters, ℓ, b and m − 1 free seasonal indices.
 */
function fitHoltWinters(y: readonly number[], m: number): Fit & { sseFromSecondSeason: number } {
  const n = y.length;
  const firstMean = average(y, 0, m);
  const secondMean = average(y, m, 2 * m);
  const trend0 = (secondMean - firstMean) / m;
  const centre = (m - 1) / 2;
  const level0 = firstMean - trend0 * (centre + 1);
  const season0 = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const withinSeason = trend0 * (i - centre);
    season0[i] = (y[i] - firstMean - withinSeason + (y[m + i] - secondMean - withinSeason)) / 2;
  }

  const seasonal = new Float64Array(m);
  /** One pass over the history; returns the one-step SSE, or stops early once it is past `bound`. */
  const run = (alpha: number, beta: number, gamma: number, bound: number) => {
    seasonal.set(season0);
    let level = level0;
    let trend = trend0;
    let sse = 0;
    let sseFromSecondSeason = 0;
    for (let t = 0; t < n; t++) {
      const phase = t % m;
      const error = y[t] - (level + trend + seasonal[phase]);
      level += trend + alpha * error;
      trend += alpha * beta * error;
      seasonal[phase] += gamma * error;
      sse += error * error;
      if (t >= m) sseFromSecondSeason += error * error;
      if (sse > bound) break;
    }
    return { sse, sseFromSecondSeason, level, trend };
  };

  const [alpha, beta, gamma] = minimise(3, ([a, b, g], bound) => (g > 1 - a + 1e-9 ? Infinity : run(a, b, g, bound).sse));
  const final = run(alpha, beta, gamma, Infinity);
  const finalSeasonal = Float64Array.from(seasonal);
  return {
    alpha,
    beta,
    gamma,
    sse: final.sse,
    sseFromSecondSeason: final.sseFromSecondSeason,
    sigma: Math.sqrt(final.sse / Math.max(1, n - m - 4)),
    means: (horizon) => Array.from({ length: horizon }, (_, i) => final.level + (i + 1) * final.trend + finalSeasonal[(n + i) % m]),
  };
}

/**
 * Holt's linear trend, e = y − (ℓ + b); ℓ += b + αe; b += αβe, starting from the least-squares line
 * through the history (ℓ its value the month before the first, b its slope). Short noisy histories
 * make poor trends, so it is compared by AICc (n·ln(SSE/n) + 2k + 2k(k+1)/(n−k−1); k = 4: α, β, ℓ, b;
 * a trend needs n > 5) with the same model without a trend (simple exponential smoothing from the
 * history's mean; k = 2: α, ℓ), and the better one is returned; β = 0 then means no trend.
 */
function fitHolt(y: readonly number[]): Fit {
  const n = y.length;
  const line = leastSquaresLine(y);
  const mean = average(y, 0, n);
  const fit = (level0: number, trend0: number, withTrend: boolean) => {
    const run = (alpha: number, beta: number, bound: number) => {
      let level = level0;
      let trend = trend0;
      let sse = 0;
      for (let t = 0; t < n; t++) {
        const error = y[t] - (level + trend);
        level += trend + alpha * error;
        trend += alpha * beta * error;
        sse += error * error;
        if (sse > bound) break;
      }
      return { sse, level, trend };
    };
    const [alpha, beta = 0] = minimise(withTrend ? 2 : 1, ([a, b = 0], bound) => run(a, b, bound).sse);
    return { ...run(alpha, beta, Infinity), alpha, beta };
  };
  const trended = fit(line.intercept - line.slope, line.slope, true);
  const flat = fit(mean, 0, false);
  const aicc = (sse: number, k: number) =>
    n > k + 1 ? n * Math.log(Math.max(sse, Number.MIN_VALUE) / n) + 2 * k + (2 * k * (k + 1)) / (n - k - 1) : Infinity;
  const trendWins = aicc(trended.sse, 4) < aicc(flat.sse, 2);
  const chosen = trendWins ? trended : flat;
  return {
    alpha: chosen.alpha,
    beta: chosen.beta,
    gamma: 0,
    sse: chosen.sse,
    sigma: Math.sqrt(chosen.sse / Math.max(1, n - (trendWins ? 4 : 2))),
    means: (horizon) => Array.from({ length: horizon }, (_, i) => chosen.level + (i + 1) * chosen.trend),
  };
}

/**
 * The smoothing parameters, each in [0.05, 0.95], with the least one-step SSE: every combination
 * of COARSE_GRID, then the best and its neighbours ± 0.05, then ± 0.025. Ties keep the first found.
 * `sse` may stop counting once past `bound` (a larger number cannot win) and returns Infinity for
 * parameters that are not allowed.
 */
function minimise(dimensions: number, sse: (parameters: number[], bound: number) => number): number[] {
  let best: number[] = [];
  let bestSse = Infinity;
  const search = (axes: readonly (readonly number[])[], chosen: number[]) => {
    if (chosen.length === dimensions) {
      const value = sse(chosen, bestSse);
      if (value < bestSse) [best, bestSse] = [[...chosen], value];
      return;
    }
    for (const value of axes[chosen.length]) search(axes, [...chosen, value]);
  };
  search(new Array(dimensions).fill(COARSE_GRID), []);
  if (best.length === 0) best = new Array<number>(dimensions).fill(MIN_PARAMETER);
  for (const step of REFINE_STEPS) {
    // Rounded to a thousandth so the reported parameters read as 0.3, not 0.30000000000000004.
    const neighbours = (value: number) => [value - step, value, value + step].map((v) => Math.round(v * 1000) / 1000);
    search(best.map((value) => neighbours(value).filter((v) => v >= MIN_PARAMETER && v <= MAX_PARAMETER)), []);
  }
  return best;
}

/** The least-squares line through (t, y[t]), t = 0, 1, …: its value at t = 0 and its slope. */
function leastSquaresLine(y: readonly number[]): { intercept: number; slope: number } {
  const n = y.length;
  const tMean = (n - 1) / 2;
  const yMean = average(y, 0, n);
  let covariance = 0;
  let variance = 0;
  for (let t = 0; t < n; t++) {
    covariance += (t - tMean) * (y[t] - yMean);
    variance += (t - tMean) ** 2;
  }
  const slope = variance === 0 ? 0 : covariance / variance;
  return { intercept: yMean - slope * tMean, slope };
}

/**
 * Seasonal naive's one-step errors over the history, y[t] − y[t−m]: their SSE from the second season
 * on, and σ = their root mean square (the h-step variance is σ²·(⌊(h−1)/m⌋ + 1)).
 */
function seasonalNaiveFit(y: readonly number[], m: number) {
  let sse = 0;
  for (let t = m; t < y.length; t++) sse += (y[t] - y[t - m]) ** 2;
  return { sseFromSecondSeason: sse, sigma: Math.sqrt(sse / Math.max(1, y.length - m)) };
}

/**
 * The h-step forecast variance of ETS(A,A,A) over σ² (Hyndman et al. 2008, table 6.1), with β the
 * ETS trend parameter (α times the component form's) and k = ⌊(h−1)/m⌋. γ = 0 gives Holt's linear
 * ETS(A,A,N). Every term grows with h, so intervals never narrow.
 */
function etsVariance(h: number, alpha: number, beta: number, gamma: number, m: number): number {
  const k = Math.floor((h - 1) / m);
  return 1 + (h - 1) * (alpha ** 2 + alpha * beta * h + (beta ** 2 * h * (2 * h - 1)) / 6) + gamma * k * (2 * alpha + gamma + beta * m * (k + 1));
}

/** A forecast point, clamped to counts: 0 ≤ lower ≤ mean ≤ upper, all finite. */
function point(rawMean: number, rawHalfWidth: number): ForecastPoint {
  const mean = finiteOr(Math.max(0, rawMean), 0);
  const halfWidth = finiteOr(Math.max(0, rawHalfWidth), 0);
  const lower = Math.min(mean, Math.max(0, finiteOr(rawMean - halfWidth, 0)));
  const upper = Math.max(mean, finiteOr(rawMean + halfWidth, Number.MAX_VALUE));
  return { mean, lower, upper };
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}

function average(y: readonly number[], from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += y[i];
  return sum / (to - from);
}

function meanAbsoluteError(forecast: readonly number[], actuals: readonly number[]): number {
  return actuals.reduce((sum, actual, i) => sum + Math.abs(forecast[i] - actual), 0) / actuals.length;
}

function meanAbsolutePercentageError(forecast: readonly number[], actuals: readonly number[]): number | null {
  let sum = 0;
  let count = 0;
  actuals.forEach((actual, i) => {
    if (actual === 0) return;
    sum += Math.abs((forecast[i] - actual) / actual);
    count++;
  });
  return count === 0 ? null : sum / count;
}

/**
 * The standard normal quantile, by Acklam's rational approximation (relative error < 1.2e-9):
 * normalQuantile(0.9) = 1.28155…, the z for an 80% interval.
 */
function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) => (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

function intervalLevel(level: number | undefined): number {
  const value = level ?? DEFAULT_LEVEL;
  if (!(value > 0 && value < 1)) throw new RangeError(`level must be strictly between 0 and 1, got ${value}`);
  return value;
}

function checkHistory(history: readonly number[]): void {
  if (!history.every(Number.isFinite)) throw new RangeError('history must hold finite numbers only');
}

function checkCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
}
