/** Where the full path spends its time: MatchingService.match with its claim, compute, reads and write timed. */
import { MatchingRepository } from '@app/persistence';
import { MatchingService } from '@app/worker/matching/matching.service';
import { FROM } from './settings';

interface SourceCalls {
  ms: number;
  calls: number;
  rows: number;
}

export interface Breakdown {
  total: number;
  /** Pool connect, BEGIN and the claiming UPDATE, until compute starts. */
  claim: number;
  /** All of compute (candidate reads included). */
  compute: number;
  /** Per candidate-source method match() called: time, calls, rows returned. */
  source: Map<string, SourceCalls>;
  /** From compute's end: the deletes, inserts, status update and COMMIT. */
  write: number;
  types: string;
  maxDistance: number | null;
}

export const sourceMs = (b: Breakdown) => [...b.source.values()].reduce((sum, calls) => sum + calls.ms, 0);

/** Rows in what a candidate-source call returned: an array, or an object holding `vacancies`. */
function rowsIn(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  const vacancies = (result as { vacancies?: unknown } | null)?.vacancies;
  return Array.isArray(vacancies) ? vacancies.length : 0;
}

/** The candidate source with every method call timed and its rows counted into `b`. */
function timedSource<T extends object>(source: T, b: Breakdown): T {
  return new Proxy(source, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return async (...params: unknown[]) => {
        const started = performance.now();
        const result: unknown = await value.apply(target, params);
        const calls = b.source.get(String(key)) ?? { ms: 0, calls: 0, rows: 0 };
        calls.ms += performance.now() - started;
        calls.calls += 1;
        calls.rows += rowsIn(result);
        b.source.set(String(key), calls);
        return result;
      };
    },
  });
}

/**
 * MatchingRepository whose `run` is timed while `collecting` is set: the claim, the compute (with
 * the candidate source it is given timed call by call) and the write and commit. Otherwise it is
 * the repository itself.
 */
export class InstrumentedRepository extends MatchingRepository {
  collecting: Breakdown | null = null;

  override run(...args: Parameters<MatchingRepository['run']>): ReturnType<MatchingRepository['run']> {
    const b = this.collecting;
    if (!b) return super.run(...args);
    const [referralId, from, compute] = args;
    const started = performance.now();
    let computeEnded = 0;
    const timed: typeof compute = async (claimed, source) => {
      const computeStarted = performance.now();
      b.claim = computeStarted - started;
      b.types = claimed.referral.placementTypes.join('+');
      b.maxDistance = claimed.referral.maxDistanceMiles;
      const outcome = await compute(claimed, timedSource(source, b));
      computeEnded = performance.now();
      b.compute = computeEnded - computeStarted;
      return outcome;
    };
    return super.run(referralId, from, timed).then((result) => {
      const ended = performance.now();
      b.write = ended - computeEnded;
      b.total = ended - started;
      return result;
    });
  }
}

/** One MatchingService.match, instrumented. */
export async function instrumentedMatch(
  repository: InstrumentedRepository,
  service: MatchingService,
  referralId: string,
): Promise<Breakdown> {
  const b: Breakdown = { total: 0, claim: 0, compute: 0, source: new Map(), write: 0, types: '', maxDistance: null };
  repository.collecting = b;
  try {
    const result = await service.match(referralId, FROM);
    if (result.outcome !== 'matched') throw new Error(`referral ${referralId} was not claimable`);
  } finally {
    repository.collecting = null;
  }
  return b;
}
