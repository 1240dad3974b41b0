import type { INestApplicationContext } from '@nestjs/common';
import { documentedKeys, documentedResponse } from './support/openapi';
import {
  bearer,
  createOrganisations,
  createSetting,
  createVacancy,
  openVacancy,
  Organisations,
  referralBody,
  startTestApi,
  TestApi,
} from './support/test-api';
import { matchingQuiet, startTestWorker } from './support/test-worker';
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

  /** A referral of the officer's LA shortlisted with every given vacancy on its shortlist. */
  async function shortlistedWith(vacancyIds: string[], officer = orgs.ealing, child: Record<string, unknown> = {}): Promise<string> {
    const { body } = await http()
      .post('/api/v1/referrals')
      .set(bearer(officer))
      .set('Idempotency-Key', crypto.randomUUID())
      .send(referralBody({}, child))
      .expect(202);
    await until(
      'the shortlist',
      async () => (await http().get(`/api/v1/referrals/${body.id}/matches`).set(bearer(officer))).body.items ?? [],
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
    expect(outcome.journey).toEqual([
      { status: 'not_started', note: null, recordedByRole: 'placement_officer', proposed: false, recordedAt: expect.any(String) },
    ]);
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

    // The provider's "achieved" is a proposal: the outcome is achieved once the placing LA confirms it.
    const confirm = (outcomeId: string, token: string, body: object = {}) =>
      http().post(`${path}/outcomes/${outcomeId}/confirm`).set(bearer(token)).send(body);
    await confirm(confidence.id, orgs.ealing).expect(409);
    const { body: proposed } = await progress(confidence.id, { status: 'achieved', note: 'Plays for the under-16s' }, orgs.providerA.token).expect(201);
    expect(proposed).toMatchObject({ status: 'in_progress', awaitingConfirmation: true, achievementProposedAt: expect.any(String), confirmedAt: null });
    expect(proposed.journey.at(-1)).toMatchObject({ status: 'achieved', recordedByRole: 'provider_user', proposed: true });
    const { body: stillOpen } = await http().get(path).set(asLa).expect(200);
    expect(stillOpen.outcomes.find((o: { id: string }) => o.id === confidence.id)).toMatchObject({ status: 'in_progress', awaitingConfirmation: true });
    await confirm(confidence.id, orgs.providerA.token).expect(403);
    await confirm(confidence.id, orgs.brent).expect(404);
    await confirm(crypto.randomUUID(), orgs.ealing).expect(404);
    const { body: confirmed } = await confirm(confidence.id, orgs.ealing, { note: 'Seen at the match' }).expect(200);
    expect(confirmed).toMatchObject({ status: 'achieved', awaitingConfirmation: false, achievementProposedAt: null, confirmedAt: expect.any(String) });
    expect(confirmed.journey.at(-1)).toMatchObject({ status: 'achieved', recordedByRole: 'placement_officer', note: 'Seen at the match', proposed: false });
    await confirm(confidence.id, orgs.ealing).expect(409);
    // A proposal the LA does not accept: its own account replaces it.
    await progress(confidence.id, { status: 'in_progress' }, orgs.ealing).expect(201);
    await progress(confidence.id, { status: 'achieved' }, orgs.providerA.token).expect(201);
    const { body: overruled } = await progress(confidence.id, { status: 'in_progress', note: 'Not yet' }, orgs.ealing).expect(201);
    expect(overruled).toMatchObject({ status: 'in_progress', awaitingConfirmation: false, confirmedAt: null });

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

    // By user and by day, and as CSV.
    const officerId = trail.items.at(-1).userId;
    const day = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    const { body: byUser } = await audit(`?userId=${officerId}&from=${day}&to=${day}&limit=500`).expect(200);
    expect(byUser.total).toBeGreaterThanOrEqual(2);
    expect(byUser.items.every((row: { userId: string }) => row.userId === officerId)).toBe(true);
    expect(byUser.referralId).toBeUndefined();
    expect((await audit(`?userId=${officerId}&to=2020-01-01`).expect(200)).body).toEqual({ items: [], total: 0 });
    const backwards = await audit(`?from=${day}&to=2020-01-01`).expect(400);
    expect(backwards.body.details).toEqual([expect.objectContaining({ field: 'to' })]);
    const badUser = await audit('?userId=someone').expect(400);
    expect(badUser.body.details).toEqual([expect.objectContaining({ field: 'userId' })]);
    const csv = await http().get(`/api/v1/audit.csv?referralId=${referralId}`).set(bearer(orgs.admin)).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('id,occurredAt,userId,role,organisation,action,entityType,entityId,referralId,requestId');
    expect(lines).toHaveLength(trail.items.length + 1);
    await http().get(`/api/v1/audit.csv?referralId=${referralId}`).set(bearer(orgs.ealing)).expect(403);
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
    expect(Object.keys(document.components.schemas.PlacedChildResponse.properties)).toContain('dateOfBirth');
  });

  it("lists an LA's placements with each child, and a provider's with what it needs to receive them, live or ended, audited", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const reference = `LIST-${crypto.randomUUID().slice(0, 8)}`;
    const place = async (provider: { id: string; token: string }, officer: string, localReference: string) => {
      const vacancyId = await vacancy(provider, 1);
      const referralId = await shortlistedWith([vacancyId], officer, { localReference, dateOfBirth: '2010-09-14' });
      const { body } = await accept(await offer(referralId, vacancyId, provider), officer).expect(201);
      return { placementId: body.placementId as string, referralId, vacancyId };
    };
    const live = await place(orgs.providerA, orgs.ealing, `${reference}-LIVE`);
    const ended = await place(orgs.providerA, orgs.ealing, `${reference}-ENDED`);
    await http().post(`/api/v1/placements/${ended.placementId}/end`).set(bearer(orgs.ealing)).send({ endDate: today, reason: 'CARPL', planned: true }).expect(200);
    const brents = await place(orgs.providerB, orgs.brent, `${reference}-BRENT`);

    const list = (query: string, token: string) => http().get(`/api/v1/placements${query}`).set(bearer(token));
    const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);
    const count = async (where: string, value: string) =>
      (await api.dataSource.query(`SELECT count(*)::int AS n FROM placements WHERE ${where} = $1`, [value]))[0].n;
    const audited = async (action: string, placementId: string) =>
      (await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND entity_id = $2`, [action, placementId]))[0].n;

    // The placement team: its own LA's, each with which child it is; every one shown is a read of a child.
    const readsBefore = await audited('read_child', live.placementId);
    const { body: ealing } = await list('?limit=200', orgs.ealing).expect(200);
    expect(ealing.total).toBe(await count('local_authority_code', 'E09000009'));
    expect(ids(ealing)).toEqual(expect.arrayContaining([live.placementId, ended.placementId]));
    expect(ids(ealing)).not.toContain(brents.placementId);
    const starts = ealing.items.map((item: { startDate: string }) => item.startDate);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(await audited('read_child', live.placementId)).toBe(readsBefore + 1);
    const placementOf = (body: { items: { id: string }[] }, id: string) => body.items.find((item) => item.id === id);
    const common = {
      vacancyId: expect.any(String),
      settingId: expect.any(String),
      settingName: 'Home',
      providerId: orgs.providerA.id,
      providerName: 'Oakfield Care',
      startDate: today,
      weeklyCost: 5_000,
    };
    expect(placementOf(ealing, live.placementId)).toEqual({
      ...common,
      id: live.placementId,
      referralId: live.referralId,
      vacancyId: live.vacancyId,
      child: { localReference: `${reference}-LIVE`, dateOfBirth: '2010-09-14', gender: 'female' },
    });
    expect(placementOf(ealing, ended.placementId)).toEqual({
      ...common,
      id: ended.placementId,
      referralId: ended.referralId,
      endDate: today,
      endReason: 'CARPL',
      planned: true,
      child: { localReference: `${reference}-ENDED`, dateOfBirth: '2010-09-14', gender: 'female' },
    });
    const { body: liveOnly } = await list('?state=live&limit=200', orgs.ealing).expect(200);
    expect(ids(liveOnly)).toContain(live.placementId);
    expect(ids(liveOnly)).not.toContain(ended.placementId);
    expect(liveOnly.items.every((item: object) => !('endDate' in item))).toBe(true);
    const { body: endedOnly } = await list('?state=ended&limit=200', orgs.ealing).expect(200);
    expect(ids(endedOnly)).toContain(ended.placementId);
    expect(ids(endedOnly)).not.toContain(live.placementId);
    expect(liveOnly.total + endedOnly.total).toBe(ealing.total);
    const { body: page } = await list('?limit=1&offset=1', orgs.ealing).expect(200);
    expect(page).toEqual({ items: ealing.items.slice(1, 2), total: ealing.total });
    expect((await list('', orgs.ealing).expect(200)).body.items).toHaveLength(Math.min(ealing.total, 50));

    // The provider: its own, with the child's age and gender, the placing LA, and what it needs to receive the child.
    const disclosuresBefore = await audited('disclose_placement', live.placementId);
    const { body: providerA } = await list('?limit=200', orgs.providerA.token).expect(200);
    expect(providerA.total).toBe(await count('provider_id', orgs.providerA.id));
    expect(ids(providerA)).toEqual(expect.arrayContaining([live.placementId, ended.placementId]));
    expect(ids(providerA)).not.toContain(brents.placementId);
    expect(await audited('disclose_placement', live.placementId)).toBe(disclosuresBefore + 1);
    expect(placementOf(providerA, live.placementId)).toEqual({
      ...common,
      id: live.placementId,
      referralId: live.referralId,
      vacancyId: live.vacancyId,
      ageYears: expect.any(Number),
      gender: 'female',
      localAuthorityCode: 'E09000009',
      localAuthorityName: 'Ealing',
      dateOfBirth: '2010-09-14',
      placingOfficer: { name: 'officer.ealing@e2e.test', email: 'officer.ealing@e2e.test', phone: null },
    });
    expect(JSON.stringify(providerA)).not.toMatch(/localReference|LIST-/);
    const { body: providerB } = await list('?state=live', orgs.providerB.token).expect(200);
    expect(placementOf(providerB, brents.placementId)).toMatchObject({ localAuthorityCode: 'E09000005', localAuthorityName: 'Brent' });
    expect(ids(providerB)).not.toContain(live.placementId);

    for (const [query, field] of [['?state=current', 'state'], ['?limit=0', 'limit'], ['?limit=201', 'limit'], ['?offset=-1', 'offset']]) {
      const bad = await list(query, orgs.ealing).expect(400);
      expect(new Set(bad.body.details.map((d: { field: string }) => d.field))).toEqual(new Set([field]));
    }
    await list('', orgs.commissioner).expect(403);
    await list('', orgs.admin).expect(403);
    await http().get('/api/v1/placements').expect(401);

    const documented = await documentedResponse(api, 'get', '/api/v1/placements');
    expect(documentedKeys(documented)).toEqual(['items', 'total']);
    const { body: document } = await http().get('/docs-json').expect(200);
    const route = document.paths['/api/v1/placements'].get;
    expect(route.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/PlacementListResponse');
    expect(document.components.schemas.PlacementListResponse.properties.items.items.oneOf).toEqual([
      { $ref: '#/components/schemas/LaPlacementItemResponse' },
      { $ref: '#/components/schemas/ProviderPlacementItemResponse' },
    ]);
    const keysOf = (name: string) => Object.keys(document.components.schemas[name].properties).sort();
    expect(keysOf('LaPlacementItemResponse')).toEqual(Object.keys({ ...placementOf(ealing, ended.placementId) }).sort());
    expect(keysOf('ProviderPlacementItemResponse')).toEqual(
      [...Object.keys({ ...placementOf(providerA, live.placementId) }), 'endDate', 'endReason', 'planned'].sort(),
    );
    expect(route.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['limit', 'offset', 'state']);
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

  it("refuses an offer whose vacancy no longer fits the referral, naming the reason and storing nothing; a re-match closes it; an unchanged offer still accepts", async () => {
    const setting = await createSetting(api, orgs.providerA, { name: 'Changes its ages', postcode: 'W5 1AA' });
    const changed = (await createVacancy(api, orgs.providerA, setting.id, { beds: 2 })).id;
    const unchanged = await vacancy(orgs.providerB, 1);
    const referralId = await shortlistedWith([changed, unchanged]);
    const offerChanged = await offer(referralId, changed, orgs.providerA);
    const offerUnchanged = await offer(referralId, unchanged, orgs.providerB);

    // The home now takes 16-17s only (the child is 14). Written straight to the table, whose trigger
    // copies it onto the vacancy, once the re-matches the new vacancies asked for are done, so that
    // no re-match sees it first: acceptance alone must catch it.
    await matchingQuiet(api, worker);
    await api.dataSource.query(`UPDATE settings SET age_min = 16 WHERE id = $1`, [setting.id]);
    const refused = await accept(offerChanged).expect(409);
    expect(refused.body.message).toContain('AGE_OUT_OF_RANGE');
    expect((await http().get(`/api/v1/vacancies/${changed}`).set(bearer(orgs.providerA.token))).body).toMatchObject({ beds: 2, status: 'open' });
    expect((await http().get(`/api/v1/referrals/${referralId}`).set(bearer(orgs.ealing))).body.status).toBe('shortlisted');
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM placements WHERE referral_id = $1`, [referralId]);
    expect(n).toBe(0);
    const offersOf = async () => (await http().get(`/api/v1/referrals/${referralId}/offers`).set(bearer(orgs.ealing)).expect(200)).body.items;
    expect((await offersOf()).map((o: { status: string }) => o.status)).toEqual(['open', 'open']);

    // The provider's own edit asks for a re-match, which closes the offer that can no longer be accepted.
    await http().patch(`/api/v1/settings/${setting.id}`).set(bearer(orgs.providerA.token)).send({ ageMin: 16 }).expect(200);
    const closed = await until(
      'the stale offer to be closed',
      async () => (await offersOf()).find((o: { id: string }) => o.id === offerChanged),
      (o: { status: string; closedReasons?: string[] }) => o.status === 'closed',
    );
    expect(closed.closedReasons).toEqual(['AGE_OUT_OF_RANGE']);
    const { body: providerOffers } = await http().get('/api/v1/provider/offers').set(bearer(orgs.providerA.token)).expect(200);
    expect(providerOffers.items.find((o: { id: string }) => o.id === offerChanged)).toMatchObject({
      status: 'closed',
      closedReasons: ['AGE_OUT_OF_RANGE'],
    });
    expect((await offersOf()).find((o: { id: string }) => o.id === offerUnchanged)).not.toHaveProperty('closedReasons');
    await accept(offerChanged).expect(409);

    await accept(offerUnchanged).expect(201);
    expect((await http().get(`/api/v1/referrals/${referralId}`).set(bearer(orgs.ealing))).body.status).toBe('placed');
  });

  it('names every hard constraint a changed setting or vacancy fails at acceptance, in the exclusion reasons of matching', async () => {
    const changes: [string, string, (settingId: string, vacancyId: string) => Promise<unknown>][] = [
      ['genders', 'GENDER_NOT_ACCEPTED', (s) => api.dataSource.query(`UPDATE settings SET genders = '{male}' WHERE id = $1`, [s])],
      ['needs excluded', 'NEED_EXCLUDED', (s) => api.dataSource.query(`UPDATE settings SET needs_excluded = '{self-harm}' WHERE id = $1`, [s])],
      ['needs supported', 'NEED_NOT_SUPPORTED', (s) => api.dataSource.query(`UPDATE settings SET needs_supported = '[]' WHERE id = $1`, [s])],
      ['grade', 'INADEQUATE_RATING', (s) => api.dataSource.query(`UPDATE settings SET ofsted_grade = 'inadequate' WHERE id = $1`, [s])],
      ['type', 'TYPE_NOT_ACCEPTED', (s) => api.dataSource.query(`UPDATE settings SET placement_type = 'S1' WHERE id = $1`, [s])],
      [
        'reservation',
        'RESERVED',
        (_, v) => api.dataSource.query(`UPDATE vacancies SET reserved_for = '{"localAuthorityCodes": ["E09000005"]}' WHERE id = $1`, [v]),
      ],
      [
        'dates',
        'NOT_AVAILABLE_IN_TIME',
        (_, v) => api.dataSource.query(`UPDATE vacancies SET available_from = current_date + 90 WHERE id = $1`, [v]),
      ],
    ];
    for (const [what, reason, change] of changes) {
      const setting = await createSetting(api, orgs.providerA, { name: `Changes its ${what}`, postcode: 'W5 1AA' });
      const vacancyId = (await createVacancy(api, orgs.providerA, setting.id)).id;
      const referralId = await shortlistedWith([vacancyId]);
      const offerId = await offer(referralId, vacancyId, orgs.providerA);
      // Straight to the tables (a setting's trigger copies it onto its vacancies) once matching is
      // idle: no re-match runs first.
      await matchingQuiet(api, worker);
      await change(setting.id, vacancyId);
      const refused = await accept(offerId).expect(409);
      expect({ what, message: refused.body.message }).toEqual({ what, message: `The vacancy no longer meets the referral's hard constraints: ${reason}` });
      const [{ beds, placed }] = await api.dataSource.query(
        `SELECT v.beds, (SELECT count(*)::int FROM placements p WHERE p.referral_id = $2) AS placed FROM vacancies v WHERE v.id = $1`,
        [vacancyId, referralId],
      );
      expect({ what, beds, placed }).toEqual({ what, beds: 1, placed: 0 });
    }
  });
});
