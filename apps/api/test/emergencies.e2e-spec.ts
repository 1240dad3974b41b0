import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { jobOptions } from '@app/queue';
import { JobName, QueueName } from '@app/jobs';
import { bearer, createOrganisations, openVacancy, Organisations, referralBody, startTestApi, TestApi, todayInEngland } from './support/test-api';
import { matchingQuiet, startTestWorker } from './support/test-worker';
import { until } from '@app/testing';

interface Receipt {
  body: string;
  signature: string | undefined;
  deliveryId: string | undefined;
  answered: number;
}

/** A provider's webhook endpoint: records every POST, answering with the statuses queued, then 200. */
class Receiver {
  readonly receipts: Receipt[] = [];
  readonly answers: number[] = [];
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const answered = this.answers.shift() ?? 200;
        this.receipts.push({
          body: Buffer.concat(chunks).toString('utf8'),
          signature: request.headers['x-signature'] as string | undefined,
          deliveryId: request.headers['x-delivery-id'] as string | undefined,
          answered,
        });
        response.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/hooks/placements`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

const today = todayInEngland;

/** Emergencies through HTTP and the worker: the fast lane's eligibility, holds, alerts and the step-down. */
describe('emergencies (e2e)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let orgs: Organisations;
  const receiver = new Receiver();
  let hookUrl: string;
  const SECRET = 'a-secret-of-the-provider-0123456789';

  beforeAll(async () => {
    // The receiver below listens on loopback, which only a development setting lets a webhook reach.
    api = await startTestApi({ DATABASE_POOL_SIZE: '8', WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
    worker = await startTestWorker();
    orgs = await createOrganisations(api);
    hookUrl = await receiver.start();
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await receiver.stop();
  });

  const http = () => api.http();

  const vacancy = (provider: { id: string; token: string }, options: { beds?: number; emergencyReady?: boolean; postcode?: string } = {}) =>
    openVacancy(api, provider, {
      setting: { postcode: options.postcode ?? 'W5 1AA' },
      vacancy: { beds: options.beds ?? 1, emergencyReady: options.emergencyReady ?? true, weeklyCost: 6_000 },
    });

  async function emergency(token = orgs.ealing, overrides: Record<string, unknown> = {}): Promise<string> {
    const { body } = await http()
      .post('/api/v1/referrals')
      .set(bearer(token))
      .set('Idempotency-Key', crypto.randomUUID())
      .send(referralBody({ urgency: 'emergency', requiredBy: today(), ...overrides }))
      .expect(202);
    return body.id;
  }

  const referral = async (id: string, token = orgs.ealing) => (await http().get(`/api/v1/referrals/${id}`).set(bearer(token)).expect(200)).body;
  const settled = (id: string, token = orgs.ealing) =>
    until('the referral to be matched', () => referral(id, token), (r: { status: string }) => ['shortlisted', 'no_match'].includes(r.status));
  const quiet = () => matchingQuiet(api, worker);
  const shortlistOf = async (id: string) =>
    (await http().get(`/api/v1/referrals/${id}/matches`).set(bearer(orgs.ealing)).expect(200)).body.items.map((m: { vacancyId: string }) => m.vacancyId);

  it('matches an emergency only against emergency-ready beds free today, and shows the team at once when none is', async () => {
    await vacancy(orgs.providerB, { emergencyReady: false, postcode: 'UB1 1AA' });
    // The only open vacancy so far fits in every way but readiness.
    const id = await emergency(orgs.brent, { placementTypes: ['K2'] });
    await settled(id, orgs.brent);
    expect((await referral(id, orgs.brent)).status).toBe('no_match');
    const listed = await http().get('/api/v1/referrals?status=no_match&urgency=emergency').set(bearer(orgs.brent)).expect(200);
    expect(listed.body.map((r: { id: string }) => r.id)).toContain(id);
    const exclusions = (await http().get(`/api/v1/referrals/${id}/exclusions`).set(bearer(orgs.brent)).expect(200)).body.items;
    expect(exclusions).toEqual([expect.objectContaining({ reasons: ['NOT_EMERGENCY_READY'] })]);
    // The same referral, planned, would have been shortlisted.
    const planned = (
      await http()
        .post('/api/v1/referrals')
        .set(bearer(orgs.brent))
        .set('Idempotency-Key', crypto.randomUUID())
        .send(referralBody({ placementTypes: ['K2'] }))
        .expect(202)
    ).body.id;
    await settled(planned, orgs.brent);
    expect((await referral(planned, orgs.brent)).status).toBe('shortlisted');
  });

  it('holds a bed for one referral: the other is refused, the holder is placed, and a lapsed hold frees the bed', async () => {
    const bed = await vacancy(orgs.providerA);
    const [first, second] = [await emergency(), await emergency()];
    await until('both shortlisted with the bed', async () => [await shortlistOf(first), await shortlistOf(second)], (lists: string[][]) =>
      lists.every((list) => list.includes(bed)),
    );
    const hold = (body: object, token = orgs.ealing, vacancyId = bed) => http().post(`/api/v1/vacancies/${vacancyId}/holds`).set(bearer(token)).send(body);

    const bad = await hold({ referralId: 'nope', minutes: 241 }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['minutes', 'referralId']);
    await hold({ referralId: first, minutes: 0 }).expect(400);
    await hold({ referralId: first, minutes: 2.5 }).expect(400);
    await hold({ referralId: first, minutes: 30 }, orgs.brent).expect(404);
    await hold({ referralId: first, minutes: 30 }, orgs.providerA.token).expect(403);
    await hold({ referralId: first, minutes: 30 }, orgs.ealing, crypto.randomUUID()).expect(404);
    const before = Date.now();
    const { body: held } = await hold({ referralId: first, minutes: 30 }).expect(201);
    expect(held).toMatchObject({ id: expect.any(String), expiresAt: expect.any(String) });
    const lapses = new Date(held.expiresAt).getTime() - before;
    expect(lapses).toBeGreaterThan(29 * 60_000);
    expect(lapses).toBeLessThan(31 * 60_000);
    await hold({ referralId: first, minutes: 30 }).expect(409);
    await hold({ referralId: second, minutes: 30 }).expect(409);

    // The provider sees the hold on its vacancy; another provider cannot look.
    const seen = (await http().get(`/api/v1/vacancies/${bed}/holds`).set(bearer(orgs.providerA.token)).expect(200)).body;
    expect(seen.items).toEqual([expect.objectContaining({ id: held.id, referralId: first, status: 'live' })]);
    await http().get(`/api/v1/vacancies/${bed}/holds`).set(bearer(orgs.providerB.token)).expect(404);

    const offer = async (referralId: string) =>
      (await http().post(`/api/v1/referrals/${referralId}/offers`).set(bearer(orgs.providerA.token)).send({ vacancyId: bed, weeklyCost: 6_000 }).expect(201))
        .body.id;
    const [forFirst, forSecond] = [await offer(first), await offer(second)];
    const refused = await http().post(`/api/v1/offers/${forSecond}/accept`).set(bearer(orgs.ealing)).expect(409);
    expect(refused.body.message).toMatch(/held/);
    expect((await api.dataSource.query(`SELECT beds FROM vacancies WHERE id = $1`, [bed]))[0].beds).toBe(1);
    await http().post(`/api/v1/offers/${forFirst}/accept`).set(bearer(orgs.ealing)).expect(201);
    expect((await http().get(`/api/v1/vacancies/${bed}/holds`).set(bearer(orgs.providerA.token))).body.items).toEqual([]);

    // A hold lapses at expiresAt by itself: once past it, another referral's acceptance goes through.
    const other = await vacancy(orgs.providerA);
    const [holder, next] = [await emergency(), await emergency()];
    await until('both shortlisted with the other bed', async () => [await shortlistOf(holder), await shortlistOf(next)], (lists: string[][]) =>
      lists.every((list) => list.includes(other)),
    );
    const { body: lapsing } = await hold({ referralId: holder, minutes: 1 }, orgs.ealing, other).expect(201);
    const nextOffer = (
      await http().post(`/api/v1/referrals/${next}/offers`).set(bearer(orgs.providerA.token)).send({ vacancyId: other, weeklyCost: 6_000 }).expect(201)
    ).body.id;
    await http().post(`/api/v1/offers/${nextOffer}/accept`).set(bearer(orgs.ealing)).expect(409);
    // Time passing, without waiting for it: the hold's expiresAt moves into the past. Nothing else
    // changes; no job runs; the hold counts no more because every check compares it with the clock.
    await api.dataSource.query(`UPDATE vacancy_holds SET expires_at = now() - interval '1 second' WHERE id = $1`, [lapsing.id]);
    expect((await http().get(`/api/v1/vacancies/${other}/holds`).set(bearer(orgs.providerA.token))).body.items).toEqual([]);
    await http().post(`/api/v1/offers/${nextOffer}/accept`).set(bearer(orgs.ealing)).expect(201);
  }, 60_000);

  it('keeps a bed for each child of a sibling group, and gives back what a placed referral still holds', async () => {
    const pair = await vacancy(orgs.providerB, { beds: 2, postcode: 'W5 5AA' });
    const spare = await vacancy(orgs.providerB, { beds: 1, postcode: 'W5 5AA' });
    const siblings = await emergency(orgs.ealing, { child: { ...referralBody().child, siblingGroupSize: 2 } });
    const single = await emergency();
    await until('both shortlisted with the pair', async () => [await shortlistOf(siblings), await shortlistOf(single)], (lists: string[][]) =>
      lists.every((list) => list.includes(pair)),
    );
    await until('the single child shortlisted with the spare', () => shortlistOf(single), (list: string[]) => list.includes(spare));
    const hold = (vacancyId: string, referralId: string) =>
      http().post(`/api/v1/vacancies/${vacancyId}/holds`).set(bearer(orgs.ealing)).send({ referralId, minutes: 60 });
    const { body: kept } = await hold(pair, siblings).expect(201);
    expect((await http().get(`/api/v1/vacancies/${pair}/holds`).set(bearer(orgs.providerB.token))).body.items).toEqual([
      expect.objectContaining({ id: kept.id, beds: 2 }),
    ]);
    await hold(pair, single).expect(409);
    // Both of the pair's beds are kept for the siblings: the single child cannot be placed there.
    const offerFor = async (vacancyId: string) =>
      (await http().post(`/api/v1/referrals/${single}/offers`).set(bearer(orgs.providerB.token)).send({ vacancyId, weeklyCost: 6_000 }).expect(201))
        .body.id;
    await http().post(`/api/v1/offers/${await offerFor(pair)}/accept`).set(bearer(orgs.ealing)).expect(409);
    // It holds the spare bed, then is placed elsewhere: the spare bed goes back at once.
    await hold(spare, single).expect(201);
    const elsewhere = await vacancy(orgs.providerB, { beds: 1, postcode: 'W5 5AA' });
    await until('the single child shortlisted elsewhere', () => shortlistOf(single), (list: string[]) => list.includes(elsewhere));
    await http().post(`/api/v1/offers/${await offerFor(elsewhere)}/accept`).set(bearer(orgs.ealing)).expect(201);
    expect((await http().get(`/api/v1/vacancies/${spare}/holds`).set(bearer(orgs.providerB.token))).body.items).toEqual([]);
    // The siblings withdrawn: their hold on the pair goes back at once.
    await http().post(`/api/v1/referrals/${siblings}/withdraw`).set(bearer(orgs.ealing)).expect(200);
    expect((await http().get(`/api/v1/vacancies/${pair}/holds`).set(bearer(orgs.providerB.token))).body.items).toEqual([]);
  });

  it('alerts a provider through its webhook, signed, retried while it fails, never twice after a success', async () => {
    const put = (body: object, token = orgs.providerA.token, providerId = orgs.providerA.id) =>
      http().put(`/api/v1/providers/${providerId}/webhook`).set(bearer(token)).send(body);
    const bad = await put({ url: 'not a url', secret: 'short' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['secret', 'url']);
    await put({ url: hookUrl, secret: SECRET }, orgs.providerB.token).expect(404);
    await put({ url: hookUrl, secret: SECRET }, orgs.ealing).expect(403);
    // An emergency shortlisted with this provider's bed before it has a webhook: listed, not sent.
    const early = await vacancy(orgs.providerA, { postcode: 'W5 4AA' });
    const before = await emergency();
    await until('shortlisted with the early bed', () => shortlistOf(before), (list: string[]) => list.includes(early));
    await quiet();
    const listed = (await http().get('/api/v1/provider/notifications').set(bearer(orgs.providerA.token)).expect(200)).body.items;
    expect(listed.find((n: { referralId: string; vacancyId: string }) => n.referralId === before && n.vacancyId === early)).toMatchObject({
      delivery: 'not_sent',
    });
    const { body: registered } = await put({ url: hookUrl, secret: SECRET }).expect(200);
    expect(registered).toEqual({ providerId: orgs.providerA.id, url: hookUrl, updatedAt: expect.any(String), queued: expect.any(Number) });
    expect(JSON.stringify(registered)).not.toContain(SECRET);
    // Alerts raised before it had a webhook, that it may still see, are sent now.
    expect(registered.queued).toBeGreaterThan(0);
    await until(
      'the alert raised before the webhook',
      async () => receiver.receipts.map((r) => JSON.parse(r.body)),
      (bodies: { referralId: string; vacancyId: string }[]) => bodies.some((b) => b.referralId === before && b.vacancyId === early),
    );
    expect(receiver.receipts.map((r) => JSON.parse(r.body))).toContainEqual(
      expect.objectContaining({ referralId: before, vacancyId: early, urgency: 'emergency' }),
    );
    // The receiver records a POST before answering it, and the worker records the delivery after the
    // answer. Each queued alert ends delivered, or cancelled if its referral stopped being this
    // provider's to see before the worker reached it (the earlier tests' referrals are still being
    // re-matched, placed and withdrawn): counting only deliveries made this test fail now and then.
    const notificationsOfA = async () =>
      (await http().get('/api/v1/provider/notifications').set(bearer(orgs.providerA.token)).expect(200)).body.items as {
        referralId: string;
        vacancyId: string;
        delivery: string;
      }[];
    const alerts = await until(
      'the queued alerts to be delivered or cancelled',
      notificationsOfA,
      (items) =>
        items.filter((n) => n.delivery === 'delivered' || n.delivery === 'cancelled').length >= registered.queued &&
        items.some((n) => n.referralId === before && n.vacancyId === early && n.delivery === 'delivered'),
    );
    expect(alerts.filter((n) => n.delivery === 'failed')).toEqual([]);
    const receivedBefore = receiver.receipts.length;

    // In Manchester, for a Manchester child: out of reach of the other tests' West London referrals,
    // so the one failure queued below is this alert's.
    const bed = await vacancy(orgs.providerA, { postcode: 'M1 1AA' });
    receiver.answers.push(503);
    const id = await emergency(orgs.ealing, { child: { ...referralBody().child, homePostcode: 'M1 2AB' } });
    const delivered = await until(
      'the alert to be delivered after one failure',
      async () => receiver.receipts.filter((r) => JSON.parse(r.body).referralId === id && JSON.parse(r.body).vacancyId === bed),
      (receipts: Receipt[]) => receipts.some((r) => r.answered === 200),
      30_000,
    );
    expect(delivered.map((r) => r.answered)).toEqual([503, 200]);
    const [last] = delivered.slice(-1);
    expect(JSON.parse(last.body)).toEqual({ event: 'referral.shortlisted', referralId: id, vacancyId: bed, urgency: 'emergency' });
    expect(last.signature).toBe(`sha256=${createHmac('sha256', SECRET).update(last.body).digest('hex')}`);

    // The receiver has answered; the worker records the delivery just after, so wait for that.
    const mine = await until(
      'the delivery to be recorded',
      async () => (await notificationsOfA()).filter((n) => n.referralId === id && n.vacancyId === bed),
      (items) => items.length > 0 && items.every((n) => n.delivery !== 'pending'),
    );
    expect(mine).toEqual([
      expect.objectContaining({ event: 'referral.shortlisted', urgency: 'emergency', delivery: 'delivered', attempts: 2, id: last.deliveryId }),
    ]);
    const elsewhere = (await http().get('/api/v1/provider/notifications').set(bearer(orgs.providerB.token)).expect(200)).body.items;
    expect(elsewhere.filter((n: { vacancyId: string }) => n.vacancyId === bed)).toEqual([]);
    await http().get('/api/v1/provider/notifications').set(bearer(orgs.ealing)).expect(403);

    // The same delivery job again, and a re-match of the referral: neither sends it twice.
    const queue = worker.get<Queue>(getQueueToken(QueueName.Notifications));
    await queue.add(JobName.NotifyProvider, { notificationId: last.deliveryId! }, jobOptions(JobName.NotifyProvider, { notificationId: last.deliveryId! }));
    await http().post(`/api/v1/referrals/${id}/withdraw`).set(bearer(orgs.ealing)).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(receiver.receipts.filter((r) => r.deliveryId === last.deliveryId)).toHaveLength(2);
    expect(receiver.receipts.length).toBe(receivedBefore + 2);

    // A routine referral alerts nobody.
    const routine = (
      await http().post('/api/v1/referrals').set(bearer(orgs.ealing)).set('Idempotency-Key', crypto.randomUUID()).send(referralBody()).expect(202)
    ).body.id;
    await settled(routine);
    const [{ n }] = await api.dataSource.query(`SELECT count(*)::int AS n FROM provider_notifications WHERE referral_id = $1`, [routine]);
    expect(n).toBe(0);
  }, 60_000);

  it("re-matches an alliance's emergencies on the fast lane when its weights change", async () => {
    const open = await emergency();
    await settled(open);
    await http()
      .put(`/api/v1/alliances/${orgs.allianceId}/matching-weights`)
      .set(bearer(orgs.commissioner))
      .send({ needs: 40, proximity: 25, quality: 15, continuity: 10, cost: 10 })
      .expect(200);
    const rows: { queue: string; job: string; urgency: string }[] = await api.dataSource.query(
      `SELECT o.queue_name AS queue, o.job_name AS job, r.urgency FROM outbox o JOIN referrals r ON r.id = (o.payload->>'referralId')::uuid
        WHERE o.job_name LIKE 'rematch-%'`,
    );
    expect(rows.find((row) => row.urgency === 'emergency')).toBeDefined();
    for (const row of rows) {
      expect([row.queue, row.job]).toEqual(row.urgency === 'emergency' ? ['matching-emergency', 'rematch-emergency'] : ['matching', 'rematch-referral']);
    }
  });

  it('opens the planned follow-on referral when an emergency is placed, once, required by the alliance’s step-down days', async () => {
    const stepDown = (body?: object, token = orgs.commissioner) =>
      body
        ? http().put(`/api/v1/alliances/${orgs.allianceId}/step-down`).set(bearer(token)).send(body)
        : http().get(`/api/v1/alliances/${orgs.allianceId}/step-down`).set(bearer(token));
    expect((await stepDown().expect(200)).body).toEqual({ allianceId: orgs.allianceId, days: 28 });
    await stepDown({ days: 0 }).expect(400);
    await stepDown({ days: 21 }, orgs.ealing).expect(403);
    await stepDown({ days: 21 }).expect(200);

    const bed = await vacancy(orgs.providerB, { postcode: 'W5 3AA' });
    const id = await emergency();
    await until('shortlisted with the bed', () => shortlistOf(id), (list: string[]) => list.includes(bed));
    const offerId = (
      await http().post(`/api/v1/referrals/${id}/offers`).set(bearer(orgs.providerB.token)).send({ vacancyId: bed, weeklyCost: 6_000 }).expect(201)
    ).body.id;
    const { body: placed } = await http().post(`/api/v1/offers/${offerId}/accept`).set(bearer(orgs.ealing)).expect(201);
    const followOn: { id: string; child: { localReference: string } } = await until(
      'the step-down referral',
      async () => (await http().get('/api/v1/referrals?urgency=planned').set(bearer(orgs.ealing)).expect(200)).body.find(
        (r: { followsReferralId?: string }) => r.followsReferralId === id,
      ),
      (found) => found !== undefined,
    );
    const started = (await http().get(`/api/v1/placements/${placed.placementId}`).set(bearer(orgs.ealing))).body.startDate;
    const expected = new Date(Date.parse(`${started}T00:00:00Z`) + 21 * 86_400_000).toISOString().slice(0, 10);
    expect(followOn).toMatchObject({ urgency: 'planned', requiredBy: expected, placementTypes: ['K2', 'U6'] });
    expect(followOn.child.localReference).toBe(referralBody().child.localReference);
    await until('the step-down to be matched', () => referral(followOn.id), (r: { status: string }) => r.status !== 'submitted');

    // The job again, twice: still one follow-on referral, matched once.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { OpenStepDownHandler } = require('../../worker/src/placements/step-down.handler');
    const handler = worker.get(OpenStepDownHandler);
    await Promise.all([handler.handle({ placementId: placed.placementId }), handler.handle({ placementId: placed.placementId })]);
    const [{ n, jobs }] = await api.dataSource.query(
      `SELECT (SELECT count(*)::int FROM referrals WHERE follows_referral_id = $1) AS n,
              (SELECT count(*)::int FROM outbox WHERE job_name = 'match-referral' AND payload->>'referralId' = $2) AS jobs`,
      [id, followOn.id],
    );
    expect({ n, jobs }).toEqual({ n: 1, jobs: 1 });

    // The commissioner sees a step-down still open after its day, with the emergency bed the child is in.
    const stepDowns = () => http().get(`/api/v1/sufficiency/step-downs?allianceId=${orgs.allianceId}`).set(bearer(orgs.commissioner));
    expect((await stepDowns().expect(200)).body.items).toEqual([]);
    await api.dataSource.query(`UPDATE referrals SET required_by = (now() AT TIME ZONE 'Europe/London')::date - 3 WHERE id = $1`, [followOn.id]);
    const { body: overdue } = await stepDowns().expect(200);
    expect(overdue).toEqual({
      allianceId: orgs.allianceId,
      items: [
        expect.objectContaining({
          stepDownReferralId: followOn.id,
          emergencyReferralId: id,
          localAuthorityCode: 'E09000009',
          daysOverdue: 3,
          emergencyPlacement: expect.objectContaining({ id: placed.placementId, weeklyCost: 6_000, startDate: started }),
        }),
      ],
    });
    await http().get(`/api/v1/sufficiency/step-downs?allianceId=${orgs.allianceId}`).set(bearer(orgs.ealing)).expect(403);
    await http().get('/api/v1/sufficiency/step-downs?allianceId=nope').set(bearer(orgs.commissioner)).expect(400);
  }, 60_000);
});
