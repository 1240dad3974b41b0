import { runChaos } from '../../../scripts/chaos/run';

/**
 * `npm run chaos` in one minute: 2 apis and 3 workers on a Postgres and a Redis of their own,
 * referrals, offers and acceptances driven through HTTP while a worker and an api are SIGKILLed,
 * Redis restarts with and without its data and Postgres stops for 10 s; then nothing acknowledged
 * may be lost or stuck, no bed double-booked, no child placed twice, no alert dropped. The apps
 * run from the sources: `npm test` builds dist/ only after jest.
 */
describe('the platform under faults (e2e, npm run chaos for 60 s)', () => {
  it('keeps every acknowledged referral, bed and alert through worker, api, Redis and Postgres faults', async () => {
    const lines: string[] = [];
    const result = await runChaos(
      { seconds: 60, pgStopSeconds: 10, settleSeconds: 120, intakeGapMs: 500, vacancyGapMs: 4_000, apps: 'source' },
      (line = '') => lines.push(line),
    );
    const failed = result.checks.filter((check) => !check.passed);
    if (failed.length > 0 || result.code !== 0) throw new Error(`chaos checks failed:\n${lines.join('\n')}`);
    expect(result.checks.map((check) => check.name)).toHaveLength(4);
    expect(result.faults.every((fault) => fault.restoredAt !== undefined)).toBe(true);
  }, 300_000);
});
