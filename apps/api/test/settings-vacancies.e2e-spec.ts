import { bearer, createOrganisations, Organisations, startTestApi, TestApi } from './support/test-api';

const setting = (providerId: string, overrides: Record<string, unknown> = {}) => ({
  providerId,
  name: 'Oak House',
  placementType: 'K2',
  ofstedGrade: 'good',
  postcode: 'ub1 1aa',
  registeredPlaces: 4,
  ageMin: 11,
  ageMax: 17,
  genders: ['female', 'male'],
  needsSupported: [{ code: 'autism', level: 3 }],
  needsExcluded: ['fire-setting'],
  ...overrides,
});

describe('settings and vacancies (e2e)', () => {
  let api: TestApi;
  let orgs: Organisations;
  let settingId: string;

  beforeAll(async () => {
    api = await startTestApi();
    orgs = await createOrganisations(api);
    const created = await api
      .http()
      .post('/api/v1/settings')
      .set(bearer(orgs.providerA.token))
      .send(setting(orgs.providerA.id))
      .expect(201);
    settingId = created.body.id;
  });
  afterAll(() => api.close());

  const createVacancy = (token: string, body: Record<string, unknown> = {}) =>
    api
      .http()
      .post('/api/v1/vacancies')
      .set(bearer(token))
      .send({ settingId, beds: 2, availableFrom: '2026-12-01', weeklyCost: 5200, ...body });

  describe('settings', () => {
    it('resolves the postcode to its district, LA and coordinates', async () => {
      const response = await api.http().get(`/api/v1/settings/${settingId}`).set(bearer(orgs.providerA.token)).expect(200);
      expect(response.body).toMatchObject({
        postcode: 'UB1 1AA',
        postcodeDistrict: 'UB1',
        localAuthorityCode: 'E09000009',
        version: 1,
      });
    });

    it("takes the grade and inspection date from Ofsted's register when the setting has a URN, whatever grade was typed", async () => {
      const post = (body: Record<string, unknown>) =>
        api.http().post('/api/v1/settings').set(bearer(orgs.providerA.token)).send(setting(orgs.providerA.id, body));
      const patch = (id: string, body: Record<string, unknown>) =>
        api.http().patch(`/api/v1/settings/${id}`).set(bearer(orgs.providerA.token)).send(body);

      const declared = await api.http().get(`/api/v1/settings/${settingId}`).set(bearer(orgs.ealing)).expect(200);
      expect(declared.body).toMatchObject({ ofstedGrade: 'good', ofstedGradeSource: 'self-declared', inspectedOn: null });

      // SC456532 is graded Inadequate on the shipped register, inspected 17 October 2023.
      const { body: registered } = await post({ ofstedUrn: 'sc456532', ofstedGrade: 'outstanding' }).expect(201);
      expect(registered).toMatchObject({ ofstedUrn: 'SC456532', ofstedGrade: 'inadequate', ofstedGradeSource: 'register', inspectedOn: '2023-10-17' });
      const typedAgain = await patch(registered.id, { ofstedGrade: 'outstanding' }).expect(200);
      expect(typedAgain.body).toMatchObject({ ofstedGrade: 'inadequate', ofstedGradeSource: 'register' });

      const unknown = await post({ ofstedUrn: 'SC000000' }).expect(400);
      expect(unknown.body.details).toEqual([{ field: 'ofstedUrn', problem: "is not on Ofsted's register of children's social care providers" }]);
      await patch(registered.id, { ofstedUrn: 'SC000000' }).expect(400);

      // SC457688 is graded Good (14 June 2021); without a URN the provider's word stands, unverified.
      const relinked = await patch(registered.id, { ofstedUrn: 'SC457688' }).expect(200);
      expect(relinked.body).toMatchObject({ ofstedGrade: 'good', ofstedGradeSource: 'register', inspectedOn: '2021-06-14' });
      const unlinked = await patch(registered.id, { ofstedUrn: null, ofstedGrade: 'requires_improvement' }).expect(200);
      expect(unlinked.body).toMatchObject({ ofstedGrade: 'requires_improvement', ofstedGradeSource: 'self-declared', inspectedOn: null });
      expect(unlinked.body.ofstedUrn).toBeUndefined();
    });

    it('shows placement teams the district only, never the home address', async () => {
      const response = await api.http().get(`/api/v1/settings/${settingId}`).set(bearer(orgs.ealing)).expect(200);
      expect(response.body.postcode).toBe('UB1');
    });

    it('rejects a malformed postcode and an unknown district, naming the field', async () => {
      const bad = await api
        .http()
        .post('/api/v1/settings')
        .set(bearer(orgs.providerA.token))
        .send(setting(orgs.providerA.id, { postcode: 'not a postcode' }))
        .expect(400);
      expect(bad.body.details).toEqual([{ field: 'postcode', problem: 'not a UK postcode' }]);
      const unknown = await api
        .http()
        .post('/api/v1/settings')
        .set(bearer(orgs.providerA.token))
        .send(setting(orgs.providerA.id, { postcode: 'QQ9 9QQ' }))
        .expect(400);
      expect(unknown.body.details).toEqual([{ field: 'postcode', problem: 'is in an unknown postcode district' }]);
    });

    it('validates ranges and codes', async () => {
      const response = await api
        .http()
        .post('/api/v1/settings')
        .set(bearer(orgs.providerA.token))
        .send(
          setting(orgs.providerA.id, {
            placementType: 'A3',
            ofstedGrade: 'great',
            ageMin: -1,
            genders: [],
            needsSupported: [{ code: 'autism', level: 4 }],
          }),
        )
        .expect(400);
      const fields = response.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(
        expect.arrayContaining(['placementType', 'ofstedGrade', 'ageMin', 'genders', 'needsSupported[0].level']),
      );
      const crossed = await api
        .http()
        .post('/api/v1/settings')
        .set(bearer(orgs.providerA.token))
        .send(setting(orgs.providerA.id, { ageMin: 16, ageMax: 12, needsExcluded: ['autism'] }))
        .expect(400);
      expect(crossed.body.details.map((d: { field: string }) => d.field)).toEqual(['ageMin', 'needsExcluded']);
    });

    it("keeps a provider out of another provider's settings", async () => {
      await api
        .http()
        .post('/api/v1/settings')
        .set(bearer(orgs.providerB.token))
        .send(setting(orgs.providerA.id))
        .expect(403);
      await api.http().get(`/api/v1/settings/${settingId}`).set(bearer(orgs.providerB.token)).expect(404);
      await api.http().patch(`/api/v1/settings/${settingId}`).set(bearer(orgs.providerB.token)).send({ name: 'Mine now' }).expect(404);
      await api.http().post('/api/v1/settings').set(bearer(orgs.ealing)).send(setting(orgs.providerA.id)).expect(403);
    });

    it('lets its provider change a setting, re-resolving a new postcode', async () => {
      const response = await api
        .http()
        .patch(`/api/v1/settings/${settingId}`)
        .set(bearer(orgs.providerA.token))
        .send({ postcode: 'HA1 1AA', registeredPlaces: 5 })
        .expect(200);
      expect(response.body).toMatchObject({ postcodeDistrict: 'HA1', localAuthorityCode: 'E09000015', registeredPlaces: 5, version: 2 });
      await api.http().patch(`/api/v1/settings/${settingId}`).set(bearer(orgs.providerA.token)).send({ providerId: orgs.providerB.id }).expect(400);
    });
  });

  describe('vacancies', () => {
    it('creates an open vacancy with a version and an ETag', async () => {
      const response = await createVacancy(orgs.providerA.token, { emergencyReady: true, reservedFor: { legalStatuses: ['J1'] } }).expect(201);
      expect(response.body).toMatchObject({ status: 'open', version: 1, beds: 2, emergencyReady: true, reservedFor: { legalStatuses: ['J1'] } });
      expect(response.headers.etag).toBe('"1"');
    });

    it("refuses a vacancy on another provider's setting and bad values", async () => {
      const foreign = await createVacancy(orgs.providerB.token).expect(400);
      expect(foreign.body.details).toEqual([{ field: 'settingId', problem: 'is not a setting of your provider' }]);
      const bad = await createVacancy(orgs.providerA.token, { beds: 0, weeklyCost: -5, availableFrom: '2026-02-30' }).expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(
        expect.arrayContaining(['beds', 'weeklyCost', 'availableFrom']),
      );
      const backwards = await createVacancy(orgs.providerA.token, { availableUntil: '2026-11-01' }).expect(400);
      expect(backwards.body.details).toEqual([{ field: 'availableUntil', problem: 'must not be before availableFrom' }]);
    });

    it('needs If-Match to change a vacancy, and a stale version changes nothing (412)', async () => {
      const { body: vacancy } = await createVacancy(orgs.providerA.token).expect(201);
      const url = `/api/v1/vacancies/${vacancy.id}`;
      const provider = bearer(orgs.providerA.token);

      const missing = await api.http().patch(url).set(provider).send({ weeklyCost: 5000 }).expect(400);
      expect(missing.body.details).toEqual([{ field: 'If-Match', problem: 'header is required' }]);

      const updated = await api.http().patch(url).set(provider).set('If-Match', '"1"').send({ weeklyCost: 5000 }).expect(200);
      expect(updated.body).toMatchObject({ weeklyCost: 5000, version: 2 });
      expect(updated.headers.etag).toBe('"2"');

      const stale = await api.http().patch(url).set(provider).set('If-Match', '1').send({ weeklyCost: 1 }).expect(412);
      expect(stale.body).toMatchObject({ statusCode: 412, error: 'Precondition Failed' });
      const after = await api.http().get(url).set(provider).expect(200);
      expect(after.body).toMatchObject({ weeklyCost: 5000, version: 2 });
    });

    it('lets exactly one of two writers holding the same version through', async () => {
      const { body: vacancy } = await createVacancy(orgs.providerA.token).expect(201);
      const url = `/api/v1/vacancies/${vacancy.id}`;
      const results = await Promise.all(
        [4100, 4200, 4300, 4400].map((weeklyCost) =>
          api.http().patch(url).set(bearer(orgs.providerA.token)).set('If-Match', '1').send({ weeklyCost }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412, 412]);
      const winner = results.find((r) => r.status === 200)!;
      const after = await api.http().get(url).set(bearer(orgs.providerA.token)).expect(200);
      expect(after.body).toMatchObject({ version: 2, weeklyCost: winner.body.weeklyCost });
    });

    it('marks a vacancy filled with no beds left and reopens it with beds again', async () => {
      const { body: vacancy } = await createVacancy(orgs.providerA.token).expect(201);
      const url = `/api/v1/vacancies/${vacancy.id}`;
      const provider = bearer(orgs.providerA.token);
      const filled = await api.http().patch(url).set(provider).set('If-Match', '1').send({ beds: 0 }).expect(200);
      expect(filled.body.status).toBe('filled');
      const reopened = await api.http().patch(url).set(provider).set('If-Match', '2').send({ beds: 1 }).expect(200);
      expect(reopened.body.status).toBe('open');
    });

    it('withdraws a vacancy; a withdrawn vacancy cannot be changed', async () => {
      const { body: vacancy } = await createVacancy(orgs.providerA.token).expect(201);
      const url = `/api/v1/vacancies/${vacancy.id}`;
      await api.http().post(`${url}/withdraw`).set(bearer(orgs.providerB.token)).expect(404);
      const withdrawn = await api.http().post(`${url}/withdraw`).set(bearer(orgs.providerA.token)).expect(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', version: 2 });
      await api.http().patch(url).set(bearer(orgs.providerA.token)).set('If-Match', '2').send({ beds: 3 }).expect(409);
    });

    it('flags a vacancy unconfirmed for VACANCY_STALE_DAYS as stale; "still available" and any change confirm it', async () => {
      const { body: created } = await createVacancy(orgs.providerA.token).expect(201);
      expect(created).toMatchObject({ stale: false, daysSinceConfirmed: 0, confirmedAt: expect.any(String) });
      const url = `/api/v1/vacancies/${created.id}`;
      const unconfirmedFor = (days: number) =>
        api.dataSource.query(`UPDATE vacancies SET confirmed_at = now() - $2 * interval '1 day' WHERE id = $1`, [created.id, days]);

      await unconfirmedFor(6);
      expect((await api.http().get(url).set(bearer(orgs.providerA.token)).expect(200)).body).toMatchObject({ stale: false, daysSinceConfirmed: 6 });
      await unconfirmedFor(8);
      expect((await api.http().get(url).set(bearer(orgs.providerA.token)).expect(200)).body).toMatchObject({ stale: true, daysSinceConfirmed: 8 });
      const listed = await api.http().get('/api/v1/vacancies').set(bearer(orgs.providerA.token)).expect(200);
      expect(listed.body.find((v: { id: string }) => v.id === created.id)).toMatchObject({ stale: true });

      await api.http().post(`${url}/confirm`).set(bearer(orgs.providerB.token)).expect(404);
      await api.http().post(`${url}/confirm`).set(bearer(orgs.ealing)).expect(403);
      const outboxBefore = (await api.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE payload->'vacancyIds' ? $1`, [created.id]))[0].n;
      const confirmed = await api.http().post(`${url}/confirm`).set(bearer(orgs.providerA.token)).expect(200);
      // Fresh again, and nothing else changed: not its version, so an edit in progress still applies.
      expect(confirmed.body).toMatchObject({ id: created.id, stale: false, daysSinceConfirmed: 0, version: 1, beds: 2 });
      expect(confirmed.headers.etag).toBe('"1"');
      // Being fresh again may change shortlists: the re-ranking is queued.
      const outboxAfter = (await api.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE payload->'vacancyIds' ? $1`, [created.id]))[0].n;
      expect(outboxAfter).toBe(outboxBefore + 1);

      await unconfirmedFor(8);
      const changed = await api.http().patch(url).set(bearer(orgs.providerA.token)).set('If-Match', '1').send({ beds: 3 }).expect(200);
      expect(changed.body).toMatchObject({ stale: false, daysSinceConfirmed: 0, version: 2 });

      await api.http().post(`${url}/withdraw`).set(bearer(orgs.providerA.token)).expect(200);
      await api.http().post(`${url}/confirm`).set(bearer(orgs.providerA.token)).expect(409);
    });

    it("keeps a provider out of another provider's vacancies", async () => {
      const { body: vacancy } = await createVacancy(orgs.providerA.token).expect(201);
      const url = `/api/v1/vacancies/${vacancy.id}`;
      await api.http().get(url).set(bearer(orgs.providerB.token)).expect(404);
      await api.http().patch(url).set(bearer(orgs.providerB.token)).set('If-Match', '1').send({ beds: 5 }).expect(404);
      await api.http().patch(url).set(bearer(orgs.ealing)).set('If-Match', '1').send({ beds: 5 }).expect(403);
      const unchanged = await api.http().get(url).set(bearer(orgs.providerA.token)).expect(200);
      expect(unchanged.body).toMatchObject({ beds: 2, version: 1 });
    });

    it('answers null for a field that cannot be empty with a 400 naming it, and lets nullable ones be cleared', async () => {
      const { body: vacancy } = await createVacancy(orgs.providerA.token, {
        availableUntil: '2027-06-30',
        reservedFor: { localAuthorityCodes: ['E09000009'] },
      }).expect(201);
      const url = `/api/v1/vacancies/${vacancy.id}`;
      const provider = bearer(orgs.providerA.token);
      for (const field of ['beds', 'weeklyCost', 'emergencyReady', 'availableFrom']) {
        const response = await api.http().patch(url).set(provider).set('If-Match', '1').send({ [field]: null }).expect(400);
        expect(response.body.details).toEqual([{ field, problem: expect.any(String) }]);
      }
      const cleared = await api
        .http()
        .patch(url)
        .set(provider)
        .set('If-Match', '1')
        .send({ availableUntil: null, reservedFor: null })
        .expect(200);
      expect(cleared.body).toMatchObject({ availableUntil: null, reservedFor: null, version: 2 });
      const inner = await createVacancy(orgs.providerA.token, { reservedFor: { legalStatuses: null } }).expect(400);
      expect(inner.body.details[0].field).toBe('reservedFor.legalStatuses');
      const settingNull = await api.http().patch(`/api/v1/settings/${settingId}`).set(provider).send({ name: null }).expect(400);
      expect(settingNull.body.details).toEqual([{ field: 'name', problem: expect.any(String) }]);
      const emptyNeed = await api.http().patch(`/api/v1/settings/${settingId}`).set(provider).send({ needsSupported: [[]] }).expect(400);
      expect(emptyNeed.body.details[0].field).toBe('needsSupported');
    });

    it('lists vacancies by status, type and LA; a provider sees only its own', async () => {
      const other = await api
        .http()
        .post('/api/v1/settings')
        .set(bearer(orgs.providerB.token))
        .send(setting(orgs.providerB.id, { placementType: 'U6', postcode: 'NW10 1AA' }))
        .expect(201);
      await api
        .http()
        .post('/api/v1/vacancies')
        .set(bearer(orgs.providerB.token))
        .send({ settingId: other.body.id, beds: 1, availableFrom: '2026-12-01', weeklyCost: 1000 })
        .expect(201);

      const officerView = await api.http().get('/api/v1/vacancies?status=open').set(bearer(orgs.ealing)).expect(200);
      const providers = new Set(officerView.body.map((v: { providerId: string }) => v.providerId));
      expect(providers).toEqual(new Set([orgs.providerA.id, orgs.providerB.id]));
      expect(officerView.body.every((v: { status: string }) => v.status === 'open')).toBe(true);

      const fostering = await api.http().get('/api/v1/vacancies?placementType=U6').set(bearer(orgs.ealing)).expect(200);
      expect(fostering.body).toHaveLength(1);
      const brent = await api.http().get('/api/v1/vacancies?localAuthorityCode=E09000005').set(bearer(orgs.ealing)).expect(200);
      expect(brent.body.map((v: { providerId: string }) => v.providerId)).toEqual([orgs.providerB.id]);

      const own = await api.http().get('/api/v1/vacancies').set(bearer(orgs.providerB.token)).expect(200);
      expect(own.body.every((v: { providerId: string }) => v.providerId === orgs.providerB.id)).toBe(true);

      const bad = await api.http().get('/api/v1/vacancies?status=closed&limit=0').set(bearer(orgs.ealing)).expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['limit', 'status']);
    });

    it('lists settings; a provider sees only its own', async () => {
      const own = await api.http().get('/api/v1/settings').set(bearer(orgs.providerB.token)).expect(200);
      expect(own.body.length).toBeGreaterThan(0);
      expect(own.body.every((s: { providerId: string }) => s.providerId === orgs.providerB.id)).toBe(true);
      const harrow = await api.http().get('/api/v1/settings?localAuthorityCode=E09000015').set(bearer(orgs.ealing)).expect(200);
      expect(harrow.body.map((s: { id: string }) => s.id)).toEqual([settingId]);
      expect(harrow.body[0].postcode).toBe('HA1');
      await api.http().get('/api/v1/settings?placementType=A3').set(bearer(orgs.ealing)).expect(400);
    });
  });
});
