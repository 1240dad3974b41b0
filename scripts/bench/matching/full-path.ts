import { MatchingService } from '@app/worker/matching/matching.service';
import { cpuSnapshot, cpuUsage, postgresBackendPids } from '../support/cpu';
import { Teardown } from '../support/teardown';
import { FROM, MIN_RUNS } from './settings';
import { type Stats, stats } from './stats';

export interface FullResult {
  ms: Stats;
  shortlisted: number;
  noMatch: number;
  meanMatches: number;
  meanExclusions: number;
  cpu: Record<string, number>;
}

export async function timeFullPath(
  service: MatchingService,
  ids: string[],
  runs: number,
  offset: number,
  databaseName: string,
  teardown: Teardown,
  budgetMs: number,
): Promise<FullResult> {
  const times: number[] = [];
  let shortlisted = 0;
  let noMatch = 0;
  let matches = 0;
  let exclusions = 0;
  const groups = { bench: () => [process.pid], postgres: () => postgresBackendPids(databaseName) };
  const before = cpuSnapshot(groups);
  const until = performance.now() + budgetMs;
  for (let i = 0; i < runs && !teardown.stopping; i += 1) {
    if (i >= MIN_RUNS && performance.now() > until) break;
    const id = ids[(offset + i) % ids.length];
    const started = performance.now();
    const result = await service.match(id, FROM);
    times.push(performance.now() - started);
    if (result.outcome !== 'matched') throw new Error(`referral ${id} was not claimable`);
    if (result.status === 'shortlisted') shortlisted += 1;
    else noMatch += 1;
    matches += result.matches;
    exclusions += result.exclusions;
  }
  return {
    ms: stats(times),
    shortlisted,
    noMatch,
    meanMatches: matches / Math.max(1, times.length),
    meanExclusions: exclusions / Math.max(1, times.length),
    cpu: cpuUsage(before, cpuSnapshot(groups)),
  };
}
