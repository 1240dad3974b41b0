import { ADMIN, startTestApi, TestApi } from './support/test-api';

describe('login rate limit (e2e)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(() => api.close());

  it('answers 429 once a client has tried too many logins in a minute', async () => {
    const attempt = () => api.http().post('/api/v1/auth/login').send({ ...ADMIN, password: 'guess' });
    for (let i = 0; i < 3; i += 1) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
  });
});
