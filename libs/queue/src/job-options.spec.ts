import { backoffStrategy, JOB_OPTIONS, MATCH_BACKOFF_CAP_MS } from './job-options';
import { JobName } from '@app/jobs';

/** The waits between a job's attempts, as BullMQ would take them from its options. */
function waits(name: JobName): number[] {
  const opts = JOB_OPTIONS[name];
  const backoff = opts.backoff as { type: string; delay: number };
  return Array.from({ length: (opts.attempts ?? 1) - 1 }, (_, i) =>
    backoff.type === 'fixed' ? backoff.delay : backoffStrategy(i + 1, backoff.type, undefined, { opts }),
  );
}

const total = (ms: number[]) => ms.reduce((sum, wait) => sum + wait, 0);

describe('matching retries', () => {
  it('outlast a several-minute outage: routine doubling from 1 s, capped at 2 minutes, about 10 minutes in all', () => {
    const routine = waits(JobName.MatchReferral);
    expect(routine.slice(0, 4)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(Math.max(...routine)).toBe(MATCH_BACKOFF_CAP_MS);
    expect(total(routine)).toBeGreaterThanOrEqual(8 * 60_000);
    expect(total(routine)).toBeLessThanOrEqual(15 * 60_000);
    expect(waits(JobName.RematchReferral)).toEqual(routine);
  });

  it('retry an emergency every 2 s for as long, never waiting longer', () => {
    const emergency = waits(JobName.MatchEmergency);
    expect(Math.max(...emergency)).toBe(2_000);
    expect(total(emergency)).toBeGreaterThanOrEqual(total(waits(JobName.MatchReferral)) - 60_000);
  });
});
