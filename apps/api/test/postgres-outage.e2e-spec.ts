import { randomUUID } from 'node:crypto';
import { startTcpProxy } from '@app/testing';
import type { TcpProxy } from '@app/testing';
import { bearer, createOrganisations, Organisations, referralBody, startTestApi, TestApi } from './support/test-api';

/** The api reaches Postgres through a proxy of the test's own, which the test cuts and restores. */
describe('the api while Postgres is away (e2e)', () => {
  let proxy: TcpProxy;
  let api: TestApi;
  let orgs: Organisations;

  beforeAll(async () => {
    const shared = new URL(process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    proxy = await startTcpProxy({ host: shared.hostname, port: Number(shared.port || 5432) });
    api = await startTestApi({ DATABASE_CONNECT_TIMEOUT_MS: '1000' }, { databaseUrlForApi: (url) => proxy.rewrite(url) });
    orgs = await createOrganisations(api);
  });
  afterAll(async () => {
    await proxy.restore().catch(() => undefined);
    await api.close();
    await proxy.close();
  });

  it('answers 503 with Retry-After, stays up, stores nothing half-way, and takes the same referral once Postgres is back', async () => {
    const key = randomUUID();
    const body = referralBody();
    await proxy.cut();

    // Every pooled connection was ended under the api and new ones are refused: each request
    // fails fast, as 503, and the process lives on (an unhandled connection error would end it).
    for (let i = 0; i < 3; i++) {
      const response = await api.http().post('/api/v1/referrals').set(bearer(orgs.ealing)).set('Idempotency-Key', key).send(body);
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body).toMatchObject({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The service is briefly unavailable: try again shortly',
      });
      expect(JSON.stringify(response.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|terminated/);
    }
    const reads = await api.http().get('/api/v1/referrals').set(bearer(orgs.ealing));
    expect(reads.status).toBe(503);
    const health = await api.http().get('/health').expect(503);
    expect(health.body.checks.database).toEqual({ status: 'down', responseTime: expect.any(Number) });
    expect(JSON.stringify(health.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|terminated|timeout|5432/);

    await proxy.restore();
    const accepted = await api.http().post('/api/v1/referrals').set(bearer(orgs.ealing)).set('Idempotency-Key', key).send(body).expect(202);
    const again = await api.http().post('/api/v1/referrals').set(bearer(orgs.ealing)).set('Idempotency-Key', key).send(body);
    expect(again.body.id).toBe(accepted.body.id);
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM referrals`);
    expect(n).toBe(1);
    await api.http().get('/health').expect(200);
  });
});
