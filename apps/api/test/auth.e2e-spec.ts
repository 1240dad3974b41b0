import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPENAPI_JSON, REPO_ROOT } from '../../../scripts/dev/openapi-files';
import { documentedKeys, documentedResponse } from './support/openapi';
import { ADMIN, bearer, createOrganisations, login, Organisations, startTestApi, TestApi } from './support/test-api';

describe('auth, health and docs (e2e)', () => {
  let api: TestApi;
  let orgs: Organisations;

  beforeAll(async () => {
    api = await startTestApi();
    orgs = await createOrganisations(api);
  });
  afterAll(() => api.close());

  it('logs in with the contract shape and rejects wrong credentials with 401', async () => {
    const response = await api.http().post('/api/v1/auth/login').send(ADMIN).expect(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600, user: { email: ADMIN.email, role: 'admin' } });
    expect(typeof response.body.accessToken).toBe('string');

    const officer = await api
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'OFFICER.EALING@e2e.test', password: 'a-long-enough-password' })
      .expect(200);
    expect(officer.body.user).toMatchObject({ role: 'placement_officer', localAuthorityCode: 'E09000009' });

    const wrong = await api.http().post('/api/v1/auth/login').send({ ...ADMIN, password: 'nope' }).expect(401);
    expect(wrong.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    expect(wrong.body.requestId).toBeTruthy();
    await api.http().post('/api/v1/auth/login').send({ email: 'nobody@e2e.test', password: 'x' }).expect(401);
  });

  it('answers 400 naming the field for a malformed login', async () => {
    const response = await api.http().post('/api/v1/auth/login').send({ email: 'not-an-email' }).expect(400);
    const fields = response.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('needs a valid token everywhere but login, health and docs', async () => {
    await api.http().get('/api/v1/local-authorities').expect(401);
    await api.http().get('/api/v1/local-authorities').set(bearer('not.a.token')).expect(401);
    const forged = orgs.admin.slice(0, -4) + 'AAAA';
    await api.http().get('/api/v1/local-authorities').set(bearer(forged)).expect(401);
    const las = await api.http().get('/api/v1/local-authorities').set(bearer(orgs.ealing)).expect(200);
    expect(las.body).toHaveLength(153);
    expect(las.body.find((la: { code: string }) => la.code === 'E09000009')).toMatchObject({
      name: 'Ealing',
      dfeCode: 307,
      region: 'London',
    });
  });

  it('reports health without a token', async () => {
    const response = await api.http().get('/health').expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' }, queues: { status: 'up' } },
    });
  });

  it('publishes the OpenAPI document generated from the DTOs: the one the web app is typed from', async () => {
    const response = await api.http().get('/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/referrals', '/api/v1/vacancies/{id}', '/api/v1/auth/login', '/health']),
    );
    expect(response.body).toEqual(JSON.parse(readFileSync(join(REPO_ROOT, OPENAPI_JSON), 'utf8')));
    await api.http().get('/docs').expect(200);
  });

  it('keeps admin calls for admins', async () => {
    await api.http().post('/api/v1/providers').set(bearer(orgs.ealing)).send({ name: 'X', sector: 'private' }).expect(403);
    await api.http().post('/api/v1/admin/users').set(bearer(orgs.providerA.token)).send({}).expect(403);
  });

  it('validates admin input and refuses duplicates', async () => {
    const admin = bearer(orgs.admin);
    const missingOrg = await api
      .http()
      .post('/api/v1/admin/users')
      .set(admin)
      .send({ email: 'x@e2e.test', password: 'a-long-enough-password', role: 'placement_officer' })
      .expect(400);
    expect(missingOrg.body.details).toEqual([{ field: 'localAuthorityCode', problem: 'is required for role placement_officer' }]);
    const unknownLa = await api
      .http()
      .post('/api/v1/admin/users')
      .set(admin)
      .send({ email: 'x@e2e.test', password: 'a-long-enough-password', role: 'placement_officer', localAuthorityCode: 'E09999999' })
      .expect(400);
    expect(unknownLa.body.details).toEqual([{ field: 'localAuthorityCode', problem: 'does not exist' }]);
    await api
      .http()
      .post('/api/v1/admin/users')
      .set(admin)
      .send({ email: 'officer.ealing@e2e.test', password: 'a-long-enough-password', role: 'admin' })
      .expect(409);
    const badAlliance = await api
      .http()
      .post('/api/v1/alliances')
      .set(admin)
      .send({ name: 'Nowhere', localAuthorityCodes: ['E09000009', 'E09999999'] })
      .expect(400);
    expect(badAlliance.body.details[0]).toMatchObject({ field: 'localAuthorityCodes' });
    await api.http().post('/api/v1/alliances').set(admin).send({ name: 'West London Alliance', localAuthorityCodes: ['E09000009'] }).expect(409);
    const provider = await api.http().post('/api/v1/providers').set(admin).send({ name: 'Elm', sector: 'charity' }).expect(400);
    expect(provider.body.details[0]).toMatchObject({ field: 'sector' });
  });

  describe('who is signed in', () => {
    const password = 'a-long-enough-password';
    const createUser = (body: object) => api.http().post('/api/v1/admin/users').set(bearer(orgs.admin)).send({ password, ...body });
    const me = (token: string) => api.http().get('/api/v1/auth/me').set(bearer(token));

    it("answers GET /auth/me with the login answer's user, display name and phone included when set", async () => {
      const { body: created } = await createUser({
        email: 'priya.sharma@e2e.test',
        role: 'placement_officer',
        localAuthorityCode: 'E09000009',
        displayName: '  Priya Sharma ',
        phone: '020 7946 0123',
      }).expect(201);
      expect(created).toEqual({
        id: expect.any(String),
        email: 'priya.sharma@e2e.test',
        role: 'placement_officer',
        localAuthorityCode: 'E09000009',
        displayName: 'Priya Sharma',
        phone: '020 7946 0123',
        mustChangePassword: false,
        createdAt: expect.any(String),
      });
      const { body: signedIn } = await api.http().post('/api/v1/auth/login').send({ email: 'Priya.Sharma@e2e.test', password }).expect(200);
      const { createdAt: _, ...user } = created;
      expect(signedIn.user).toEqual(user);
      expect((await me(signedIn.accessToken).expect(200)).body).toEqual(signedIn.user);

      // Without contact details, and for every role: the same user as login gave, nothing added.
      for (const [email, token] of [
        ['provider.a@e2e.test', orgs.providerA.token],
        ['commissioner@e2e.test', orgs.commissioner],
        [ADMIN.email, orgs.admin],
      ]) {
        const { body: loggedIn } = await api
          .http()
          .post('/api/v1/auth/login')
          .send({ email, password: email === ADMIN.email ? ADMIN.password : password })
          .expect(200);
        const { body: read } = await me(token).expect(200);
        expect(read).toEqual(loggedIn.user);
        expect(read).not.toHaveProperty('displayName');
        expect(read).not.toHaveProperty('phone');
      }
      expect((await me(orgs.providerA.token)).body).toMatchObject({ role: 'provider_user', providerId: orgs.providerA.id });
    });

    it('needs a valid token', async () => {
      await api.http().get('/api/v1/auth/me').expect(401);
      await me('not.a.token').expect(401);
    });

    it('refuses a blank or overlong display name and a phone that is not a UK number, naming the field', async () => {
      const officer = { role: 'placement_officer', localAuthorityCode: 'E09000009' };
      const bad = await createUser({ ...officer, email: 'x1@e2e.test', displayName: '   ', phone: 'call me' }).expect(400);
      expect(bad.body.details).toEqual([
        { field: 'displayName', problem: 'must not be blank' },
        { field: 'phone', problem: 'must be a UK phone number such as 020 7946 0000' },
      ]);
      const long = await createUser({ ...officer, email: 'x2@e2e.test', displayName: 'x'.repeat(101), phone: '+1 202 555 0100' }).expect(400);
      expect(long.body.details.map((d: { field: string }) => d.field)).toEqual(['displayName', 'phone']);
      const nulls = await createUser({ ...officer, email: 'x3@e2e.test', displayName: null, phone: null }).expect(400);
      expect(nulls.body.details).toEqual([
        { field: 'displayName', problem: 'must not be null' },
        { field: 'phone', problem: 'must not be null' },
      ]);
      const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email LIKE 'x_@e2e.test'`);
      expect(n).toBe(0);
    });

    it('documents the answers in the OpenAPI document', async () => {
      const userKeys = ['allianceId', 'displayName', 'email', 'id', 'localAuthorityCode', 'mustChangePassword', 'phone', 'providerId', 'role'];
      const meSchema = await documentedResponse(api, 'get', '/api/v1/auth/me');
      expect(documentedKeys(meSchema)).toEqual(userKeys);
      expect(meSchema.required).toEqual(['email', 'id', 'mustChangePassword', 'role']);
      const loginSchema = await documentedResponse(api, 'post', '/api/v1/auth/login');
      expect(documentedKeys(loginSchema)).toEqual(['accessToken', 'expiresIn', 'tokenType', 'user']);
      expect(documentedKeys(loginSchema.property('user'))).toEqual(userKeys);
      const created = await documentedResponse(api, 'post', '/api/v1/admin/users', 201);
      expect(documentedKeys(created)).toEqual([...userKeys, 'createdAt'].sort());
    });
  });

  it('creates the bootstrap admin once, however many times the api starts', async () => {
    const [row] = await api.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [ADMIN.email]);
    expect(row.n).toBe(1);
    expect(await login(api, ADMIN.email, ADMIN.password)).toBeTruthy();
  });
});
