import { ADMIN, startTestApi, TestApi } from './support/test-api';

/** Behind a trusted proxy: each request's address is the one X-Forwarded-For names. */
describe('login rate limit per account (e2e)', () => {
  let api: TestApi;
  const attempt = (email: string, from: string, password = 'guess') =>
    api.http().post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ email, password });

  beforeAll(async () => {
    api = await startTestApi({ TRUST_PROXY: 'true', LOGIN_RATE_LIMIT: '4', LOGIN_ACCOUNT_RATE_LIMIT: '3' });
  });
  afterAll(() => api.close());

  it('answers 429 with Retry-After once one account has had too many attempts, from any addresses', async () => {
    for (let i = 0; i < 3; i += 1) expect((await attempt(ADMIN.email, `192.0.2.${i + 1}`)).status).toBe(401);
    // A fourth address, and the email written differently: still the same account.
    const limited = await attempt(ADMIN.email.toUpperCase(), '192.0.2.4', ADMIN.password);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', message: 'Too many sign-in attempts; wait 15 minutes' });
    expect(JSON.stringify(limited.body)).not.toContain('e2e.test');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    // Another account from the same addresses is not held back.
    expect((await attempt('someone.else@e2e.test', '192.0.2.1')).status).toBe(401);
  });

  it('limits each forwarded client address on its own', async () => {
    for (let i = 0; i < 4; i += 1) expect((await attempt(`nobody${i}@e2e.test`, '203.0.113.50')).status).toBe(401);
    const limited = await attempt('nobody9@e2e.test', '203.0.113.50');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await attempt('nobody9@e2e.test', '203.0.113.51')).status).toBe(401);
  });
});
