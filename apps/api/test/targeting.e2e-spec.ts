import type { INestApplicationContext } from '@nestjs/common';
import { until } from '@app/testing';
import { bearer, createOrganisations, login, openVacancy, Organisations, referralBody, startTestApi, TestApi, todayInEngland } from './support/test-api';
import { startTestWorker } from './support/test-worker';

type Provider = { id: string; token: string };

/**
 * Targeting through HTTP and the worker: the alliance's number of providers each shortlist is sent
 * to, the placement team's own sends, and a provider not sent a referral never seeing it.
 */
describe('targeting (e2e)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let orgs: Organisations;
  /** Three providers, each with one emergency-ready bed near UB1; they rank in this order for a UB1 child. */
  let first: Provider & { vacancyId: string };
  let second: Provider & { vacancyId: string };
  let third: Provider & { vacancyId: string };
  let officerId: string;
  let otherCommissioner: string;

  beforeAll(async () => {
    api = await startTestApi({ DATABASE_POOL_SIZE: '8' });
    worker = await startTestWorker();
    orgs = await createOrganisations(api);
    const admin = bearer(orgs.admin);
    const created = async (path: string, body: object) => (await api.http().post(`/api/v1${path}`).set(admin).send(body).expect(201)).body;
    const password = 'a-long-enough-password';
    const providerC = await created('/providers', { name: 'Cedar Lodge', sector: 'private' });
    await created('/admin/users', { email: 'provider.c@e2e.test', password, role: 'provider_user', providerId: providerC.id });
    const elsewhere = await created('/alliances', { name: 'Elsewhere Alliance', localAuthorityCodes: ['E08000025'] });
    await created('/admin/users', { email: 'commissioner.elsewhere@e2e.test', password, role: 'commissioner', allianceId: elsewhere.id });
    otherCommissioner = await login(api, 'commissioner.elsewhere@e2e.test', password);
    const withBed = async (provider: Provider, setting: Record<string, unknown>) => ({
      ...provider,
      vacancyId: await openVacancy(api, provider, { setting, vacancy: { emergencyReady: true } }),
    });
    // Near and outstanding, near and good, then Wembley: the order matching ranks them in.
    first = await withBed(orgs.providerA, { ofstedGrade: 'outstanding' });
    second = await withBed(orgs.providerB, {});
    third = await withBed({ id: providerC.id, token: await login(api, 'provider.c@e2e.test', password) }, { postcode: 'HA0 1AA' });
    [{ id: officerId }] = await api.dataSource.query(`SELECT id FROM users WHERE email = 'officer.ealing@e2e.test'`);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const http = () => api.http();
  const targeting = (token: string, allianceId = orgs.allianceId) => http().get(`/api/v1/alliances/${allianceId}/targeting`).set(bearer(token));
  const setTargeting = (body: object, token = orgs.commissioner, allianceId = orgs.allianceId) =>
    http().put(`/api/v1/alliances/${allianceId}/targeting`).set(bearer(token)).send(body);
  const recipients = (id: string, token = orgs.ealing) => http().get(`/api/v1/referrals/${id}/recipients`).set(bearer(token));
  const send = (id: string, providerIds: unknown, token = orgs.ealing) =>
    http().post(`/api/v1/referrals/${id}/recipients`).set(bearer(token)).send({ providerIds });
  const inbox = async (provider: Provider) =>
    (await http().get('/api/v1/provider/referrals').set(bearer(provider.token)).expect(200)).body.map((s: { referralId: string }) => s.referralId);
  const alerts = async (provider: Provider) =>
    (await http().get('/api/v1/provider/notifications').set(bearer(provider.token)).expect(200)).body.items.map(
      (n: { referralId: string }) => n.referralId,
    );
  const offer = (id: string, provider: Provider & { vacancyId: string }) =>
    http().post(`/api/v1/referrals/${id}/offers`).set(bearer(provider.token)).send({ vacancyId: provider.vacancyId, weeklyCost: 5_000 });
  const decline = (id: string, provider: Provider & { vacancyId: string }) =>
    http().post(`/api/v1/referrals/${id}/declines`).set(bearer(provider.token)).send({ vacancyId: provider.vacancyId, reason: 'no_capacity' });
  const fields = (response: { body: { details?: { field: string }[] } }) => (response.body.details ?? []).map((d) => d.field);

  async function shortlisted(overrides: Record<string, unknown> = {}): Promise<string> {
    const { body } = await http()
      .post('/api/v1/referrals')
      .set(bearer(orgs.ealing))
      .set('Idempotency-Key', crypto.randomUUID())
      .send(referralBody({ placementTypes: ['K2'], ...overrides }))
      .expect(202);
    await until(
      'the referral to be shortlisted',
      async () => (await http().get(`/api/v1/referrals/${body.id}`).set(bearer(orgs.ealing)).expect(200)).body.status,
      (status) => status === 'shortlisted',
    );
    const { body: matches } = await http().get(`/api/v1/referrals/${body.id}/matches`).set(bearer(orgs.ealing)).expect(200);
    expect(matches.items.map((m: { vacancyId: string }) => m.vacancyId)).toEqual([first.vacancyId, second.vacancyId, third.vacancyId]);
    return body.id;
  }

  it("lets the alliance's commissioners and admins read and set how many providers each shortlist goes to", async () => {
    expect((await targeting(orgs.commissioner).expect(200)).body).toEqual({ allianceId: orgs.allianceId, autoSendTopProviders: 5 });
    expect((await setTargeting({ autoSendTopProviders: 2 }).expect(200)).body).toEqual({ allianceId: orgs.allianceId, autoSendTopProviders: 2 });
    expect((await targeting(orgs.admin).expect(200)).body.autoSendTopProviders).toBe(2);
    await setTargeting({ autoSendTopProviders: 1 }, orgs.admin).expect(200);
    expect((await targeting(orgs.commissioner).expect(200)).body.autoSendTopProviders).toBe(1);

    // Another alliance's commissioner is told it does not exist; other roles may not ask.
    await targeting(otherCommissioner).expect(404);
    await setTargeting({ autoSendTopProviders: 3 }, otherCommissioner).expect(404);
    for (const token of [orgs.ealing, orgs.providerA.token]) {
      await targeting(token).expect(403);
      await setTargeting({ autoSendTopProviders: 3 }, token).expect(403);
    }
    await targeting(orgs.admin, crypto.randomUUID()).expect(404);
    expect(fields(await targeting(orgs.admin, 'nope').expect(400))).toEqual(['id']);

    for (const bad of [51, -1, 2.5, '3', null]) {
      const response = await setTargeting({ autoSendTopProviders: bad }).expect(400);
      expect(response.body.details).toEqual([{ field: 'autoSendTopProviders', problem: expect.any(String) }]);
    }
    expect((await setTargeting({}).expect(400)).body.details).toEqual([{ field: 'autoSendTopProviders', problem: 'is required' }]);
    expect(fields(await setTargeting({ autoSendTopProviders: 1, everyone: true }).expect(400))).toEqual(['everyone']);
    expect((await targeting(orgs.commissioner).expect(200)).body.autoSendTopProviders).toBe(1);
  });

  it('sends a shortlist to its top provider only: the others never see it, and their offers and declines are 404s revealing nothing', async () => {
    await setTargeting({ autoSendTopProviders: 1 }).expect(200);
    const id = await shortlisted();
    const { body: sent } = await recipients(id).expect(200);
    expect(sent).toEqual({
      referralId: id,
      items: [{ providerId: first.id, providerName: 'Oakfield Care', vacancyIds: [first.vacancyId], bestRank: 1, sentAt: expect.any(String), sentBy: null }],
    });
    expect(await inbox(first)).toContain(id);
    const nowhere = crypto.randomUUID();
    for (const outsider of [second, third]) {
      expect(await inbox(outsider)).not.toContain(id);
      // The same answer as for a referral that does not exist.
      const [offered, declined, unknown] = [await offer(id, outsider), await decline(id, outsider), await offer(nowhere, outsider)];
      expect([offered.status, declined.status, unknown.status]).toEqual([404, 404, 404]);
      expect(offered.body.message).toBe(unknown.body.message);
      expect(declined.body.message).toBe(unknown.body.message);
      // A bed of theirs cannot be held for it either, which would show them the referral.
      await http().post(`/api/v1/vacancies/${outsider.vacancyId}/holds`).set(bearer(orgs.ealing)).send({ referralId: id, minutes: 30 }).expect(409);
      const { body: holds } = await http().get(`/api/v1/vacancies/${outsider.vacancyId}/holds`).set(bearer(outsider.token)).expect(200);
      expect(holds.items).toEqual([]);
    }
    await offer(id, first).expect(201);
  });

  it('lets the officer send to another shortlisted provider, which then sees it and may answer; sending again changes nothing', async () => {
    await setTargeting({ autoSendTopProviders: 1 }).expect(200);
    const id = await shortlisted();
    const { body: after } = await send(id, [third.id]).expect(201);
    expect(after.items).toEqual([
      expect.objectContaining({ providerId: first.id, sentBy: null }),
      { providerId: third.id, providerName: 'Cedar Lodge', vacancyIds: [third.vacancyId], bestRank: 3, sentAt: expect.any(String), sentBy: { userId: officerId, name: 'officer.ealing@e2e.test' } },
    ]);
    expect(await inbox(third)).toContain(id);
    expect(await inbox(second)).not.toContain(id);
    await decline(id, third).expect(201);
    // Again, and with the top provider too: the same sends, as they were.
    expect((await send(id, [third.id, first.id]).expect(201)).body).toEqual(after);
    expect((await recipients(id).expect(200)).body).toEqual(after);
    await offer(id, second).expect(404);
  });

  it('checks who may send, to whom, and when', async () => {
    await setTargeting({ autoSendTopProviders: 1 }).expect(200);
    const id = await shortlisted();
    // Bad input names the field, down to the place in the list.
    expect(fields(await send(id, ['not-a-uuid']).expect(400))).toEqual(['providerIds[0]']);
    const notOnShortlist = await send(id, [second.id, crypto.randomUUID(), orgs.providerB.id]).expect(400);
    expect(notOnShortlist.body.details).toEqual([{ field: 'providerIds[1]', problem: "has no vacancy on the referral's current shortlist" }]);
    expect(fields(await send(id, []).expect(400))).toEqual(['providerIds']);
    expect(fields(await send(id, 'everyone').expect(400))).toEqual(['providerIds']);
    expect((await http().post(`/api/v1/referrals/${id}/recipients`).set(bearer(orgs.ealing)).send({}).expect(400)).body.details).toEqual([
      { field: 'providerIds', problem: 'is required' },
    ]);
    expect(
      fields(await http().post(`/api/v1/referrals/${id}/recipients`).set(bearer(orgs.ealing)).send({ providerIds: [second.id], all: true }).expect(400)),
    ).toEqual(['all']);
    // Nothing of that was sent.
    expect((await recipients(id).expect(200)).body.items.map((r: { providerId: string }) => r.providerId)).toEqual([first.id]);

    // Another LA's officer: not found; other roles: forbidden.
    await recipients(id, orgs.brent).expect(404);
    await send(id, [second.id], orgs.brent).expect(404);
    for (const token of [orgs.providerA.token, orgs.commissioner, orgs.admin]) {
      await recipients(id, token).expect(403);
      await send(id, [second.id], token).expect(403);
    }
    await recipients(crypto.randomUUID()).expect(404);

    // Only while shortlisted.
    await http().post(`/api/v1/referrals/${id}/withdraw`).set(bearer(orgs.ealing)).expect(200);
    await send(id, [second.id]).expect(409);
    expect(await inbox(first)).not.toContain(id);
  });

  it('with the number at 0, sends nothing until the officer does, and alerts for an emergency go only to providers sent it', async () => {
    await setTargeting({ autoSendTopProviders: 0 }).expect(200);
    const id = await shortlisted({ urgency: 'emergency', requiredBy: todayInEngland() });
    expect((await recipients(id).expect(200)).body.items).toEqual([]);
    for (const provider of [first, second, third]) {
      expect(await inbox(provider)).not.toContain(id);
      expect(await alerts(provider)).not.toContain(id);
    }
    await send(id, [second.id]).expect(201);
    expect(await inbox(second)).toContain(id);
    expect(await alerts(second)).toEqual(expect.arrayContaining([id]));
    for (const provider of [first, third]) {
      expect(await inbox(provider)).not.toContain(id);
      expect(await alerts(provider)).not.toContain(id);
    }
  });

  it('publishes the new routes with their response schemas', async () => {
    const { body: doc } = await http().get('/docs-json').expect(200);
    const schemaOf = (path: string, method: string, status: string) => doc.paths[path][method].responses[status].content['application/json'].schema.$ref;
    expect(schemaOf('/api/v1/referrals/{id}/recipients', 'get', '200')).toBe('#/components/schemas/RecipientListResponse');
    expect(schemaOf('/api/v1/referrals/{id}/recipients', 'post', '201')).toBe('#/components/schemas/RecipientListResponse');
    expect(schemaOf('/api/v1/alliances/{id}/targeting', 'get', '200')).toBe('#/components/schemas/TargetingResponse');
    expect(schemaOf('/api/v1/alliances/{id}/targeting', 'put', '200')).toBe('#/components/schemas/TargetingResponse');
    expect(Object.keys(doc.components.schemas.RecipientResponse.properties).sort()).toEqual(
      ['bestRank', 'providerId', 'providerName', 'sentAt', 'sentBy', 'vacancyIds'].sort(),
    );
    expect(doc.components.schemas.TargetingResponse.properties.autoSendTopProviders).toMatchObject({ minimum: 0, maximum: 50 });
  });
});
