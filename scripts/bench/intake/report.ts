/** The report of bench:intake's runs: throughput and latency, CPU, and responses, per connection count. */
import { cpus } from 'node:os';
import type { LoadResult } from '../support/load';
import { fixed, log, table, whole } from '../support/output';

export interface LevelResult {
  connections: number;
  health: LoadResult;
  intake: LoadResult;
  /** % of one core per process group during each measured run; `machine` is % of all cores. */
  healthCpu: Record<string, number>;
  intakeCpu: Record<string, number>;
}

/** Answers other than `expected`, connection errors included. */
export const nonStatus = (result: LoadResult, expected: string) =>
  Object.entries(result.statusCounts)
    .filter(([status]) => status !== expected)
    .reduce((sum, [, n]) => sum + n, 0) +
  result.errors;

export function logRunTables(levels: LevelResult[]): void {
  log();
  log('Throughput and latency (measured runs; ms)');
  log(
    table(
      ['conns', 'intake req/s', 'p50', 'p99', 'health req/s', 'p50', 'p99', 'intake/health'],
      levels.map(({ connections, intake: i, health: h }) => [
        connections,
        whole(i.requestsPerSecond),
        fixed(i.p50),
        fixed(i.p99),
        whole(h.requestsPerSecond),
        fixed(h.p50),
        fixed(h.p99),
        fixed(i.requestsPerSecond / h.requestsPerSecond, 2),
      ]),
    ),
  );
  log();
  log(`CPU during the measured runs (% of one core; machine = % of all ${cpus().length} cores, other work included)`);
  const pct = (value: number) => (Number.isFinite(value) ? `${Math.round(value)}%` : '-');
  log(
    table(
      ['conns', 'intake: api', 'postgres', 'worker', 'autocannon', 'machine', 'health: api', 'postgres', 'machine'],
      levels.map(({ connections, intakeCpu: i, healthCpu: h }) => [
        connections,
        pct(i.api),
        pct(i.postgres),
        pct(i.worker),
        pct(i.bench),
        pct(i.machine),
        pct(h.api),
        pct(h.postgres),
        pct(h.machine),
      ]),
    ),
  );
  log();
  log('Responses (measured runs; warm-ups in the totals below)');
  log(
    table(
      ['conns', 'intake 202', 'intake other', 'in flight at stop', 'health 200', 'health other', 'statuses'],
      levels.map(({ connections, intake: i, health: h }) => [
        connections,
        whole(i.statusCounts['202'] ?? 0),
        whole(nonStatus(i, '202')),
        whole(i.sent - i.responses),
        whole(h.statusCounts['200'] ?? 0),
        whole(nonStatus(h, '200')),
        JSON.stringify({
          ...i.statusCounts,
          ...(i.errors ? { errors: i.errors } : {}),
          ...(i.timeouts ? { timeouts: i.timeouts } : {}),
        }),
      ]),
    ),
  );
}
