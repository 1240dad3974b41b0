import { randomUUID } from 'node:crypto';
import { bearer, createOrganisations, Organisations, referralBody, startTestApi, TestApi, todayInEngland } from './support/test-api';

/** Fair intake: a low per-LA limit, so that the test reaches it. */
describe('routine intake limited per LA (e2e)', () => {
  let api: TestApi;
  let orgs: Organisations;

  beforeAll(async () => {
    api = await startTestApi({ INTAKE_RATE_LIMIT: '3' });
    orgs = await createOrganisations(api);
  });
  afterAll(() => api.close());

  const submit = (token: string, body: object = referralBody()) =>
    api.http().post('/api/v1/referrals').set(bearer(token)).set('Idempotency-Key', randomUUID()).send(body);
  const stored = async () => (await api.dataSource.query(`SELECT count(*)::int AS n FROM referrals`))[0].n as number;

  it('refuses an LA its routine referrals over the limit with 429 and Retry-After, never an emergency, never another LA', async () => {
    for (let i = 0; i < 3; i++) await submit(orgs.ealing).expect(202);
    const before = await stored();
    const refused = await submit(orgs.ealing).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringContaining('emergencies are always taken'),
      requestId: expect.any(String),
    });
    expect(await stored()).toBe(before);

    // An emergency from the same LA is taken at once, and not counted.
    await submit(orgs.ealing, referralBody({ urgency: 'emergency', requiredBy: todayInEngland() })).expect(202);
    // Another LA has its own count.
    await submit(orgs.brent).expect(202);
    expect(await stored()).toBe(before + 2);
  });

  it('limits only POST /referrals itself, leaves bad tokens to the guard, and still takes emergencies', async () => {
    // Ealing is over its limit already (the test above).
    const [{ id: referralId }] = await api.dataSource.query(
      `SELECT id FROM referrals WHERE local_authority_code = 'E09000009' ORDER BY created_at LIMIT 1`,
    );
    // Another route under /referrals is not counted nor refused.
    const recipients = await api.http().post(`/api/v1/referrals/${referralId}/recipients`).set(bearer(orgs.ealing)).send({});
    expect(recipients.status).toBe(400);
    expect(recipients.body.details).toEqual([expect.objectContaining({ field: 'providerIds' })]);
    // A token that does not verify is the guard's to answer, limit or not.
    await submit('not-a-token').expect(401);
    // An emergency is still taken after refusals this instance remembers.
    await submit(orgs.ealing).expect(429);
    await submit(orgs.ealing, referralBody({ urgency: 'emergency', requiredBy: todayInEngland() })).expect(202);
  });
});
