/** The naive baseline: every open vacancy loaded as an entity and ranked, checked against the full path. */
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DEFAULT_EXCLUSION_LIMIT, DEFAULT_MATCH_LIMIT, DEFAULT_WEIGHTS, rankVacancies } from '@app/domain';
import { MatchingRepository } from '@app/persistence';
import { loadEveryOpenVacancy } from '@app/testing';
import { MatchingService } from '@app/worker/matching/matching.service';
import { Teardown } from '../support/teardown';
import { FROM } from './settings';
import { type Stats, stats } from './stats';

interface NaiveRun {
  total: number;
  load: number;
  rank: number;
}

/** The same claim and write as the full path; the candidates are every open vacancy, as entities. */
async function naiveMatch(repository: MatchingRepository, dataSource: DataSource, referralId: string): Promise<NaiveRun> {
  let load = 0;
  let rank = 0;
  const started = performance.now();
  const result = await repository.run(referralId, FROM, async ({ referral, weights }) => {
    const t0 = performance.now();
    const vacancies = await loadEveryOpenVacancy(dataSource);
    const t1 = performance.now();
    const ranked = rankVacancies(referral, vacancies, weights ?? DEFAULT_WEIGHTS, {
      limit: DEFAULT_MATCH_LIMIT,
      exclusionLimit: DEFAULT_EXCLUSION_LIMIT,
    });
    load = t1 - t0;
    rank = performance.now() - t1;
    return ranked;
  });
  if (result.outcome !== 'matched') throw new Error(`referral ${referralId} was not claimable (naive)`);
  return { total: performance.now() - started, load, rank };
}

/** The stored shortlist and exclusions of a referral, as one comparable string. */
async function storedResult(db: Client, referralId: string): Promise<string> {
  const { rows } = await db.query(
    `SELECT (SELECT coalesce(json_agg(json_build_array(rank, vacancy_id, score, distance_miles, weekly_cost, breakdown) ORDER BY rank), '[]')
               FROM referral_matches WHERE referral_id = $1) AS matches,
            (SELECT coalesce(json_agg(json_build_array(position, vacancy_id, distance_miles, reasons) ORDER BY position), '[]')
               FROM referral_exclusions WHERE referral_id = $1) AS exclusions,
            (SELECT status FROM referrals WHERE id = $1) AS status`,
    [referralId],
  );
  return JSON.stringify(rows[0]);
}

export interface NaiveResult {
  runs: NaiveRun[];
  total: Stats;
  load: Stats;
  rank: Stats;
  compared: number;
  mismatches: string[];
  peakRssMb: number;
}

export async function timeNaive(
  repository: MatchingRepository,
  service: MatchingService,
  dataSource: DataSource,
  db: Client,
  ids: string[],
  runs: number,
  teardown: Teardown,
): Promise<NaiveResult> {
  const measured: NaiveRun[] = [];
  const mismatches: string[] = [];
  let peakRss = process.memoryUsage().rss;
  // One warm-up when there are enough runs to be worth it (the code is warm from smaller sizes).
  if (runs >= 10) await naiveMatch(repository, dataSource, ids[0]);
  for (let i = 0; i < runs && !teardown.stopping; i += 1) {
    // Spread over the referrals, so a handful of runs still sees a mix.
    const id = ids[Math.floor((i * ids.length) / runs + 1) % ids.length];
    measured.push(await naiveMatch(repository, dataSource, id));
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const naive = await storedResult(db, id);
    const full = await service.match(id, FROM);
    if (full.outcome !== 'matched') throw new Error(`referral ${id} was not claimable`);
    const fullStored = await storedResult(db, id);
    if (naive !== fullStored && mismatches.length < 3) {
      mismatches.push(`referral ${id}: naive ${naive.slice(0, 400)} ... full ${fullStored.slice(0, 400)} ...`);
    } else if (naive !== fullStored) {
      mismatches.push(`referral ${id}`);
    }
  }
  return {
    runs: measured,
    total: stats(measured.map((r) => r.total)),
    load: stats(measured.map((r) => r.load)),
    rank: stats(measured.map((r) => r.rank)),
    compared: measured.length,
    mismatches,
    peakRssMb: peakRss / 2 ** 20,
  };
}
