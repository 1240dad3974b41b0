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
