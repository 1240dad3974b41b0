/** The report of bench:emergency: each phase's latencies, then each topology's aims met or missed. */
import { fixed, log, machineLine, table, whole } from '../support/output';
import { percentile } from '../support/statistics';

export interface Phase {
  topology: string;
  phase: 'idle' | 'loaded' | 'flood';
  latenciesMs: number[];
  /** POST to its 202, the api's part of each latency. */
  ackMs: number[];
  unmatched: number;
  shortlisted: number;
  routinePerSecond: number | null;
  routineQueued: number | null;
}

/** `settings` as bench:emergency read them from the environment. */
export function logPhases(
  phases: Phase[],
  settings: { topologies: string[]; emergencies: number; gapMs: number; floodClients: number },
): void {
  log();
  log(`Emergency POST -> matched (ms), ${settings.emergencies} emergencies per phase, one every ${settings.gapMs} ms`);
  const stats = (phase: Phase) => {
    const sorted = Float64Array.from(phase.latenciesMs).sort();
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN };
  };
  log(
    table(
      ['topology', 'phase', 'p50', 'p99', 'max', 'shortlisted', 'unmatched', 'routine waiting', 'routine matched/s'],
      phases.map((phase) => {
        const s = stats(phase);
        return [
          phase.topology,
          phase.phase,
          fixed(s.p50),
          fixed(s.p99),
          fixed(s.max),
          whole(phase.shortlisted),
          whole(phase.unmatched),
          phase.routineQueued === null ? '-' : whole(phase.routineQueued),
          phase.routinePerSecond === null ? '-' : fixed(phase.routinePerSecond),
        ];
      }),
    ),
  );
  log();
  for (const topology of settings.topologies) {
    const idle = phases.find((p) => p.topology === topology && p.phase === 'idle')!;
    const loaded = phases.find((p) => p.topology === topology && p.phase === 'loaded')!;
    const ratio = stats(loaded).p99 / stats(idle).p99;
    const met = ratio <= 1.5 && stats(loaded).p99 < 250;
    log(
      `${topology}: loaded/idle ${fixed(stats(loaded).p50 / stats(idle).p50, 2)}x at p50, ${fixed(ratio, 2)}x at p99; ` +
        `AIM ${met ? 'MET' : 'MISSED'} (p99 ratio <= 1.5 and loaded p99 < 250 ms)`,
    );
    const flood = phases.find((p) => p.topology === topology && p.phase === 'flood');
    if (flood) {
      const floodRatio = stats(flood).p99 / stats(idle).p99;
      log(
        `${topology}: flood/idle ${fixed(stats(flood).p50 / stats(idle).p50, 2)}x at p50, ${fixed(floodRatio, 2)}x at p99; ` +
          `AIM ${floodRatio <= 1.5 ? 'MET' : 'MISSED'} (p99 ratio <= 1.5 while ${settings.floodClients} clients flood routine intake)`,
      );
    }
  }
  log(`machine at the end: ${machineLine()}`);
}
