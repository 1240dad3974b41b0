import type { INestApplicationContext } from '@nestjs/common';
import { startTricklingReceiver, until } from '@app/testing';
import type { TricklingReceiver } from '@app/testing';
import { bearer, createOrganisations, openVacancy, Organisations, referralBody, startTestApi, TestApi, todayInEngland } from './support/test-api';
import { startTestWorker } from './support/test-worker';

/** A webhook delivery has a total deadline, and a slow receiver never holds up emergency matching. */
describe('webhook delivery to a slow receiver (e2e)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let orgs: Organisations;
  let receiver: TricklingReceiver;

  beforeAll(async () => {
    // Headers at once, then a byte every 500 ms for a minute: an idle timeout alone never fires.
    receiver = await startTricklingReceiver();
    api = await startTestApi({
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      WEBHOOK_TOTAL_TIMEOUT_MS: '4000',
      // One emergency match at a time: were alerts delivered on the fast lane, the slow one would hold it.
      EMERGENCY_CONCURRENCY: '1',
    });
    worker = await startTestWorker();
    orgs = await createOrganisations(api);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await receiver?.close();
  });

  const emergency = async (postcode: string) =>
    (
      await api
        .http()
        .post('/api/v1/referrals')
        .set(bearer(orgs.ealing))
        .set('Idempotency-Key', crypto.randomUUID())
        .send(referralBody({ urgency: 'emergency', requiredBy: todayInEngland() }, { homePostcode: postcode }))
        .expect(202)
    ).body.id as string;
  const statusOf = async (id: string) =>
    (await api.http().get(`/api/v1/referrals/${id}`).set(bearer(orgs.ealing)).expect(200)).body.status as string;

  it('fails the attempt at the deadline, retries it, and matches other emergencies meanwhile', async () => {
    await api
      .http()
      .put(`/api/v1/providers/${orgs.providerA.id}/webhook`)
      .set(bearer(orgs.providerA.token))
      .send({ url: receiver.url, secret: 'a-secret-of-the-provider-0123456789' })
      .expect(200);
    await openVacancy(api, orgs.providerA, { setting: { postcode: 'W5 1AA' }, vacancy: { beds: 1, emergencyReady: true } });
    // Provider B has no webhook: its emergency raises no delivery of its own.
    await openVacancy(api, orgs.providerB, { setting: { postcode: 'M1 1AA' }, vacancy: { beds: 1, emergencyReady: true } });

    const alerted = await emergency('UB1 1AA');
    await until('the alert to reach the slow receiver', async () => receiver.open(), (open) => open > 0);

    // The delivery is still trickling in; an emergency submitted now is matched all the same.
    const next = await emergency('M1 2AB');
    await until('the second emergency to be matched', () => statusOf(next), (status) => status === 'shortlisted');
    expect(receiver.open()).toBeGreaterThan(0);

    // The trickle would last a minute; the attempt ends at the deadline, is recorded as failed, and is retried.
    const failed = await until(
      'the first attempt to be recorded as failed',
      async () =>
        (
          await api.dataSource.query(
            `SELECT attempts, last_error AS "lastError", delivered_at AS "deliveredAt", failed_at AS "failedAt"
               FROM provider_notifications WHERE referral_id = $1`,
            [alerted],
          )
        )[0],
      (row: { attempts: number } | undefined) => (row?.attempts ?? 0) >= 1,
      30_000,
    );
    expect(failed).toEqual({ attempts: 1, lastError: 'deadline', deliveredAt: null, failedAt: null });
    const notifications = (await api.http().get('/api/v1/provider/notifications').set(bearer(orgs.providerA.token)).expect(200)).body.items;
    expect(notifications.find((n: { referralId: string }) => n.referralId === alerted)).toMatchObject({ delivery: 'pending', attempts: 1 });
    // Retried with backoff (job-options.ts): the receiver is posted to again.
    await until('the retry to reach the receiver', async () => receiver.posts(), (posts) => posts >= 2, 30_000);
  }, 60_000);
});
