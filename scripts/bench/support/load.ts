/** HTTP load through autocannon, with exact latency percentiles. */
import { LOOPBACK_HOSTS } from './services';
import { percentile } from './statistics';

/** The part of autocannon 9's programmatic API used here (it ships no types). */
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
interface AutocannonOptions extends AutocannonRequest {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
  timeout?: number;
  requests?: AutocannonRequest[];
}
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  requests: { average: number; sent: number; total: number };
  latency: { p50: number; p99: number };
}
interface AutocannonTracker {
  stop(): void;
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, responseTimeMs: number) => void): void;
}
type Autocannon = (options: AutocannonOptions, done: (error: Error | null, result: AutocannonResult) => void) => AutocannonTracker;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: Autocannon = require('autocannon');

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Builds each request (called once per request sent), e.g. to give each a fresh header. */
  setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  /** Per-request timeout, seconds (autocannon's default is 10). */
  timeoutSeconds?: number;
}

export interface LoadResult {
  connections: number;
  /** Measured seconds. */
  seconds: number;
  /** Responses received (any status). */
  responses: number;
  /** Requests written to a socket; `sent - responses` were in flight at the end or lost to an error. */
  sent: number;
  requestsPerSecond: number;
  /** Exact percentiles (ms) over every response's latency, whatever its status. */
  p50: number;
  p99: number;
  statusCounts: Record<string, number>;
  errors: number;
  timeouts: number;
}


let currentLoad: AutocannonTracker | undefined;

/** Stops the load run in progress, if any (for SIGINT and deadlines). */
export function stopCurrentLoad(): void {
  currentLoad?.stop();
}

/** One autocannon run, pipelining 1, keep-alive; latency percentiles from every response, exactly. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  if (!LOOPBACK_HOSTS.has(url.hostname)) throw new Error(`load only goes to loopback addresses, not ${url.host}`);
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  return new Promise((resolvePromise, reject) => {
    const request: AutocannonRequest = {
      method: options.method ?? 'GET',
      path: url.pathname + url.search,
      ...(options.setupRequest ? { setupRequest: options.setupRequest } : {}),
      ...(options.onResponse ? { onResponse: options.onResponse } : {}),
    };
    const tracker = autocannon(
      {
        url: `${url.protocol}//${url.host}`,
        connections: options.connections,
        duration: options.durationSeconds,
        pipelining: 1,
        timeout: options.timeoutSeconds ?? 10,
        headers: options.headers,
        body: options.body,
        requests: [request],
      },
      (error, result) => {
        currentLoad = undefined;
        if (error) return reject(error);
        const sorted = latencies.slice(0, count).sort();
        const statusCounts: Record<string, number> = {};
        for (const [status, { count: n }] of Object.entries(result.statusCodeStats)) statusCounts[status] = n;
        resolvePromise({
          connections: options.connections,
          seconds: result.duration,
          responses: count,
          sent: result.requests.sent,
          requestsPerSecond: result.duration > 0 ? count / result.duration : 0,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          statusCounts,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    currentLoad = tracker;
    tracker.on('response', (_client, _status, _bytes, responseTimeMs) => {
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[count] = responseTimeMs;
      count += 1;
    });
  });
}
