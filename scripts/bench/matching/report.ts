/** The report of bench:matching: the tables of sections 1 to 3, then each aim met, missed or not measured. */
import type { EndToEnd } from './end-to-end';
import type { LoadStep } from './grow-vacancies';
import { type Breakdown, sourceMs } from './instrumented';
import type { NoopResult } from './noop-jobs';
import { AIMS, settings } from './settings';
import type { SizeResult } from './size-result';
import { fixed, log, machineLine, table, whole } from '../support/output';

export interface Aim {
  met: boolean | undefined;
  text: string;
}

export function reportResults(
  sizes: number[],
  results: SizeResult[],
  loads: LoadStep[],
  e2e: EndToEnd | undefined,
  noop: NoopResult | undefined,
): Aim[] {
  const at = (size: number) => results.find((r) => r.size === size);
  const headline = at(settings.headlineSize);
  log(`1. One referral against ${whole(settings.headlineSize)} open vacancies (ms; one at a time, in-process)`);
  if (headline) {
    const rows: (string | number)[][] = [
      [
        'full: MatchingService.match',
        headline.full.ms.n,
        fixed(headline.full.ms.p50, 2),
        fixed(headline.full.ms.p99, 2),
        fixed(headline.full.ms.mean, 2),
        fixed(headline.full.ms.max, 2),
      ],
    ];
    if (headline.naive) {
      const n = headline.naive;
      rows.push(
        ['naive: every open vacancy as an entity', n.total.n, fixed(n.total.p50, 1), fixed(n.total.p99, 1), fixed(n.total.mean, 1), fixed(n.total.max, 1)],
        ['  of which loadEveryOpenVacancy', n.load.n, fixed(n.load.p50, 1), fixed(n.load.p99, 1), fixed(n.load.mean, 1), fixed(n.load.max, 1)],
        ['  of which rankVacancies (50, 200)', n.rank.n, fixed(n.rank.p50, 1), fixed(n.rank.p99, 1), fixed(n.rank.mean, 1), fixed(n.rank.max, 1)],
      );
    }
    log(table(['path', 'runs', 'p50', 'p99', 'mean', 'max'], rows));
    log(
      'Both paths claim the referral, rank and write the shortlist (50) and the nearest exclusions (200) in one ' +
        'transaction (MatchingRepository.run); they differ only in how candidates are read.',
    );
    if (headline.naive) {
      log(
        `naive/full: ${fixed(headline.naive.total.p50 / headline.full.ms.p50, 1)}x at p50, ` +
          `${fixed(headline.naive.total.p99 / headline.full.ms.p99, 1)}x at p99`,
      );
    }
  } else {
    log(`  not measured: BENCH_HEADLINE_SIZE ${settings.headlineSize} is not in BENCH_SIZES (${sizes.join(',')})`);
  }
  log();

  log('2. Scaling (ms)');
  log(
    table(
      ['open vacancies', 'full runs', 'p50', 'p99', 'max', 'p50, p99 vs previous', 'shortlisted', 'no_match', 'naive runs', 'naive p50', 'naive p99', 'naive/full p50', 'data load s', 'service start s'],
      results.map((r, i) => [
        whole(r.size),
        r.full.ms.n,
        fixed(r.full.ms.p50, 2),
        fixed(r.full.ms.p99, 2),
        fixed(r.full.ms.max, 2),
        i === 0
          ? '-'
          : `${fixed(r.full.ms.p50 / results[i - 1].full.ms.p50, 2)}x, ${fixed(r.full.ms.p99 / results[i - 1].full.ms.p99, 2)}x`,
        r.full.shortlisted,
        r.full.noMatch,
        r.naive?.total.n ?? 0,
        r.naive ? fixed(r.naive.total.p50, 1) : '-',
        r.naive ? fixed(r.naive.total.p99, 1) : '-',
        r.naive ? `${fixed(r.naive.total.p50 / r.full.ms.p50, 1)}x` : '-',
        fixed((loads.find((l) => l.size === r.size)?.insertSeconds ?? NaN) + (loads.find((l) => l.size === r.size)?.vacuumSeconds ?? NaN)),
        fixed(r.startupSeconds, 2),
      ]),
    ),
  );
  const big500 = at(500_000);
  const small50 = at(50_000);
  if (big500 && small50) {
    log(
      `growth 500,000/50,000: ${fixed(big500.full.ms.p50 / small50.full.ms.p50, 2)}x at p50, ` +
        `${fixed(big500.full.ms.p99 / small50.full.ms.p99, 2)}x at p99 (10x the vacancies)`,
    );
  }
  const naiveSkipped = results.filter((r) => !r.naive).map((r) => whole(r.size));
  if (naiveSkipped.length > 0) log(`naive not run at ${naiveSkipped.join(', ')} (BENCH_NAIVE_RUNS / BENCH_NAIVE_RUNS_LARGE)`);
  const peak = Math.max(...results.map((r) => r.naive?.peakRssMb ?? 0));
  if (peak > 0) log(`naive runs: bench process peak RSS ${whole(peak)} MB`);
  log();

  log('Where the full path spends its time (instrumented MatchingService.match runs; means: ms, and rows read per match)');
  const methods = [...new Set(results.flatMap((r) => r.breakdown.flatMap((b) => [...b.source.keys()])))];
  const mean = (list: Breakdown[], value: (b: Breakdown) => number) =>
    list.reduce((sum, b) => sum + value(b), 0) / Math.max(1, list.length);
  const calls = (b: Breakdown, method: string) => b.source.get(method) ?? { ms: 0, calls: 0, rows: 0 };
  log(
    table(
      [
        'open vacancies',
        'runs',
        'total',
        'claim',
        ...methods.flatMap((method) => [`${method}()`, 'calls', 'rows']),
        'rest of compute',
        'write+commit',
        'CPU bench',
        'CPU postgres',
      ],
      results
        .filter((r) => r.breakdown.length > 0)
        .map((r) => [
          whole(r.size),
          r.breakdown.length,
          fixed(mean(r.breakdown, (b) => b.total), 2),
          fixed(mean(r.breakdown, (b) => b.claim), 2),
          ...methods.flatMap((method) => [
            fixed(mean(r.breakdown, (b) => calls(b, method).ms), 2),
            fixed(mean(r.breakdown, (b) => calls(b, method).calls), 1),
            whole(mean(r.breakdown, (b) => calls(b, method).rows)),
          ]),
          fixed(mean(r.breakdown, (b) => b.compute - sourceMs(b)), 2),
          fixed(mean(r.breakdown, (b) => b.write), 2),
          `${whole(r.full.cpu.bench)}%`,
          `${whole(r.full.cpu.postgres)}%`,
        ]),
    ),
  );
  log(
    '(method(): the candidate-source calls match() made, from sending the query to rows as objects; rest of compute: ' +
      'ranking and the rest; claim includes taking a pooled connection and BEGIN; CPU: % of one core during the measured runs)',
  );
  const largest = results[results.length - 1];
  if (largest && largest.breakdown.length > 0) {
    log(`Slowest instrumented runs at ${whole(largest.size)} vacancies`);
    log(
      table(
        ['total ms', 'types', 'max miles', 'claim', ...methods.flatMap((method) => [`${method}()`, 'rows']), 'rest of compute', 'write'],
        [...largest.breakdown]
          .sort((a, b) => b.total - a.total)
          .slice(0, 5)
          .map((b) => [
            fixed(b.total, 2),
            b.types,
            b.maxDistance ?? 'none',
            fixed(b.claim, 2),
            ...methods.flatMap((method) => [fixed(calls(b, method).ms, 2), whole(calls(b, method).rows)]),
            fixed(b.compute - sourceMs(b), 2),
            fixed(b.write, 2),
          ]),
      ),
    );
  }
  log();

  log(`3. End to end through BullMQ at ${whole(settings.headlineSize)} open vacancies`);
  if (e2e && noop) {
    log(
      table(
        ['what', 'jobs', 'concurrency', 'total s', 'first done at s', 'rate/s after first', 'CPU worker', 'CPU postgres', 'CPU machine'],
        [
          [
            'referrals matched by one worker process',
            e2e.complete ? whole(e2e.referrals) : `${whole(e2e.matched)} of ${whole(e2e.referrals)}`,
            e2e.concurrency,
            fixed(e2e.totalSeconds, 2),
            fixed(e2e.firstMatchedAfter, 2),
            whole(e2e.ratePerSecond),
            `${whole(e2e.cpu.worker)}%`,
            `${whole(e2e.cpu.postgres)}%`,
            `${whole(e2e.cpu.machine)}%`,
          ],
          ['no-op jobs, BullMQ Worker in the bench process', whole(noop.jobs), settings.concurrency, fixed(noop.processSeconds, 2), '-', whole(noop.ratePerSecond), '-', '-', '-'],
        ],
      ),
    );
    log(
      `referrals: ${whole(e2e.shortlisted)} shortlisted, ${whole(e2e.noMatch)} no_match, ${whole(e2e.failed)} match_failed` +
        `${e2e.complete ? '' : `, ${whole(e2e.referrals - e2e.matched - e2e.failed)} not yet matched when BENCH_E2E_TIMEOUT (${settings.e2eTimeout} s) passed`}; ` +
        `total = from spawning the worker (start-up, relay publishing and matching); rate after the first = ` +
        `(${whole(e2e.matched)} - ${whole(e2e.matchedAtFirst)} seen at the first poll) / time since; no-op jobs added ` +
        `with addBulk beforehand in ${fixed(noop.addSeconds, 2)} s (not counted)`,
    );
    log(
      `referrals/s / no-op jobs/s: ${(e2e.ratePerSecond / noop.ratePerSecond).toPrecision(2)} ` +
        `(a no-op job is ${fixed(noop.ratePerSecond / e2e.ratePerSecond, 1)}x faster than matching a referral)`,
    );
  } else {
    log(
      settings.e2e
        ? `  not run: BENCH_HEADLINE_SIZE ${settings.headlineSize} is not in BENCH_SIZES (${sizes.join(',')})`
        : '  not run (BENCH_E2E=0)',
    );
  }
  log();

  // ---- verdict
  log(`machine at the end: ${machineLine()}`);
  const aims: { met: boolean | undefined; text: string }[] = [];
  aims.push({
    met: headline ? headline.full.ms.p99 <= AIMS.p99Ms : undefined,
    text: `full-path p99 at ${whole(settings.headlineSize)}: ${headline ? `${fixed(headline.full.ms.p99, 2)} ms` : 'not measured'} (aim <= ${AIMS.p99Ms} ms)`,
  });
  const ratio = headline?.naive ? headline.naive.total.p50 / headline.full.ms.p50 : NaN;
  aims.push({
    met: Number.isFinite(ratio) ? ratio >= AIMS.naiveRatio : undefined,
    text: `naive/full at ${whole(settings.headlineSize)} (p50s): ${Number.isFinite(ratio) ? `${fixed(ratio, 1)}x` : 'not measured'} (aim >= ${AIMS.naiveRatio}x)`,
  });
  const growth =
    big500 && small50 ? Math.max(big500.full.ms.p50 / small50.full.ms.p50, big500.full.ms.p99 / small50.full.ms.p99) : NaN;
  aims.push({
    met: Number.isFinite(growth) ? growth <= AIMS.growth : undefined,
    text: `growth 500,000/50,000 (worse of p50 and p99): ${Number.isFinite(growth) ? `${fixed(growth, 2)}x` : 'not measured'} (aim <= ${AIMS.growth}x)`,
  });
  aims.push({
    met: e2e ? e2e.ratePerSecond >= AIMS.referralsPerSecond : undefined,
    text: `end to end, one worker: ${e2e ? `${whole(e2e.ratePerSecond)} referrals/s` : 'not measured'} (aim >= ${AIMS.referralsPerSecond}/s)`,
  });
  for (const aim of aims) log(`${aim.met === undefined ? 'AIM NOT MEASURED' : aim.met ? 'AIM MET   ' : 'AIM MISSED'}: ${aim.text}`);
  return aims;
}
