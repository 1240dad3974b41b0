import { bearer, createOrganisations, createSetting, Organisations, referralBody, startTestApi, TestApi, todayInEngland } from './support/test-api';

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

  describe('malformed input found by fuzzing answers 400, never 500, and stores nothing', () => {
    const referralCount = async () => (await api.dataSource.query(`SELECT count(*)::int AS n FROM referrals`))[0].n as number;

    it('refuses JSON nested 10,000 deep on every route that takes a body', async () => {
      const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
      const routes: [string, string][] = [
        ['/api/v1/referrals', orgs.ealing],
        ['/api/v1/vacancies', orgs.providerA.token],
        ['/api/v1/auth/login', orgs.ealing],
      ];
      for (const [path, token] of routes) {
        const response = await api
          .http()
          .post(path)
          .set(bearer(token))
          .set('Idempotency-Key', `deep-${path.split('/').pop()}`)
          .set('Content-Type', 'application/json')
          .send(deep);
        expect(response.status).toBe(400);
        expect(response.body.details).toEqual([{ field: expect.any(String), problem: 'must not be nested more than 16 levels deep' }]);
      }
    });

    it('refuses an offset beyond the bound with the field named', async () => {
      const response = await api.http().get('/api/v1/referrals?offset=1e300').set(bearer(orgs.ealing)).expect(400);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'offset' })]);
      await api.http().get('/api/v1/referrals?offset=10000000').set(bearer(orgs.ealing)).expect(200);
    });

    it('caps every list at what the domain holds and a phone number at 30 characters, naming the field', async () => {
      const setting = await createSetting(api, orgs.providerA);
      const vacancy = { settingId: setting.id, beds: 1, availableFrom: todayInEngland(), weeklyCost: 5_000 };
      const cases: [string, string, object, string][] = [
        ['/vacancies', orgs.providerA.token, { ...vacancy, reservedFor: { legalStatuses: Array(14).fill('J1') } }, 'reservedFor.legalStatuses'],
        ['/vacancies', orgs.providerA.token, { ...vacancy, reservedFor: { localAuthorityCodes: Array(154).fill('E09000009') } }, 'reservedFor.localAuthorityCodes'],
        ['/settings', orgs.providerA.token, { providerId: orgs.providerA.id, genders: ['female', 'male', 'other', 'female'] }, 'genders'],
        ['/settings', orgs.providerA.token, { providerId: orgs.providerA.id, needsExcluded: Array(24).fill('fire-setting') }, 'needsExcluded'],
        ['/admin/users', orgs.admin, { email: 'long.phone@e2e.test', password: 'a-long-enough-password', role: 'admin', phone: '0'.repeat(31) }, 'phone'],
      ];
      for (const [path, token, body, field] of cases) {
        const response = await api.http().post(`/api/v1${path}`).set(bearer(token)).send(body).expect(400);
        expect(response.body.details).toContainEqual({ field, problem: expect.stringMatching(/^must contain no more than \d+ elements$|^must be shorter than or equal to 30 characters$/) });
      }
      const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM vacancies WHERE setting_id = $1`, [setting.id]);
      expect(n).toBe(0);
    });

    it('refuses a page bound that is not written as a whole number, with one problem naming it', async () => {
      for (const query of ['offset=', 'offset=%20', 'limit=', 'limit=0x10', 'offset=1e2', 'limit=1&limit=2']) {
        const response = await api.http().get(`/api/v1/alliances?${query}`).set(bearer(orgs.admin)).expect(400);
        const field = query.split('=')[0];
        const bound = field === 'limit' ? 'from 1 to 200' : 'from 0 to 10000000';
        expect(response.body.details).toEqual([{ field, problem: `must be a whole number ${bound}` }]);
      }
      await api.http().get('/api/v1/alliances?limit=200&offset=0').set(bearer(orgs.admin)).expect(200);
    });

    it('refuses a lone surrogate in an email at sign-in', async () => {
      const response = await api.http().post('/api/v1/auth/login').send({ email: 'a\ud800@e2e.test', password: 'x' }).expect(400);
      expect(response.body.details).toEqual([{ field: 'email', problem: 'must be valid Unicode text' }]);
    });

    it('refuses __proto__ and constructor as fields', async () => {
      const before = await referralCount();
      for (const key of ['__proto__', 'constructor']) {
        const body = `{"${key}": {"x": 1}, ${JSON.stringify(referralBody()).slice(1)}`;
        const response = await api
          .http()
          .post('/api/v1/referrals')
          .set(bearer(orgs.ealing))
          .set('Idempotency-Key', `proto-${key}`)
          .set('Content-Type', 'application/json')
          .send(body)
          .expect(400);
        expect(response.body.details).toEqual([{ field: key, problem: 'is not an allowed field' }]);
      }
      expect(await referralCount()).toBe(before);
    });

    it('refuses an empty list or object as a vacancy\'s reservation', async () => {
      const setting = await createSetting(api, orgs.providerA);
      for (const reservedFor of [[], {}, 'J1']) {
        const response = await api
          .http()
          .post('/api/v1/vacancies')
          .set(bearer(orgs.providerA.token))
          .send({ settingId: setting.id, beds: 1, availableFrom: todayInEngland(), weeklyCost: 5_000, reservedFor })
          .expect(400);
        expect(response.body.details).toContainEqual({
          field: 'reservedFor',
          problem: 'must be an object naming legalStatuses, localAuthorityCodes or both',
        });
      }
      const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM vacancies WHERE setting_id = $1`, [setting.id]);
      expect(n).toBe(0);
    });
  });

  it('sets security headers', async () => {
    const response = await api.http().get('/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
