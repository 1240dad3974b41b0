import { randomUUID } from 'node:crypto';
import { bearer, createOrganisations, Organisations, referralBody, startTestApi, TestApi } from './support/test-api';

/**
 * The steady pace: a burst at once, then one referral every 60,000 / INTAKE_RATE_LIMIT ms. One
 * every 5 s, so that however slow the machine, the third POST comes before the next turn.
 */
describe('routine intake paced per LA (e2e)', () => {
  let api: TestApi;
  let orgs: Organisations;

  beforeAll(async () => {
    api = await startTestApi({ INTAKE_RATE_LIMIT: '12', INTAKE_RATE_BURST: '2' });
    orgs = await createOrganisations(api);
  });
  afterAll(() => api.close());

  const submit = () => api.http().post('/api/v1/referrals').set(bearer(orgs.ealing)).set('Idempotency-Key', randomUUID()).send(referralBody());

  it('takes the burst at once, refuses the next until its turn, then takes one again', async () => {
    await submit().expect(202);
    await submit().expect(202);
    const refused = await submit().expect(429);
    // Answered when the next turn is due or after a second, whichever first: the rest to wait.
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(4);
    // Within the 5 s (with room for a slow machine) one is taken again.
    let status = 429;
    for (const deadline = Date.now() + 15_000; status === 429 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      status = (await submit()).status;
    }
    expect(status).toBe(202);
  });
});
