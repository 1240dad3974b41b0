import type { INestApplicationContext } from '@nestjs/common';
import { documentedKeys, documentedResponse } from './support/openapi';
import {
  bearer,
  createOrganisations,
  createSetting,
  createVacancy,
  login,
  Organisations,
  referralBody,
  startTestApi,
  TestApi,
} from './support/test-api';
import { startTestWorker } from './support/test-worker';
import { until } from '@app/testing';

/** From POST /referrals through the worker to ranked, explained matches and exclusions. */
describe('matching (e2e)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let orgs: Organisations;
  const vacancies: Record<string, { id: string; version: number }> = {};

  beforeAll(async () => {
    api = await startTestApi({ WORKER_CONCURRENCY: '2' });
    worker = await startTestWorker();
    orgs = await createOrganisations(api);
    const setting = (name: string, body: Record<string, unknown>) => createSetting(api, orgs.providerA, { name, ...body });
    const vacancy = async (key: string, settingId: string) => {
      vacancies[key] = await createVacancy(api, orgs.providerA, settingId);
    };
    await vacancy('nearOutstanding', (await setting('Near, outstanding', { ofstedGrade: 'outstanding' })).id);
    await vacancy('nearGood', (await setting('Near, good', {})).id);
    await vacancy('wembley', (await setting('Wembley', { postcode: 'HA0 1AA' })).id);
    await vacancy('fostering', (await setting('Foster family', { placementType: 'U4' })).id);
    await vacancy('noSelfHarm', (await setting('No self-harm support', { needsSupported: [] })).id);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function submit(overrides: Record<string, unknown> = {}): Promise<string> {
    const response = await api
      .http()
      .post('/api/v1/referrals')
      .set(bearer(orgs.ealing))
      .set('Idempotency-Key', crypto.randomUUID())
      .send(referralBody(overrides))
      .expect(202);
    return response.body.id;
  }

  const get = (path: string, token = orgs.ealing) => api.http().get(`/api/v1${path}`).set(bearer(token));
  const matchesOf = async (id: string) => (await get(`/referrals/${id}/matches`).expect(200)).body;

  it('shortlists the eligible vacancies, best first, each with a breakdown that adds up to its score', async () => {
    const id = await submit();
    await until('shortlisted', async () => (await get(`/referrals/${id}`)).body.status, (s) => s === 'shortlisted');
    const referral = (await get(`/referrals/${id}`).expect(200)).body;
    expect(referral.shortlistedAt).toEqual(expect.any(String));

    const matches = await matchesOf(id);
    expect(matches).toMatchObject({ referralId: id, computedAt: expect.any(String) });
    expect(matches.items.map((m: { vacancyId: string }) => m.vacancyId)).toEqual([
      vacancies.nearOutstanding.id,
      vacancies.nearGood.id,
      vacancies.wembley.id,
    ]);
    matches.items.forEach((item: Record<string, any>, index: number) => {
      expect(Object.keys(item).sort()).toEqual(
        ['breakdown', 'distanceMiles', 'provider', 'providerId', 'rank', 'score', 'setting', 'settingId', 'vacancyId', 'weeklyCost'].sort(),
      );
      expect(item.rank).toBe(index + 1);
      expect(item.providerId).toBe(orgs.providerA.id);
      expect(item.provider).toEqual({ id: orgs.providerA.id, name: 'Oakfield Care' });
      expect(item.setting.id).toBe(item.settingId);
      expect(Object.keys(item.breakdown)).toEqual(['needs', 'proximity', 'quality', 'continuity', 'cost']);
      const sum = Object.values(item.breakdown as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(Math.abs(item.score - sum)).toBeLessThanOrEqual(0.01);
      expect(item.score).toBeGreaterThanOrEqual(0);
      expect(item.score).toBeLessThanOrEqual(100);
    });
    expect(matches.items[0].score).toBeGreaterThan(matches.items[2].score);
    expect(matches.items[2].distanceMiles).toBeGreaterThan(matches.items[0].distanceMiles);

    const exclusions = (await get(`/referrals/${id}/exclusions`).expect(200)).body;
    expect(exclusions.items).toEqual(
      expect.arrayContaining([
        {
          vacancyId: vacancies.fostering.id,
          distanceMiles: expect.any(Number),
          reasons: ['TYPE_NOT_ACCEPTED'],
          provider: { id: orgs.providerA.id, name: 'Oakfield Care' },
          setting: expect.objectContaining({ name: 'Foster family', placementType: 'U4', postcodeDistrict: 'UB1' }),
        },
        {
          vacancyId: vacancies.noSelfHarm.id,
          distanceMiles: expect.any(Number),
          reasons: ['NEED_NOT_SUPPORTED'],
          provider: { id: orgs.providerA.id, name: 'Oakfield Care' },
          setting: expect.objectContaining({ name: 'No self-harm support', placementType: 'K2' }),
        },
      ]),
    );
    expect(exclusions.items).toHaveLength(2);
  });

  it("names each match's and exclusion's provider and setting, placed by its postcode district and never finer", async () => {
    const id = await submit();
    await until('shortlisted', async () => (await get(`/referrals/${id}`)).body.status, (s) => s === 'shortlisted');
    const [wembley] = await api.dataSource.query(
      `SELECT s.id, s.latitude, s.longitude, d.latitude AS "districtLatitude", d.longitude AS "districtLongitude",
              d.local_authority_code AS "districtLa"
         FROM settings s JOIN postcode_districts d ON d.district = s.postcode_district WHERE s.name = 'Wembley'`,
    );
    // As if the setting were placed by its full postcode: what is shown is still the district's centroid.
    await api.dataSource.query(`UPDATE settings SET latitude = latitude + 0.0031, longitude = longitude - 0.0027 WHERE id = $1`, [wembley.id]);
    try {
      const matches = await get(`/referrals/${id}/matches`).expect(200);
      const item = matches.body.items.find((m: { settingId: string }) => m.settingId === wembley.id);
      expect(item.setting).toEqual({
        id: wembley.id,
        name: 'Wembley',
        placementType: 'K2',
        ofstedGrade: 'good',
        gradeVerified: false,
        postcodeDistrict: 'HA0',
        localAuthorityCode: wembley.districtLa,
        latitude: wembley.districtLatitude,
        longitude: wembley.districtLongitude,
        needsSupported: expect.arrayContaining([expect.objectContaining({ code: 'self-harm' })]),
      });
      const exclusions = await get(`/referrals/${id}/exclusions`).expect(200);
      for (const excluded of exclusions.body.items) {
        expect(excluded.provider).toEqual({ id: orgs.providerA.id, name: 'Oakfield Care' });
        expect(Object.keys(excluded.setting).sort()).toEqual(Object.keys(item.setting).sort());
      }
      for (const text of [matches.text, exclusions.text]) {
        expect(text).not.toMatch(/"postcode"|UB1 1AA|HA0 1AA/);
        expect(text).not.toContain(String(wembley.latitude + 0.0031));
      }
    } finally {
      await api.dataSource.query(`UPDATE settings SET latitude = $2, longitude = $3 WHERE id = $1`, [wembley.id, wembley.latitude, wembley.longitude]);
    }
  });

  it('documents matches and exclusions with their providers and settings in the OpenAPI document', async () => {
    const matches = await documentedResponse(api, 'get', '/api/v1/referrals/{id}/matches');
    expect(documentedKeys(matches)).toEqual(['computedAt', 'items', 'referralId', 'stale', 'status']);
    const item = matches.property('items');
    expect(documentedKeys(item)).toEqual(
      ['breakdown', 'distanceMiles', 'provider', 'providerId', 'rank', 'score', 'setting', 'settingId', 'vacancyId', 'weeklyCost'].sort(),
    );
    expect(documentedKeys(item.property('breakdown'))).toEqual(['continuity', 'cost', 'needs', 'proximity', 'quality']);
    const settingKeys = ['gradeVerified', 'id', 'latitude', 'localAuthorityCode', 'longitude', 'name', 'needsSupported', 'ofstedGrade', 'placementType', 'postcodeDistrict'];
    expect(documentedKeys(item.property('setting'))).toEqual(settingKeys);
    expect(documentedKeys(item.property('provider'))).toEqual(['id', 'name']);
    const exclusion = (await documentedResponse(api, 'get', '/api/v1/referrals/{id}/exclusions')).property('items');
    expect(documentedKeys(exclusion)).toEqual(['distanceMiles', 'provider', 'reasons', 'setting', 'vacancyId']);
    expect(documentedKeys(exclusion.property('setting'))).toEqual(settingKeys);
  });

  it('says no_match, with the reasons, when nothing fits', async () => {
    const id = await submit({ placementTypes: ['R1'] });
    await until('no_match', async () => (await get(`/referrals/${id}`)).body.status, (s) => s === 'no_match');
    expect((await matchesOf(id)).items).toEqual([]);
    const exclusions = (await get(`/referrals/${id}/exclusions`).expect(200)).body.items;
    expect(exclusions).toHaveLength(5);
    for (const exclusion of exclusions) expect(exclusion.reasons).toContain('TYPE_NOT_ACCEPTED');
  });

  it('re-ranks an open referral when a vacancy changes, and drops a withdrawn one', async () => {
    const id = await submit();
    await until('shortlisted', async () => (await get(`/referrals/${id}`)).body.status, (s) => s === 'shortlisted');
    const before = await matchesOf(id);
    expect(before.items[0].vacancyId).toBe(vacancies.nearOutstanding.id);

    await api.http().post(`/api/v1/vacancies/${vacancies.nearOutstanding.id}/withdraw`).set(bearer(orgs.providerA.token)).expect(200);
    const after = await until(
      're-ranked',
      () => matchesOf(id),
      (m) => m.items.length > 0 && m.items[0].vacancyId !== vacancies.nearOutstanding.id,
    );
    expect(after.items.map((m: { vacancyId: string }) => m.vacancyId)).toEqual([vacancies.nearGood.id, vacancies.wembley.id]);

    // The need support changes: the setting now supports self-harm, so the excluded vacancy joins.
    const noSelfHarm = (await get(`/vacancies/${vacancies.noSelfHarm.id}`, orgs.providerA.token).expect(200)).body;
    await api
      .http()
      .patch(`/api/v1/settings/${noSelfHarm.settingId}`)
      .set(bearer(orgs.providerA.token))
      .send({ needsSupported: [{ code: 'self-harm', level: 2 }] })
      .expect(200);
    const joined = await until('re-ranked again', () => matchesOf(id), (m) =>
      m.items.some((item: { vacancyId: string }) => item.vacancyId === vacancies.noSelfHarm.id),
    );
    expect(joined.items).toHaveLength(3);
  });

  it("matches on the Ofsted register's grade, not the provider's, for a setting with a URN", async () => {
    // On the shipped register SC456532 is graded Inadequate and SC457688 Good; the provider typed the opposite.
    const typedGood = await createSetting(api, orgs.providerA, { name: 'Register says inadequate', ofstedUrn: 'SC456532', ofstedGrade: 'good' });
    const typedInadequate = await createSetting(api, orgs.providerA, { name: 'Register says good', ofstedUrn: 'sc457688', ofstedGrade: 'inadequate' });
    expect(typedGood).toMatchObject({ ofstedGrade: 'inadequate', ofstedGradeSource: 'register', inspectedOn: '2023-10-17' });
    const inadequate = await createVacancy(api, orgs.providerA, typedGood.id);
    const good = await createVacancy(api, orgs.providerA, typedInadequate.id);
    try {
      const id = await submit();
      await until('shortlisted', async () => (await get(`/referrals/${id}`)).body.status, (s) => s === 'shortlisted');
      const excluded = (await get(`/referrals/${id}/exclusions`).expect(200)).body.items;
      expect(excluded.find((item: { vacancyId: string }) => item.vacancyId === inadequate.id)).toMatchObject({
        reasons: ['INADEQUATE_RATING'],
        setting: { ofstedGrade: 'inadequate', gradeVerified: true },
      });
      const matched = (await matchesOf(id)).items;
      expect(matched.map((item: { vacancyId: string }) => item.vacancyId)).not.toContain(inadequate.id);
      expect(matched.find((item: { vacancyId: string }) => item.vacancyId === good.id)).toMatchObject({
        setting: { name: 'Register says good', ofstedGrade: 'good', gradeVerified: true },
      });
      expect(matched.find((item: { vacancyId: string }) => item.vacancyId === vacancies.nearGood.id).setting.gradeVerified).toBe(false);
    } finally {
      for (const vacancy of [inadequate, good]) {
        await api.http().post(`/api/v1/vacancies/${vacancy.id}/withdraw`).set(bearer(orgs.providerA.token)).expect(200);
      }
    }
  });

  it('shows matches and exclusions to the owning LA only', async () => {
    const id = await submit();
    await get(`/referrals/${id}/matches`, orgs.brent).expect(404);
    await get(`/referrals/${id}/exclusions`, orgs.brent).expect(404);
    await get(`/referrals/${id}/matches`, orgs.providerA.token).expect(403);
    await get(`/referrals/${id}/exclusions`, orgs.commissioner).expect(403);
    await api.http().get(`/api/v1/referrals/${id}/matches`).expect(401);
    const bad = await get(`/referrals/not-a-uuid/matches`).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  describe('matching weights', () => {
    const path = () => `/api/v1/alliances/${orgs.allianceId}/matching-weights`;

    it('gives the defaults until set, and takes weights summing to 100', async () => {
      const defaults = (await api.http().get(path()).set(bearer(orgs.commissioner)).expect(200)).body;
      expect(defaults).toMatchObject({ needs: 35, proximity: 25, quality: 20, continuity: 10, cost: 10, isDefault: true });

      const bad = await api
        .http()
        .put(path())
        .set(bearer(orgs.commissioner))
        .send({ needs: 35, proximity: 25, quality: 20, continuity: 10, cost: 20 })
        .expect(400);
      expect(bad.body.details).toEqual([expect.objectContaining({ field: 'weights', problem: expect.stringContaining('100') })]);
      const missing = await api.http().put(path()).set(bearer(orgs.commissioner)).send({ needs: 100 }).expect(400);
      expect(missing.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['continuity', 'cost', 'proximity', 'quality']);
      const negative = await api
        .http()
        .put(path())
        .set(bearer(orgs.commissioner))
        .send({ needs: 'lots', proximity: 25, quality: 20, continuity: 10, cost: -10 })
        .expect(400);
      expect(negative.body.details).toEqual([
        { field: 'needs', problem: 'must be a number from 0 to 100' },
        { field: 'cost', problem: 'must be a number from 0 to 100' },
      ]);
      expect((await api.http().get(path()).set(bearer(orgs.commissioner)).expect(200)).body.isDefault).toBe(true);
    });

    it('re-matches the alliance’s open referrals with the new weights', async () => {
      const id = await submit();
      await until('shortlisted', async () => (await get(`/referrals/${id}`)).body.status, (s) => s === 'shortlisted');
      const weights = { needs: 0, proximity: 0, quality: 100, continuity: 0, cost: 0 };
      const set = (await api.http().put(path()).set(bearer(orgs.commissioner)).send(weights).expect(200)).body;
      expect(set).toMatchObject({ ...weights, isDefault: false, rematched: expect.any(Number) });
      expect(set.rematched).toBeGreaterThanOrEqual(1);
      const rematched = await until('re-matched', () => matchesOf(id), (m) => m.items[0]?.breakdown.needs === 0);
      for (const item of rematched.items) expect(item.breakdown.proximity).toBe(0);
      await api.http().put(path()).set(bearer(orgs.admin)).send({ needs: 35, proximity: 25, quality: 20, continuity: 10, cost: 10 }).expect(200);
    });

    it('previews what proposed weights would change on the current shortlists, storing nothing', async () => {
      const id = await submit();
      await until('shortlisted', async () => (await get(`/referrals/${id}`)).body.status, (s) => s === 'shortlisted');
      const preview = (weights: object, token = orgs.commissioner) =>
        api.http().post(`${path()}/preview`).set(bearer(token)).send(weights);
      const [{ shortlisted }] = await api.dataSource.query(
        `SELECT count(*)::int AS shortlisted FROM referrals r
          WHERE r.status = 'shortlisted' AND EXISTS (SELECT 1 FROM referral_matches m WHERE m.referral_id = r.id)`,
      );
      const outboxBefore = (await api.dataSource.query(`SELECT count(*)::int AS n FROM outbox`))[0].n;
      const same = (await preview({ needs: 35, proximity: 25, quality: 20, continuity: 10, cost: 10 }).expect(200)).body;
      expect(same).toEqual({ allianceId: orgs.allianceId, referralsChecked: shortlisted, firstPlaceChanges: 0, costCannotOutweighNeedsAndProximity: true });
      const costly = (await preview({ needs: 10, proximity: 10, quality: 10, continuity: 10, cost: 60 }).expect(200)).body;
      expect(costly).toMatchObject({ referralsChecked: shortlisted, costCannotOutweighNeedsAndProximity: false });
      expect(costly.firstPlaceChanges).toBeLessThanOrEqual(shortlisted);
      // Nothing stored, nothing re-matched.
      expect((await api.http().get(path()).set(bearer(orgs.commissioner)).expect(200)).body).toMatchObject({
        needs: 35,
        proximity: 25,
        quality: 20,
        continuity: 10,
        cost: 10,
      });
      expect((await api.dataSource.query(`SELECT count(*)::int AS n FROM outbox`))[0].n).toBe(outboxBefore);
      const bad = await preview({ needs: 35, proximity: 25, quality: 20, continuity: 10, cost: 20 }).expect(400);
      expect(bad.body.details).toEqual([expect.objectContaining({ field: 'weights' })]);
      await preview({ needs: 35, proximity: 25, quality: 20, continuity: 10, cost: 10 }, orgs.ealing).expect(403);
    });

    it('steers an LA in two alliances by the one created first, whose commissioner alone can change it', async () => {
      const admin = (method: 'post' | 'put', path: string, body: object) =>
        api.http()[method](`/api/v1${path}`).set(bearer(orgs.admin)).send(body).expect(method === 'post' ? 201 : 200);
      const password = 'a-long-enough-password';
      // Hounslow commissions with its neighbours first, then joins a wider framework that sets its own weights.
      const first = (await admin('post', '/alliances', { name: 'South West London Partnership', localAuthorityCodes: ['E09000018'] })).body;
      const wider = (await admin('post', '/alliances', { name: 'London Framework', localAuthorityCodes: ['E09000018', 'E09000017'] })).body;
      await admin('post', '/admin/users', { email: 'commissioner.framework@e2e.test', role: 'commissioner', allianceId: wider.id, password });
      await admin('post', '/admin/users', { email: 'officer.hounslow@e2e.test', role: 'placement_officer', localAuthorityCode: 'E09000018', password });
      const frameworkCommissioner = await login(api, 'commissioner.framework@e2e.test', password);
      const hounslow = await login(api, 'officer.hounslow@e2e.test', password);

      const submitFor = async (token: string) => {
        const { body } = await api
          .http()
          .post('/api/v1/referrals')
          .set(bearer(token))
          .set('Idempotency-Key', crypto.randomUUID())
          .send(referralBody({ weeklyBudget: 10_000 }))
          .expect(202);
        await until('shortlisted', async () => (await get(`/referrals/${body.id}`, token)).body.status, (s) => s === 'shortlisted');
        return body.id as string;
      };
      await submitFor(hounslow);

      const costly = { needs: 15, proximity: 15, quality: 15, continuity: 15, cost: 40 };
      const weightsOf = (allianceId: string) => `/api/v1/alliances/${allianceId}/matching-weights`;
      // Another alliance's weights are not the framework commissioner's to read or change.
      await api.http().put(weightsOf(first.id)).set(bearer(frameworkCommissioner)).send(costly).expect(404);
      await api.http().put(weightsOf(orgs.allianceId)).set(bearer(frameworkCommissioner)).send(costly).expect(404);
      await api.http().get(weightsOf(first.id)).set(bearer(frameworkCommissioner)).expect(404);
      // Its own weights steer only the LAs it is the first alliance of (Hillingdon): Hounslow's waiting referral is not re-matched...
      const set = (await api.http().put(weightsOf(wider.id)).set(bearer(frameworkCommissioner)).send(costly).expect(200)).body;
      expect(set).toMatchObject({ rematched: 0, steersLocalAuthorityCodes: ['E09000017'] });
      const steering = (await api.http().get(weightsOf(first.id)).set(bearer(orgs.admin)).expect(200)).body;
      expect(steering).toMatchObject({ isDefault: true, steersLocalAuthorityCodes: ['E09000018'] });
      // ...and a new one is scored by its first alliance, which set none: the defaults, cost at most 10 of 100.
      const after = await submitFor(hounslow);
      const { items } = (await get(`/referrals/${after}/matches`, hounslow).expect(200)).body;
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(item.breakdown.cost).toBeLessThanOrEqual(10);
    });

    it("is the alliance's commissioners' (and admins') business only", async () => {
      await api.http().get(path()).set(bearer(orgs.ealing)).expect(403);
      await api.http().get(path()).set(bearer(orgs.providerA.token)).expect(403);
      await api.http().get(`/api/v1/alliances/${crypto.randomUUID()}/matching-weights`).set(bearer(orgs.commissioner)).expect(404);
      await api.http().get(`/api/v1/alliances/${crypto.randomUUID()}/matching-weights`).set(bearer(orgs.admin)).expect(404);
    });
  });

  describe('queue dashboard', () => {
    it('is for admins only', async () => {
      await api.http().get('/admin/queues').expect(401);
      await api.http().get('/admin/queues').set(bearer(orgs.ealing)).expect(403);
      const page = await api.http().get('/admin/queues').set(bearer(orgs.admin)).expect(200);
      expect(page.headers['content-type']).toContain('text/html');
      const queues = await api.http().get('/admin/queues/api/queues').set(bearer(orgs.admin)).expect(200);
      expect(queues.body.queues.map((q: { name: string }) => q.name)).toContain('matching');
    });

    it("opens in an admin's browser with a short-lived, http-only, same-site cookie for its path alone", async () => {
      await api.http().post('/api/v1/admin/queue-session').set(bearer(orgs.ealing)).expect(403);
      await api.http().post('/api/v1/admin/queue-session').expect(401);
      const session = await api.http().post('/api/v1/admin/queue-session').set(bearer(orgs.admin)).expect(204);
      const [cookie] = session.headers['set-cookie'] as unknown as string[];
      expect(cookie).toMatch(/^queues_session=[^;]+; Max-Age=600; Path=\/admin\/queues; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
      const value = cookie.split(';')[0];
      const page = await api.http().get('/admin/queues').set('Cookie', value).expect(200);
      expect(page.headers['content-type']).toContain('text/html');
      await api.http().get('/admin/queues/api/queues').set('Cookie', value).expect(200);
      await api.http().get('/admin/queues').set('Cookie', 'queues_session=forged.token.value').expect(401);
      // The cookie is for the dashboard only: the api wants its bearer token.
      await api.http().get('/api/v1/referrals').set('Cookie', value).expect(401);
    });
  });
});
