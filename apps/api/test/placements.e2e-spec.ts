import type { INestApplicationContext } from '@nestjs/common';
import { bearer, createOrganisations, openVacancy, Organisations, referralBody, startTestApi, TestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import { until } from '@app/testing';

/** From an offer to a child living somewhere, exactly once, and back when a placement breaks down. */
describe('acceptance and placements (e2e)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let orgs: Organisations;

  beforeAll(async () => {
    api = await startTestApi({ DATABASE_POOL_SIZE: '12' });
    worker = await startTestWorker();
    orgs = await createOrganisations(api);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const http = () => api.http();

  const vacancy = (provider: { id: string; token: string }, beds: number) =>
    openVacancy(api, provider, { setting: { postcode: 'W5 1AA' }, vacancy: { beds } });

  /** A referral shortlisted with every given vacancy on its shortlist. */
  async function shortlistedWith(vacancyIds: string[]): Promise<string> {
    const { body } = await http()
      .post('/api/v1/referrals')
      .set(bearer(orgs.ealing))
      .set('Idempotency-Key', crypto.randomUUID())
      .send(referralBody())
      .expect(202);
    await until(
      'the shortlist',
      async () => (await http().get(`/api/v1/referrals/${body.id}/matches`).set(bearer(orgs.ealing))).body.items ?? [],
      (items: { vacancyId: string }[]) => vacancyIds.every((id) => items.some((item) => item.vacancyId === id)),
    );
    return body.id;
  }

  async function offer(referralId: string, vacancyId: string, provider: { token: string }): Promise<string> {
    const { body } = await http()
      .post(`/api/v1/referrals/${referralId}/offers`)
      .set(bearer(provider.token))
      .send({ vacancyId, weeklyCost: 5_000 })
      .expect(201);
    return body.id;
  }

  const accept = (offerId: string, token = orgs.ealing) => http().post(`/api/v1/offers/${offerId}/accept`).set(bearer(token));

  it('places the child: a bed taken, other offers closed, the placement readable by LA and provider; a breakdown gives the bed back', async () => {
    const vacancyA = await vacancy(orgs.providerA, 2);
    const vacancyB = await vacancy(orgs.providerB, 1);
    const referralId = await shortlistedWith([vacancyA, vacancyB]);
    const offerA = await offer(referralId, vacancyA, orgs.providerA);
    const offerB = await offer(referralId, vacancyB, orgs.providerB);

    await accept(offerA, orgs.brent).expect(404);
    await accept(offerA, orgs.providerA.token).expect(403);
    const { body: placed } = await accept(offerA).expect(201);
    expect(placed).toEqual({ placementId: expect.any(String) });

    const referral = (await http().get(`/api/v1/referrals/${referralId}`).set(bearer(orgs.ealing)).expect(200)).body;
    expect(referral).toMatchObject({ status: 'placed', placementId: placed.placementId });
    const offers = (await http().get(`/api/v1/referrals/${referralId}/offers`).set(bearer(orgs.ealing))).body.items;
    expect(Object.fromEntries(offers.map((o: { id: string; status: string }) => [o.id, o.status]))).toEqual({
      [offerA]: 'accepted',
      [offerB]: 'closed',
    });
    const bedsLeft = (await http().get(`/api/v1/vacancies/${vacancyA}`).set(bearer(orgs.providerA.token))).body;
    expect(bedsLeft).toMatchObject({ beds: 1, status: 'open' });
    await accept(offerA).expect(409);

    const path = `/api/v1/placements/${placed.placementId}`;
    const seenByLa = (await http().get(path).set(bearer(orgs.ealing)).expect(200)).body;
    expect(seenByLa).toMatchObject({ status: 'active', vacancyId: vacancyA, providerId: orgs.providerA.id, weeklyCost: 5_000 });
    expect(seenByLa.child).toEqual({ localReference: 'EAL-CASE-0001', dateOfBirth: '2012-05-01', gender: 'female' });
    const { child: summary, placingOfficer, ...seenByProvider } = (await http().get(path).set(bearer(orgs.providerA.token)).expect(200)).body;
    const { child: _identity, ...placementForLa } = seenByLa;
    expect(seenByProvider).toEqual(placementForLa);
    // The anonymised summary it was offered, and now its offer is accepted, what it needs to receive the child.
    expect(Object.keys(summary).sort()).toEqual([
      'ageYears',
      'categoryOfNeed',
      'dateOfBirth',
      'gender',
      'legalStatus',
      'needs',
      'postcodeDistrict',
      'siblingGroupSize',
    ]);
    expect(summary.dateOfBirth).toBe('2012-05-01');
    expect(placingOfficer).toEqual({ name: 'officer.ealing@e2e.test', email: 'officer.ealing@e2e.test', phone: null });
    await http().get(path).set(bearer(orgs.providerB.token)).expect(404);
    await http().get(path).set(bearer(orgs.brent)).expect(404);

    const end = (body: object, token = orgs.ealing) => http().post(`${path}/end`).set(bearer(token)).send(body);
    const bad = await end({ endDate: 'soon', reason: 'NOPE', planned: 'no' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['endDate', 'planned', 'reason']);
    await end({ endDate: '2000-01-01', reason: 'CREQB', planned: false }).expect(400);
    const future = await end({ endDate: '2099-01-01', reason: 'CREQB', planned: false }).expect(400);
    expect(future.body.details).toEqual([{ field: 'endDate', problem: 'must not be in the future' }]);
    await end({ endDate: new Date().toISOString().slice(0, 10), reason: 'CREQB', planned: false }, orgs.brent).expect(404);
    // CUSTOD: the one six-letter reason code.
    const { body: ended } = await end({ endDate: new Date().toISOString().slice(0, 10), reason: 'CUSTOD', planned: false }).expect(200);
    expect(ended).toMatchObject({ status: 'ended', endReason: 'CUSTOD', plannedEnding: false });
    await end({ endDate: new Date().toISOString().slice(0, 10), reason: 'CREQB', planned: false }).expect(409);
    expect((await http().get(`/api/v1/vacancies/${vacancyA}`).set(bearer(orgs.providerA.token))).body).toMatchObject({ beds: 2, status: 'open' });
    expect((await http().get(`/api/v1/referrals/${referralId}`).set(bearer(orgs.ealing))).body.status).toBe('closed');
  });

  it('follows a child from referral to the end of a placement: outcomes and their journey, feedback shared with the provider, every read audited', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const vacancyId = await vacancy(orgs.providerA, 1);
    const referralId = await shortlistedWith([vacancyId]);
    const { body: placed } = await accept(await offer(referralId, vacancyId, orgs.providerA)).expect(201);
    const path = `/api/v1/placements/${placed.placementId}`;
    const asLa = bearer(orgs.ealing);
    const asProvider = bearer(orgs.providerA.token);

    // Outcomes: set by the placing LA, on its own live placement, with every field checked.
    const addOutcome = (body: object, token = orgs.ealing) => http().post(`${path}/outcomes`).set(bearer(token)).send(body);
    const attendance = { kind: 'hard', description: 'Attends school at least 95% of days', targetDate: '2030-07-20', status: 'not_started' };
    const bad = await addOutcome({ kind: 'medium', description: '   ', targetDate: '2030-02-30', status: 'done' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['description', 'kind', 'status', 'targetDate']);
    const early = await addOutcome({ ...attendance, targetDate: '2001-01-01' }).expect(400);
    expect(early.body.details).toEqual([expect.objectContaining({ field: 'targetDate' })]);
    await addOutcome(attendance, orgs.brent).expect(404);
    await addOutcome(attendance, orgs.providerA.token).expect(403);
    await addOutcome(attendance, orgs.commissioner).expect(403);
    const { body: outcome } = await addOutcome(attendance).expect(201);
    expect(outcome).toMatchObject({ ...attendance, id: expect.any(String), placementId: placed.placementId });
    expect(outcome.journey).toEqual([{ status: 'not_started', note: null, recordedByRole: 'placement_officer', recordedAt: expect.any(String) }]);
    const { body: confidence } = await addOutcome({ kind: 'soft', description: 'Joins a club of her choosing', targetDate: '2027-06-01', status: 'in_progress' }).expect(201);

    // Progress from either side: the provider's and the LA's accounts build the journey travelled.
    const progress = (outcomeId: string, body: object, token: string) =>
      http().post(`${path}/outcomes/${outcomeId}/updates`).set(bearer(token)).send(body);
    await progress(outcome.id, { status: 'in_progress', note: 'Attendance 88% this term' }, orgs.providerA.token).expect(201);
    await progress(outcome.id, { status: 'finished' }, orgs.providerA.token).expect(400);
    await progress(outcome.id, { status: 'achieved' }, orgs.providerB.token).expect(404);
    await progress(outcome.id, { status: 'achieved' }, orgs.brent).expect(404);
    await progress(crypto.randomUUID(), { status: 'achieved' }, orgs.ealing).expect(404);
    await http().post(`${path}/outcomes/nope/updates`).set(asLa).send({ status: 'achieved' }).expect(400);
    const { body: achieved } = await progress(outcome.id, { status: 'achieved', note: '96% over the year' }, orgs.ealing).expect(201);
    expect(achieved.status).toBe('achieved');
    expect(achieved.journey.map((step: { status: string; recordedByRole: string }) => [step.status, step.recordedByRole])).toEqual([
      ['not_started', 'placement_officer'],
      ['in_progress', 'provider_user'],
      ['achieved', 'placement_officer'],
    ]);

    // Feedback comes when the placement ends, once, from the LA.
    const feedback = { rating: 5, comments: 'Stable, warm and ambitious for her', youngPersonView: 'I felt listened to' };
    await http().post(`${path}/feedback`).set(asLa).send(feedback).expect(409);
    await http().post(`${path}/end`).set(asLa).send({ endDate: today, reason: 'CARPL', planned: true }).expect(200);
    await addOutcome(attendance).expect(409);
    const badFeedback = await http().post(`${path}/feedback`).set(asLa).send({ rating: 6, comments: '' }).expect(400);
    expect(badFeedback.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['comments', 'rating']);
    await http().post(`${path}/feedback`).set(bearer(orgs.brent)).send(feedback).expect(404);
    await http().post(`${path}/feedback`).set(asProvider).send(feedback).expect(403);
    const { body: given } = await http().post(`${path}/feedback`).set(asLa).send(feedback).expect(201);
    expect(given).toMatchObject(feedback);
    await http().post(`${path}/feedback`).set(asLa).send(feedback).expect(409);
    // The final status of an outcome can still be recorded after the placement ends.
    await progress(confidence.id, { status: 'not_achieved', note: 'Moved before the season started' }, orgs.ealing).expect(201);

    const { body: providerSees } = await http().get(path).set(asProvider).expect(200);
    expect(providerSees.feedback).toMatchObject(feedback);
    expect(providerSees.outcomes.map((o: { id: string; status: string }) => [o.id, o.status])).toEqual([
      [outcome.id, 'achieved'],
      [confidence.id, 'not_achieved'],
    ]);
    expect(providerSees.child).not.toHaveProperty('localReference');
    expect(providerSees.child.dateOfBirth).toBe('2012-05-01');
    const { body: laSees } = await http().get(path).set(asLa).expect(200);
    expect(laSees).toMatchObject({ status: 'ended', endReason: 'CARPL', plannedEnding: true, feedback });

    // The audit: each identifiable read by the LA and each disclosure to the provider, for admins only.
    await http().get(`/api/v1/referrals/${referralId}`).set(asLa).expect(200);
    const audit = (query: string, token = orgs.admin) => http().get(`/api/v1/audit${query}`).set(bearer(token));
    const { body: trail } = await audit(`?referralId=${referralId}`).expect(200);
    const entries = trail.items.map((row: { action: string; entityType: string; organisation: string }) => [row.action, row.entityType, row.organisation]);
    expect(entries).toEqual(expect.arrayContaining([
      ['read_child', 'placement', 'E09000009'],
      ['disclose_placement', 'placement', orgs.providerA.id],
      ['read_child', 'referral', 'E09000009'],
    ]));
    expect(trail.items.at(-1)).toMatchObject({
      action: 'read_child',
      entityType: 'referral',
      entityId: referralId,
      referralId,
      role: 'placement_officer',
      userId: expect.any(String),
      requestId: expect.any(String),
      occurredAt: expect.any(String),
    });
    const badQuery = await audit('?referralId=someone').expect(400);
    expect(badQuery.body.details).toEqual([expect.objectContaining({ field: 'referralId' })]);
    await audit('').expect(400);
    await audit(`?referralId=${referralId}`, orgs.ealing).expect(403);
    await audit(`?referralId=${referralId}`, orgs.providerA.token).expect(403);
    await audit(`?referralId=${referralId}`, orgs.commissioner).expect(403);
    await http().get(`/api/v1/audit?referralId=${referralId}`).expect(401);
  });

  it('tells the provider whom to call once its offer is accepted: the officer who accepted it, else the one who made the referral', async () => {
    const officer = { email: 'priya.sharma@e2e.test', password: 'a-long-enough-password' };
    await http()
      .post('/api/v1/admin/users')
      .set(bearer(orgs.admin))
      .send({ ...officer, role: 'placement_officer', localAuthorityCode: 'E09000009', displayName: 'Priya Sharma', phone: '020 7946 0123' })
      .expect(201);
    const priya = (await http().post('/api/v1/auth/login').send(officer).expect(200)).body.accessToken;
    const vacancyId = await vacancy(orgs.providerA, 1);
    const referralId = await shortlistedWith([vacancyId]);
    const { body: placed } = await accept(await offer(referralId, vacancyId, orgs.providerA), priya).expect(201);
    const path = `/api/v1/placements/${placed.placementId}`;
    const disclosures = async () =>
      (
        await api.dataSource.query(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'disclose_placement' AND entity_id = $1 AND organisation = $2`,
          [placed.placementId, orgs.providerA.id],
        )
      )[0].n;

    const { body: seen } = await http().get(path).set(bearer(orgs.providerA.token)).expect(200);
    expect(seen).toMatchObject({ startDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), child: { dateOfBirth: '2012-05-01' } });
    expect(seen.placingOfficer).toEqual({ name: 'Priya Sharma', email: officer.email, phone: '020 7946 0123' });
    expect(seen.child).not.toHaveProperty('localReference');
    expect(await disclosures()).toBe(1);
    // A placement made before the accepting officer was kept: the referral's author is the contact.
    await api.dataSource.query(`UPDATE placements SET placed_by_user_id = NULL WHERE id = $1`, [placed.placementId]);
    const { body: older } = await http().get(path).set(bearer(orgs.providerA.token)).expect(200);
    expect(older.placingOfficer).toEqual({ name: 'officer.ealing@e2e.test', email: 'officer.ealing@e2e.test', phone: null });
    expect(await disclosures()).toBe(2);
    // The LA reads its own child, not a provider's handover.
    const { body: laSees } = await http().get(path).set(bearer(priya)).expect(200);
    expect(laSees).not.toHaveProperty('placingOfficer');
    expect(await disclosures()).toBe(2);
    await http().get(path).set(bearer(orgs.providerB.token)).expect(404);
    await http().get(path).set(bearer(orgs.commissioner)).expect(403);
    await http().get(path).expect(401);

    const { body: document } = await http().get('/docs-json').expect(200);
    const schema = document.paths['/api/v1/placements/{id}'].get.responses['200'].content['application/json'].schema;
    expect(schema.oneOf.map((s: { $ref: string }) => s.$ref)).toEqual([
      '#/components/schemas/LaPlacementResponse',
      '#/components/schemas/ProviderPlacementResponse',
    ]);
    const providerSchema = document.components.schemas.ProviderPlacementResponse;
    expect(Object.keys(providerSchema.properties)).toEqual(expect.arrayContaining(['startDate', 'child', 'placingOfficer', 'outcomes', 'feedback']));
    expect(Object.keys(document.components.schemas.PlacingOfficerResponse.properties).sort()).toEqual(['email', 'name', 'phone']);
    expect(Object.keys(document.components.schemas.ProviderChildResponse.properties)).toContain('dateOfBirth');
  });

  it('places a sibling group together: a bed each taken, and given back together after a breakdown', async () => {
    const vacancyId = await vacancy(orgs.providerA, 3);
    const { body } = await http()
      .post('/api/v1/referrals')
      .set(bearer(orgs.ealing))
      .set('Idempotency-Key', crypto.randomUUID())
      .send(referralBody({}, { siblingGroupSize: 3 }))
      .expect(202);
    await until(
      'the shortlist',
      async () => (await http().get(`/api/v1/referrals/${body.id}/matches`).set(bearer(orgs.ealing))).body.items ?? [],
      (items: { vacancyId: string }[]) => items.some((item) => item.vacancyId === vacancyId),
    );
    const { body: placed } = await accept(await offer(body.id, vacancyId, orgs.providerA)).expect(201);
    const beds = async () => (await api.dataSource.query(`SELECT beds, status FROM vacancies WHERE id = $1`, [vacancyId]))[0];
    expect(await beds()).toEqual({ beds: 0, status: 'filled' });
    expect((await http().get(`/api/v1/placements/${placed.placementId}`).set(bearer(orgs.ealing))).body.bedsTaken).toBe(3);
    const today = new Date().toISOString().slice(0, 10);
    await http().post(`/api/v1/placements/${placed.placementId}/end`).set(bearer(orgs.ealing)).send({ endDate: today, reason: 'CREQB', planned: false }).expect(200);
    expect(await beds()).toEqual({ beds: 3, status: 'open' });
  });

  it('gives the last bed to exactly one of 20 racing acceptances, again and again', async () => {
    for (let round = 0; round < 3; round += 1) {
      const last = await vacancy(orgs.providerA, 1);
      const referralIds = await Promise.all(Array.from({ length: 20 }, () => shortlistedWith([last])));
      const offerIds = await Promise.all(referralIds.map((id) => offer(id, last, orgs.providerA)));
      const statuses = await Promise.all(offerIds.map((id) => accept(id).then((response) => response.status)));
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(19);
      const [{ beds, status }] = await api.dataSource.query(`SELECT beds, status FROM vacancies WHERE id = $1`, [last]);
      expect({ beds, status }).toEqual({ beds: 0, status: 'filled' });
      const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM placements WHERE vacancy_id = $1`, [last]);
      expect(n).toBe(1);
      const [{ placed }] = await api.dataSource.query(
        `SELECT count(*)::int AS placed FROM referrals WHERE id = ANY($1) AND status = 'placed'`,
        [referralIds],
      );
      expect(placed).toBe(1);
    }
  }, 120_000);

  it('places a referral once when two of its offers are accepted at the same moment', async () => {
    const vacancyA = await vacancy(orgs.providerA, 3);
    const vacancyB = await vacancy(orgs.providerB, 3);
    const referralId = await shortlistedWith([vacancyA, vacancyB]);
    const offers = [await offer(referralId, vacancyA, orgs.providerA), await offer(referralId, vacancyB, orgs.providerB)];
    const statuses = await Promise.all(offers.map((id) => accept(id).then((response) => response.status)));
    expect(statuses.sort()).toEqual([201, 409]);
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM placements WHERE referral_id = $1`, [referralId]);
    expect(n).toBe(1);
    const beds = await api.dataSource.query(`SELECT beds FROM vacancies WHERE id = ANY($1) ORDER BY beds`, [[vacancyA, vacancyB]]);
    expect(beds.map((row: { beds: number }) => row.beds)).toEqual([2, 3]);
  });
});
