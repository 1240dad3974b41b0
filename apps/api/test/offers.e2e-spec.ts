import type { INestApplicationContext } from '@nestjs/common';
import fc from 'fast-check';
import { until } from '@app/testing';
import { documentedKeys, documentedResponse } from './support/openapi';
import { bearer, createOrganisations, openVacancy, Organisations, referralBody, startTestApi, TestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';

const SUMMARY_KEYS = [
  'ageYears',
  'categoryOfNeed',
  'gender',
  'legalStatus',
  'needs',
  'placementTypes',
  'postcodeDistrict',
  'referralId',
  'requiredBy',
  'score',
  'siblingGroupSize',
  'urgency',
  'vacancyId',
];

/** The provider's side: the anonymised view of shortlisted referrals, offers and declines. */
describe('provider view, offers and declines (e2e)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let orgs: Organisations;
  let vacancyA: string;
  let vacancyB: string;

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker();
    orgs = await createOrganisations(api);
    const vacancyOf = (provider: { id: string; token: string }) => openVacancy(api, provider, { vacancy: { beds: 2 } });
    vacancyA = await vacancyOf(orgs.providerA);
    vacancyB = await vacancyOf(orgs.providerB);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function shortlisted(body = referralBody()): Promise<string> {
    const { body: created } = await api
      .http()
      .post('/api/v1/referrals')
      .set(bearer(orgs.ealing))
      .set('Idempotency-Key', crypto.randomUUID())
      .send(body)
      .expect(202);
    await until(
      'the referral to be shortlisted',
      async () => (await api.http().get(`/api/v1/referrals/${created.id}`).set(bearer(orgs.ealing)).expect(200)).body.status,
      (status) => status === 'shortlisted',
      15_000,
    );
    return created.id;
  }

  const providerView = (token: string) => api.http().get('/api/v1/provider/referrals').set(bearer(token));

  it("shows each provider the referrals shortlisted to its vacancies, from an allow-list, and audits the disclosure", async () => {
    const id = await shortlisted();
    const { body: seenByA } = await providerView(orgs.providerA.token).expect(200);
    const mine = seenByA.filter((s: { referralId: string }) => s.referralId === id);
    expect(mine).toHaveLength(1);
    expect(Object.keys(mine[0]).sort()).toEqual(SUMMARY_KEYS);
    expect(mine[0]).toMatchObject({ vacancyId: vacancyA, postcodeDistrict: 'UB1', gender: 'female', urgency: 'planned' });
    expect(mine[0].ageYears).toEqual(expect.any(Number));
    const { body: seenByB } = await providerView(orgs.providerB.token).expect(200);
    expect(seenByB.filter((s: { referralId: string }) => s.referralId === id).map((s: { vacancyId: string }) => s.vacancyId)).toEqual([vacancyB]);
    const [{ n }] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'disclose_summary' AND entity_id = $1 AND organisation = $2`,
      [id, orgs.providerA.id],
    );
    expect(n).toBeGreaterThanOrEqual(1);
    await providerView(orgs.ealing).expect(403);
    await providerView(orgs.commissioner).expect(403);
  });

  it('never shows a provider the personal data in a referral, whatever it is', async () => {
    const text = fc.string({ minLength: 6, maxLength: 24 }).filter((s) => /^[A-Za-z0-9][A-Za-z0-9 -]+[A-Za-z0-9]$/.test(s));
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          localReference: text,
          notes: text,
          preference: text,
          // Aged 10 to 16 this year, so still under 18 on the day needed (30 days on), whatever today is.
          year: fc.integer({ min: new Date().getFullYear() - 16, max: new Date().getFullYear() - 10 }),
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 28 }),
          unit: fc.constantFrom('1AA', '3QZ', '9XY', '4BD'),
        }),
        async (person) => {
          const dateOfBirth = `${person.year}-${String(person.month).padStart(2, '0')}-${String(person.day).padStart(2, '0')}`;
          const homePostcode = `UB1 ${person.unit}`;
          const id = await shortlisted(
            referralBody(
              { notes: `NOTE ${person.notes}` },
              { localReference: `REF ${person.localReference}`, dateOfBirth, homePostcode, preferences: { notes: `PREF ${person.preference}` } },
            ),
          );
          const http = () => api.http();
          const asProvider = bearer(orgs.providerA.token);
          const beforeAcceptance = [(await providerView(orgs.providerA.token).expect(200)).text];
          const offered = await http().post(`/api/v1/referrals/${id}/offers`).set(asProvider).send({ vacancyId: vacancyA, weeklyCost: 5_100 }).expect(201);
          beforeAcceptance.push(offered.text);
          beforeAcceptance.push((await http().get('/api/v1/provider/offers?limit=200').set(asProvider).expect(200)).text);
          // Through the placement too: the provider's view of it, its progress on an outcome, and after it ends.
          const { body: placed } = await http().post(`/api/v1/offers/${offered.body.id}/accept`).set(bearer(orgs.ealing)).expect(201);
          const placement = `/api/v1/placements/${placed.placementId}`;
          // Accepted: the provider is told the date of birth to receive the child, and nothing more of who they are.
          const placementViews = [(await http().get(placement).set(asProvider).expect(200)).text];
          const afterAcceptance = [(await http().get('/api/v1/provider/offers?limit=200').set(asProvider).expect(200)).text];
          const { body: outcome } = await http()
            .post(`${placement}/outcomes`)
            .set(bearer(orgs.ealing))
            .send({ kind: 'hard', description: 'Attends school every day', targetDate: '2030-01-01', status: 'not_started' })
            .expect(201);
          afterAcceptance.push(
            (await http().post(`${placement}/outcomes/${outcome.id}/updates`).set(asProvider).send({ status: 'in_progress' }).expect(201)).text,
          );
          const today = new Date().toISOString().slice(0, 10);
          await http().post(`${placement}/end`).set(bearer(orgs.ealing)).send({ endDate: today, reason: 'CREQB', planned: false }).expect(200);
          await http().post(`${placement}/feedback`).set(bearer(orgs.ealing)).send({ rating: 4, comments: 'Settled well' }).expect(201);
          placementViews.push((await http().get(placement).set(asProvider).expect(200)).text);
          const placementList = (await http().get('/api/v1/placements?limit=200').set(asProvider).expect(200)).text;
          expect(placementList).toContain(dateOfBirth);
          for (const response of [...beforeAcceptance, ...afterAcceptance, ...placementViews, placementList]) {
            for (const secret of [`REF ${person.localReference}`, `NOTE ${person.notes}`, `PREF ${person.preference}`, homePostcode]) {
              expect(response).not.toContain(secret);
            }
          }
          for (const response of [...beforeAcceptance, ...afterAcceptance]) expect(response).not.toContain(dateOfBirth);
          for (const response of placementViews) expect(JSON.parse(response).child.dateOfBirth).toBe(dateOfBirth);
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);

  it("lists a referral's declines for its placement team, newest first, each with the provider named", async () => {
    const id = await shortlisted();
    const declines = (token: string, referralId = id) => api.http().get(`/api/v1/referrals/${referralId}/declines`).set(bearer(token));
    expect((await declines(orgs.ealing).expect(200)).body).toEqual({ referralId: id, items: [] });
    const decline = (provider: { token: string }, vacancyId: string, reason: string) =>
      api.http().post(`/api/v1/referrals/${id}/declines`).set(bearer(provider.token)).send({ vacancyId, reason, note: 'Full until spring' }).expect(201);
    const { body: first } = await decline(orgs.providerA, vacancyA, 'no_capacity');
    const { body: second } = await decline(orgs.providerB, vacancyB, 'location');

    const { body } = await declines(orgs.ealing).expect(200);
    expect(body).toEqual({
      referralId: id,
      items: [
        { id: second.id, vacancyId: vacancyB, providerId: orgs.providerB.id, providerName: 'Birchwood Homes', reason: 'location', createdAt: expect.any(String) },
        { id: first.id, vacancyId: vacancyA, providerId: orgs.providerA.id, providerName: 'Oakfield Care', reason: 'no_capacity', createdAt: expect.any(String) },
      ],
    });
    expect(Date.parse(body.items[0].createdAt)).toBeGreaterThanOrEqual(Date.parse(body.items[1].createdAt));

    await declines(orgs.brent).expect(404);
    await declines(orgs.ealing, crypto.randomUUID()).expect(404);
    await declines(orgs.providerA.token).expect(403);
    await declines(orgs.commissioner).expect(403);
    await declines(orgs.admin).expect(403);
    await api.http().get(`/api/v1/referrals/${id}/declines`).expect(401);
    const bad = await declines(orgs.ealing, 'not-a-referral').expect(400);
    expect(bad.body.details).toEqual([{ field: 'id', problem: 'must be a UUID' }]);

    const documented = await documentedResponse(api, 'get', '/api/v1/referrals/{id}/declines');
    expect(documentedKeys(documented)).toEqual(['items', 'referralId']);
    expect(documentedKeys(documented.property('items'))).toEqual(['createdAt', 'id', 'providerId', 'providerName', 'reason', 'vacancyId']);
  });

  it('takes one live offer per vacancy, lists it for the placement team, and withdraws it on a decline', async () => {
    const id = await shortlisted();
    const offer = (body: object, token = orgs.providerA.token) =>
      api.http().post(`/api/v1/referrals/${id}/offers`).set(bearer(token)).send(body);
    const { body: made } = await offer({ vacancyId: vacancyA, weeklyCost: 5_200, message: 'We can take her this week' }).expect(201);
    expect(made).toMatchObject({ id: expect.any(String), status: 'open', weeklyCost: 5_200, vacancyId: vacancyA });
    await offer({ vacancyId: vacancyA, weeklyCost: 5_000 }).expect(409);
    // Another provider's vacancy, or a vacancy not on the shortlist: not found, nothing revealed.
    await offer({ vacancyId: vacancyB, weeklyCost: 5_000 }).expect(404);
    await offer({ vacancyId: crypto.randomUUID(), weeklyCost: 5_000 }).expect(404);
    const bad = await offer({ vacancyId: 'nope', weeklyCost: 0 }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['vacancyId', 'weeklyCost']);
    await offer({ vacancyId: vacancyA, weeklyCost: 5_000 }, orgs.ealing).expect(403);

    const { body: listed } = await api.http().get(`/api/v1/referrals/${id}/offers`).set(bearer(orgs.ealing)).expect(200);
    expect(listed.items.map((o: { id: string }) => o.id)).toEqual([made.id]);
    await api.http().get(`/api/v1/referrals/${id}/offers`).set(bearer(orgs.brent)).expect(404);
    await api.http().get(`/api/v1/referrals/${id}/offers`).set(bearer(orgs.providerA.token)).expect(403);

    const decline = (body: object) => api.http().post(`/api/v1/referrals/${id}/declines`).set(bearer(orgs.providerA.token)).send(body);
    const badReason = await decline({ vacancyId: vacancyA, reason: 'busy' }).expect(400);
    expect(badReason.body.details).toEqual([expect.objectContaining({ field: 'reason' })]);
    const { body: declined } = await decline({ vacancyId: vacancyA, reason: 'risk_to_other_children', note: 'current group' }).expect(201);
    expect(declined).toMatchObject({ reason: 'risk_to_other_children', withdrawnOffers: 1 });
    const { body: after } = await api.http().get(`/api/v1/referrals/${id}/offers`).set(bearer(orgs.ealing)).expect(200);
    expect(after.items[0].status).toBe('withdrawn');
    // A fresh offer after the decline is a new live offer.
    const { body: fresh } = await offer({ vacancyId: vacancyA, weeklyCost: 5_300 }).expect(201);
    // Text Postgres cannot store is a 400 naming the field, not a 500.
    const nul = await offer({ vacancyId: vacancyB, weeklyCost: 5_000, message: 'a\u0000b' }).expect(400);
    expect(nul.body.details).toEqual([{ field: 'message', problem: 'must not contain the NUL character' }]);
    // Withdrawing the referral closes the offers still open on it.
    await api.http().post(`/api/v1/referrals/${id}/withdraw`).set(bearer(orgs.ealing)).expect(200);
    const { body: closed } = await api.http().get(`/api/v1/referrals/${id}/offers`).set(bearer(orgs.ealing)).expect(200);
    expect(closed.items.find((o: { id: string }) => o.id === fresh.id).status).toBe('closed');
  });

  it("lists a provider's own offers with what became of each, filtered and paged, and never any child data", async () => {
    const child = { localReference: `FOLLOW-${crypto.randomUUID().slice(0, 8)}`, dateOfBirth: '2011-03-17' };
    const http = () => api.http();
    const offer = async (referralId: string, vacancyId: string, provider: { token: string }) =>
      (await http().post(`/api/v1/referrals/${referralId}/offers`).set(bearer(provider.token)).send({ vacancyId, weeklyCost: 5_150, message: 'Room ready' }).expect(201)).body.id;
    const accept = (offerId: string) => http().post(`/api/v1/offers/${offerId}/accept`).set(bearer(orgs.ealing)).expect(201);

    const stillOpen = await shortlisted(referralBody({}, child));
    const beforeAcceptance = [(await providerView(orgs.providerA.token).expect(200)).text];
    const openOffer = await offer(stillOpen, vacancyA, orgs.providerA);
    const placedReferral = await shortlisted(referralBody({}, child));
    const { body: placement } = await accept(await offer(placedReferral, vacancyA, orgs.providerA));
    const declinedReferral = await shortlisted(referralBody({}, child));
    const declinedOffer = await offer(declinedReferral, vacancyA, orgs.providerA);
    await http().post(`/api/v1/referrals/${declinedReferral}/declines`).set(bearer(orgs.providerA.token)).send({ vacancyId: vacancyA, reason: 'cost' }).expect(201);
    const outbidReferral = await shortlisted(referralBody({}, child));
    const outbidOffer = await offer(outbidReferral, vacancyA, orgs.providerA);
    const winningOffer = await offer(outbidReferral, vacancyB, orgs.providerB);
    const { body: winner } = await accept(winningOffer);
    const withdrawnReferral = await shortlisted(referralBody({}, child));
    const withdrawnOffer = await offer(withdrawnReferral, vacancyA, orgs.providerA);
    await http().post(`/api/v1/referrals/${withdrawnReferral}/withdraw`).set(bearer(orgs.ealing)).expect(200);

    const list = (query: string, token = orgs.providerA.token) => http().get(`/api/v1/provider/offers${query}`).set(bearer(token));
    const mine = new Set([stillOpen, placedReferral, declinedReferral, outbidReferral, withdrawnReferral]);
    const { body: all } = await list('?limit=200').expect(200);
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM offers WHERE provider_id = $1`, [orgs.providerA.id]);
    expect(all.total).toBe(n);
    const seen = all.items.filter((item: { referralId: string }) => mine.has(item.referralId));
    const common = { weeklyCost: 5_150, message: 'Room ready', vacancyId: vacancyA, createdAt: expect.any(String) };
    const settingId = seen[0].settingId;
    expect(seen).toEqual([
      { ...common, id: withdrawnOffer, referralId: withdrawnReferral, settingId, settingName: 'Home', status: 'closed', referralStatus: 'withdrawn' },
      { ...common, id: outbidOffer, referralId: outbidReferral, settingId, settingName: 'Home', status: 'closed', referralStatus: 'placed' },
      { ...common, id: declinedOffer, referralId: declinedReferral, settingId, settingName: 'Home', status: 'withdrawn', referralStatus: 'shortlisted' },
      {
        ...common,
        id: expect.any(String),
        referralId: placedReferral,
        settingId,
        settingName: 'Home',
        status: 'accepted',
        referralStatus: 'placed',
        placementId: placement.placementId,
      },
      { ...common, id: openOffer, referralId: stillOpen, settingId, settingName: 'Home', status: 'open', referralStatus: 'shortlisted' },
    ]);
    // Only the caller's provider's offers, and newest first across them all.
    expect(all.items.map((item: { id: string }) => item.id)).not.toContain(winningOffer);
    const times = all.items.map((item: { createdAt: string }) => Date.parse(item.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const { body: providerB } = await list('?status=accepted', orgs.providerB.token).expect(200);
    expect(providerB.items.map((item: { id: string; placementId: string }) => [item.id, item.placementId])).toContainEqual([winningOffer, winner.placementId]);
    expect(providerB.items.every((item: { referralId: string }) => item.referralId !== placedReferral)).toBe(true);

    const { body: accepted } = await list('?status=accepted').expect(200);
    const [{ acceptedCount }] = await api.dataSource.query(
      `SELECT count(*)::int AS "acceptedCount" FROM offers WHERE provider_id = $1 AND status = 'accepted'`,
      [orgs.providerA.id],
    );
    expect(accepted.total).toBe(acceptedCount);
    expect(new Set(accepted.items.map((item: { status: string }) => item.status))).toEqual(new Set(['accepted']));
    const { body: page } = await list('?limit=2&offset=1').expect(200);
    expect(page).toEqual({ items: all.items.slice(1, 3), total: all.total });
    expect((await list(`?offset=${all.total}`).expect(200)).body).toEqual({ items: [], total: all.total });

    // Nothing of the child, before or after the placement: not the reference, not the date of birth.
    for (const text of [...beforeAcceptance, JSON.stringify(all), (await providerView(orgs.providerA.token).expect(200)).text]) {
      expect(text).not.toContain(child.localReference);
      expect(text).not.toContain(child.dateOfBirth);
      expect(text).not.toMatch(/dateOfBirth|localReference|placingOfficer/);
    }

    for (const [query, field] of [['?status=lost', 'status'], ['?limit=0', 'limit'], ['?limit=201', 'limit'], ['?limit=ten', 'limit'], ['?offset=-1', 'offset']]) {
      const bad = await list(query).expect(400);
      expect(new Set(bad.body.details.map((d: { field: string }) => d.field))).toEqual(new Set([field]));
    }
    await list('', orgs.ealing).expect(403);
    await list('', orgs.commissioner).expect(403);
    await list('', orgs.admin).expect(403);
    await http().get('/api/v1/provider/offers').expect(401);

    const documented = await documentedResponse(api, 'get', '/api/v1/provider/offers');
    expect(documentedKeys(documented)).toEqual(['items', 'total']);
    expect(documentedKeys(documented.property('items'))).toEqual(
      [
        'closedReasons',
        'createdAt',
        'id',
        'message',
        'placementId',
        'referralId',
        'referralStatus',
        'settingId',
        'settingName',
        'status',
        'vacancyId',
        'weeklyCost',
      ],
    );
    const { body: document } = await http().get('/docs-json').expect(200);
    const parameters = document.paths['/api/v1/provider/offers'].get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`);
    expect(parameters.sort()).toEqual(['query:limit', 'query:offset', 'query:status']);
  }, 60_000);
});
