import { bearer, createOrganisations, Organisations, referralBody, startTestApi, TestApi } from './support/test-api';

describe('the HTTP edge (e2e)', () => {
  let api: TestApi;
  let orgs: Organisations;

  beforeAll(async () => {
    api = await startTestApi();
    orgs = await createOrganisations(api);
  });
  afterAll(() => api.close());

  it('answers malformed JSON with the contract error body', async () => {
    const response = await api
      .http()
      .post('/api/v1/referrals')
      .set(bearer(orgs.ealing))
      .set('Idempotency-Key', 'malformed-1')
      .set('Content-Type', 'application/json')
      .send('{"child": {')
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: 'Request body is not valid JSON' });
    expect(response.body.requestId).toEqual(response.headers['x-request-id']);
  });

  it('answers a body over 256 KB with 413 and stores nothing', async () => {
    const body = referralBody({ notes: 'x'.repeat(300 * 1024) });
    const response = await api
      .http()
      .post('/api/v1/referrals')
      .set(bearer(orgs.ealing))
      .set('Idempotency-Key', 'too-large-1')
      .send(body)
      .expect(413);
    expect(response.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    const [row] = await api.dataSource.query(`SELECT count(*)::int AS n FROM referrals`);
    expect(row.n).toBe(0);
  });

  it('rejects unknown fields, naming them', async () => {
    const response = await api
      .http()
      .post('/api/v1/referrals')
      .set(bearer(orgs.ealing))
      .set('Idempotency-Key', 'unknown-field-1')
      .send({ ...referralBody(), childName: 'Jane' })
      .expect(400);
    expect(response.body.details).toEqual([{ field: 'childName', problem: 'is not an allowed field' }]);
  });

  it('echoes a sane caller request id and uses it in error bodies', async () => {
    const response = await api.http().get('/api/v1/referrals/not-a-uuid').set(bearer(orgs.ealing)).set('X-Request-Id', 'trace-123').expect(400);
    expect(response.headers['x-request-id']).toBe('trace-123');
    expect(response.body).toMatchObject({ requestId: 'trace-123', details: [{ field: 'id', problem: 'must be a UUID' }] });
  });

  it('answers unknown routes with 404 in the same shape', async () => {
    const response = await api.http().get('/api/v1/nothing-here').set(bearer(orgs.ealing)).expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('sets security headers', async () => {
    const response = await api.http().get('/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
