import { JobName } from '@app/jobs';
import { collectHandlers, JobWorkers } from './job-workers.service';

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
  function workersWith(handler: object) {
    const workers = new JobWorkers({} as never, {} as never);
    (workers as unknown as { handlers: unknown }).handlers = collectHandlers(
      Object.values(JobName).map((job) => ({ job, instance: handler, name: job })),
    );
    return workers;
  }
  const recorder = () => {
    const marked: string[] = [];
    return { marked, handler: { handle: async () => undefined, onFinalFailure: async (_: unknown, error: Error) => void marked.push(error.name) } };
  };
  const job = (finishedOn?: number) => ({ name: JobName.MatchReferral, id: '1', data: { referralId: 'r-1' }, attemptsMade: 1, finishedOn });

  it('marks nothing while the job will be retried', async () => {
    const { marked, handler } = recorder();
    await workersWith(handler).failed(job() as never, new TypeError('boom'));
    expect(marked).toEqual([]);
  });

  it('tells the handler when the job has failed for good, whether it threw or stalled too often', async () => {
    const { marked, handler } = recorder();
    const workers = workersWith(handler);
    await workers.failed(job(Date.now()) as never, new TypeError('boom'));
    await workers.failed(job(Date.now()) as never, new Error('job stalled more than allowable limit'));
    expect(marked).toEqual(['TypeError', 'Error']);
  });

  it('survives a handler that cannot record the failure', async () => {
    const workers = workersWith({
      handle: async () => undefined,
      onFinalFailure: async () => {
        throw new Error('database down');
      },
    });
    await expect(workers.failed(job(Date.now()) as never, new TypeError('boom'))).resolves.toBeUndefined();
  });
});
