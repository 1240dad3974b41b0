import type { INestApplication } from '@nestjs/common';
import { Redis } from 'ioredis';
import { deleteRedisKeys } from '@app/testing';
import { ADMIN, startAnotherInstance, startTestApi, TestApi } from './support/test-api';

/** Without TRUST_PROXY: every request comes from the test's own address, whatever it claims. */
describe('login rate limit per address (e2e)', () => {
  let api: TestApi;
  let redis: Redis;
  let second: { app: INestApplication; http: TestApi['http'] } | undefined;
  const throttleKeys = () => redis.keys(`${api.queuePrefix}:throttle:*`);
  const attempt = (http: TestApi['http'], forwardedFor?: string) => {
    const request = http().post('/api/v1/auth/login');
    if (forwardedFor) request.set('X-Forwarded-For', forwardedFor);
    return request.send({ ...ADMIN, password: 'guess' });
  };

  beforeAll(async () => {
    api = await startTestApi({ LOGIN_RATE_LIMIT: '3' });
    redis = new Redis(api.redisUrl);
  });
  // Each test starts with no attempts counted.
  beforeEach(() => deleteRedisKeys(redis, `${api.queuePrefix}:throttle:`));
  afterAll(async () => {
    await second?.app.close();
    redis.disconnect();
    await api.close();
  });

  it('answers 429 with Retry-After once a client has tried too many logins in a minute', async () => {
    for (let i = 0; i < 3; i += 1) expect((await attempt(api.http)).status).toBe(401);
    const limited = await attempt(api.http);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', message: 'Too many sign-in attempts; wait 1 minute' });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The right password does not get through either while the address is blocked.
    expect((await api.http().post('/api/v1/auth/login').send(ADMIN)).status).toBe(429);
  });

  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    for (let i = 0; i < 3; i += 1) expect((await attempt(api.http, `198.51.100.${i + 1}`)).status).toBe(401);
    expect((await attempt(api.http, '198.51.100.99')).status).toBe(429);
  });

  it('counts in Redis, shared by every api instance, without an email or address in clear', async () => {
    second = await startAnotherInstance();
    expect((await attempt(api.http)).status).toBe(401);
    expect((await attempt(second.http)).status).toBe(401);
    expect((await attempt(api.http)).status).toBe(401);
    expect((await attempt(second.http)).status).toBe(429);
    expect((await attempt(api.http)).status).toBe(429);

    const keys = await throttleKeys();
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).not.toMatch(/e2e\.test|127\.0\.0\.1/);
      expect(key).toMatch(/^[^:]+:throttle:login-(address|account):\{[0-9a-f]{64}\}:(hits|block)$/);
    }
  });
});
