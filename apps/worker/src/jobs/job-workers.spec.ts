import { JobName } from '@app/queue';
import { collectHandlers } from './job-workers.service';

describe('collectHandlers', () => {
  const handler = (name: string) => ({ instance: { handle: async () => name }, name });
  const everyJob = () => Object.values(JobName).map((job) => ({ job, ...handler(`${job}-handler`) }));

  it('maps every job in the catalogue to its one handler', () => {
    const handlers = collectHandlers([...everyJob(), { job: undefined, ...handler('not a handler') }]);
    expect([...handlers.keys()].sort()).toEqual(Object.values(JobName).sort());
  });

  it('refuses a catalogue job with no handler', () => {
    const found = everyJob().filter((h) => h.job !== JobName.RematchReferral);
    expect(() => collectHandlers(found)).toThrow("job 'rematch-referral' has no handler");
  });

  it('refuses a job with two handlers, naming both', () => {
    const found = [...everyJob(), { job: JobName.MatchReferral, ...handler('SecondMatcher') }];
    expect(() => collectHandlers(found)).toThrow(
      "job 'match-referral' has 2 handlers (match-referral-handler, SecondMatcher)",
    );
  });

  it('refuses a handler for a job the catalogue does not have', () => {
    const found = [...everyJob(), { job: 'send-fax' as JobName, ...handler('FaxHandler') }];
    expect(() => collectHandlers(found)).toThrow("a handler names unknown job 'send-fax'");
  });
});

describe('JobWorkers: a job that keeps failing', () => {
  const failing = () => {
    const calls: string[] = [];
    const handler = {
      handle: async () => {
        throw new TypeError('boom');
      },
      onFinalFailure: async (_payload: unknown, error: Error) => {
        calls.push(error.name);
      },
    };
    return { handler, calls };
  };

  async function run(attemptsMade: number, attempts: number, handler: object) {
    const { JobWorkers } = await import('./job-workers.service');
    const discovery = {
      getProviders: () => Object.values(JobName).map((job) => ({ job, instance: handler, name: job })),
      getMetadataByDecorator: (_decorator: unknown, wrapper: { job: JobName }) => wrapper.job,
    };
    const workers = new JobWorkers(discovery as never, {} as never);
    (workers as unknown as { handlers: unknown }).handlers = collectHandlers(
      discovery.getProviders().map((w) => ({ job: w.job, instance: w.instance, name: w.name })),
    );
    const job = { name: JobName.MatchReferral, data: { referralId: 'r-1' }, attemptsMade, opts: { attempts } };
    return (workers as unknown as { process(job: object): Promise<unknown> }).process(job);
  }

  it('is retried without marking anything until its last attempt', async () => {
    const { handler, calls } = failing();
    await expect(run(0, 5, handler)).rejects.toThrow('boom');
    await expect(run(3, 5, handler)).rejects.toThrow('boom');
    expect(calls).toEqual([]);
  });

  it('on its last attempt tells the handler, which marks the referral, and stays failed', async () => {
    const { handler, calls } = failing();
    await expect(run(4, 5, handler)).rejects.toThrow('boom');
    expect(calls).toEqual(['TypeError']);
  });
});
