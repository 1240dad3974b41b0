import { ADMIN, bearer, createOrganisations, login, Organisations, startTestApi, TestApi } from './support/test-api';

const PASSWORD = 'a-long-enough-password';
const fieldsOf = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field);

describe('admin users and passwords (e2e)', () => {
  let api: TestApi;
  let orgs: Organisations;
  let adminId: string;

  beforeAll(async () => {
    api = await startTestApi();
    orgs = await createOrganisations(api);
    adminId = (await api.http().get('/api/v1/auth/me').set(bearer(orgs.admin)).expect(200)).body.id;
  });
  afterAll(() => api.close());

  const createUser = async (email: string) =>
    (
      await api
        .http()
        .post('/api/v1/admin/users')
        .set(bearer(orgs.admin))
        .send({ email, password: PASSWORD, role: 'placement_officer', localAuthorityCode: 'E09000009', displayName: 'Sam Okafor' })
        .expect(201)
    ).body as { id: string };
  const patch = (id: string, body: object, token = orgs.admin) =>
    api.http().patch(`/api/v1/admin/users/${id}`).set(bearer(token)).send(body);

  it('keeps the user routes for admins: 401 without a token, 403 for every other role', async () => {
    await api.http().get('/api/v1/admin/users').expect(401);
    await api.http().patch(`/api/v1/admin/users/${adminId}`).send({ disabled: false }).expect(401);
    for (const token of [orgs.ealing, orgs.providerA.token, orgs.commissioner]) {
      await api.http().get('/api/v1/admin/users').set(bearer(token)).expect(403);
      await patch(adminId, { disabled: false }, token).expect(403);
      await api.http().get(`/api/v1/admin/users/${adminId}`).set(bearer(token)).expect(403);
    }
    await api.http().get(`/api/v1/admin/users/${adminId}`).expect(401);
  });

  it('lists users by search and role, a page at a time, without password hashes', async () => {
    const all = await api.http().get('/api/v1/admin/users').set(bearer(orgs.admin)).expect(200);
    expect(all.body.total).toBe(6);
    expect(all.body.items.map((u: { email: string }) => u.email)).toEqual([...all.body.items.map((u: { email: string }) => u.email)].sort());
    expect(JSON.stringify(all.body)).not.toMatch(/hash|argon|\$2[aby]\$/i);
    expect(all.body.items[0]).toMatchObject({ disabled: false, mustChangePassword: false });

    const officers = await api.http().get('/api/v1/admin/users?role=placement_officer').set(bearer(orgs.admin)).expect(200);
    expect(officers.body.items.map((u: { email: string }) => u.email)).toEqual(['officer.brent@e2e.test', 'officer.ealing@e2e.test']);
    const searched = await api.http().get('/api/v1/admin/users?search=EALING').set(bearer(orgs.admin)).expect(200);
    expect(searched.body).toMatchObject({ total: 1, items: [{ email: 'officer.ealing@e2e.test', localAuthorityCode: 'E09000009' }] });
    const literal = await api.http().get('/api/v1/admin/users?search=%25').set(bearer(orgs.admin)).expect(200);
    expect(literal.body.total).toBe(0);
    const page = await api.http().get('/api/v1/admin/users?limit=2&offset=2').set(bearer(orgs.admin)).expect(200);
    expect(page.body.total).toBe(6);
    expect(page.body.items.map((u: { email: string }) => u.email)).toEqual(all.body.items.slice(2, 4).map((u: { email: string }) => u.email));
  });

  it('reads one user by id as the list shows it, 404 for an unknown id', async () => {
    const user = await createUser('read.one@e2e.test');
    await patch(user.id, { disabled: true }).expect(200);
    const one = await api.http().get(`/api/v1/admin/users/${user.id}`).set(bearer(orgs.admin)).expect(200);
    expect(one.body).toMatchObject({
      id: user.id,
      email: 'read.one@e2e.test',
      role: 'placement_officer',
      localAuthorityCode: 'E09000009',
      displayName: 'Sam Okafor',
      disabled: true,
      mustChangePassword: false,
    });
    expect(one.body.disabledAt).toBeTruthy();
    expect(JSON.stringify(one.body)).not.toMatch(/hash|temporaryPassword/i);
    await api.http().get('/api/v1/admin/users/00000000-0000-4000-8000-000000000000').set(bearer(orgs.admin)).expect(404);
    expect(fieldsOf((await api.http().get('/api/v1/admin/users/not-a-uuid').set(bearer(orgs.admin)).expect(400)).body)).toEqual(['id']);
  });

  it('answers 400 naming the field for bad input', async () => {
    const badRole = await api.http().get('/api/v1/admin/users?role=king&limit=0').set(bearer(orgs.admin)).expect(400);
    expect(fieldsOf(badRole.body)).toEqual(expect.arrayContaining(['role', 'limit']));
    const user = await createUser('bad.input@e2e.test');
    expect(fieldsOf((await patch(user.id, { disabled: 'yes' }).expect(400)).body)).toEqual(['disabled']);
    expect(fieldsOf((await patch(user.id, { resetPassword: false }).expect(400)).body)).toEqual(['resetPassword']);
    expect(fieldsOf((await patch(user.id, { role: 'admin' }).expect(400)).body)).toEqual(['role']);
    expect(fieldsOf((await patch('not-a-uuid', { disabled: true }).expect(400)).body)).toEqual(['id']);
    await patch('00000000-0000-4000-8000-000000000000', { disabled: true }).expect(404);
    expect(fieldsOf((await patch(adminId, { disabled: true }).expect(400)).body)).toEqual(['disabled']);
    await api.http().get('/api/v1/auth/me').set(bearer(orgs.admin)).expect(200);
  });

  it("refuses a disabled user's open token at its next request, and lets it back in when re-enabled", async () => {
    const user = await createUser('disabled.officer@e2e.test');
    const token = await login(api, 'disabled.officer@e2e.test', PASSWORD);
    await api.http().get('/api/v1/referrals').set(bearer(token)).expect(200);

    const disabled = await patch(user.id, { disabled: true }).expect(200);
    expect(disabled.body).toMatchObject({ id: user.id, disabled: true });
    expect(disabled.body.disabledAt).toBeTruthy();
    await api.http().get('/api/v1/referrals').set(bearer(token)).expect(401);
    await api.http().get('/api/v1/auth/me').set(bearer(token)).expect(401);
    await api.http().post('/api/v1/auth/login').send({ email: 'disabled.officer@e2e.test', password: PASSWORD }).expect(401);

    const enabled = await patch(user.id, { disabled: false }).expect(200);
    expect(enabled.body).toMatchObject({ disabled: false });
    expect(enabled.body.disabledAt).toBeUndefined();
    await api.http().get('/api/v1/referrals').set(bearer(token)).expect(200);
    await login(api, 'disabled.officer@e2e.test', PASSWORD);
  });

  it('keeps no state in the process: a user disabled in the database by another instance is refused at once', async () => {
    const user = await createUser('other.instance@e2e.test');
    const token = await login(api, 'other.instance@e2e.test', PASSWORD);
    await api.http().get('/api/v1/auth/me').set(bearer(token)).expect(200);
    await api.dataSource.query('UPDATE users SET disabled_at = now() WHERE id = $1', [user.id]);
    await api.http().get('/api/v1/auth/me').set(bearer(token)).expect(401);
  });

  it('resets a password to a temporary one shown once, which the user must then change', async () => {
    const user = await createUser('reset.officer@e2e.test');
    const reset = await patch(user.id, { resetPassword: true }).expect(200);
    const temporary: string = reset.body.temporaryPassword;
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    expect(reset.body).toMatchObject({ mustChangePassword: true });
    const listed = await api.http().get('/api/v1/admin/users?search=reset.officer').set(bearer(orgs.admin)).expect(200);
    expect(listed.body.items[0]).toMatchObject({ mustChangePassword: true });
    expect(listed.body.items[0].temporaryPassword).toBeUndefined();

    await api.http().post('/api/v1/auth/login').send({ email: 'reset.officer@e2e.test', password: PASSWORD }).expect(401);
    const signedIn = await api.http().post('/api/v1/auth/login').send({ email: 'reset.officer@e2e.test', password: temporary }).expect(200);
    expect(signedIn.body.user).toMatchObject({ mustChangePassword: true });
    const token = signedIn.body.accessToken;
    expect((await api.http().get('/api/v1/auth/me').set(bearer(token)).expect(200)).body).toMatchObject({ mustChangePassword: true });

    const change = (body: object) => api.http().post('/api/v1/auth/password').set(bearer(token)).send(body);
    expect(fieldsOf((await change({ currentPassword: 'wrong-password-here', newPassword: 'a-brand-new-password' }).expect(400)).body)).toEqual([
      'currentPassword',
    ]);
    expect(fieldsOf((await change({ currentPassword: temporary, newPassword: 'short' }).expect(400)).body)).toEqual(['newPassword']);
    expect(fieldsOf((await change({ currentPassword: temporary }).expect(400)).body)).toEqual(['newPassword']);
    await change({ currentPassword: temporary, newPassword: 'a-brand-new-password' }).expect(204);

    expect((await api.http().get('/api/v1/auth/me').set(bearer(token)).expect(200)).body).toMatchObject({ mustChangePassword: false });
    await api.http().post('/api/v1/auth/login').send({ email: 'reset.officer@e2e.test', password: temporary }).expect(401);
    await login(api, 'reset.officer@e2e.test', 'a-brand-new-password');
  });

  it('lets every role change its own password, and needs a token to', async () => {
    await api.http().post('/api/v1/auth/password').send({ currentPassword: PASSWORD, newPassword: 'another-long-password' }).expect(401);
    await api
      .http()
      .post('/api/v1/auth/password')
      .set(bearer(orgs.providerA.token))
      .send({ currentPassword: PASSWORD, newPassword: 'another-long-password' })
      .expect(204);
    await login(api, 'provider.a@e2e.test', 'another-long-password');
    await login(api, ADMIN.email, ADMIN.password);
  });
});
