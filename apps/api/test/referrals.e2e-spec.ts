import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { OutboxRepository } from '@app/persistence';
import { until } from '@app/testing';
import { createRedisConnection, OutboxRelay } from '@app/queue';
import { outboxJobId, QueueName } from '@app/jobs';
import { bearer, createOrganisations, Organisations, referralBody, startTestApi, TestApi } from './support/test-api';

describe('referral intake (e2e)', () => {
  let api: TestApi;
  let orgs: Organisations;

  beforeAll(async () => {
    api = await startTestApi();
    orgs = await createOrganisations(api);
  });
  afterAll(() => api.close());

  const submit = (token: string, body: object, key: string | null = randomUUID()) => {
    const call = api.http().post('/api/v1/referrals').set(bearer(token));
    if (key !== null) call.set('Idempotency-Key', key);
    return call.send(body);
  };

  it('accepts a referral with 202 and stores child, referral and outbox row together', async () => {
    const response = await submit(orgs.ealing, referralBody()).expect(202);
    expect(response.body).toEqual({ id: expect.any(String), status: 'submitted', urgency: 'planned', createdAt: expect.any(String) });
    const [row] = await api.dataSource.query(
      `SELECT r.status, c.home_district, o.job_name, o.payload
         FROM referrals r JOIN children c ON c.id = r.child_id
         JOIN outbox o ON o.payload->>'referralId' = r.id::text WHERE r.id = $1`,
      [response.body.id],
    );
    expect(row).toEqual({ status: 'submitted', home_district: 'UB1', job_name: 'match-referral', payload: { referralId: response.body.id } });
  });

  it('returns the same referral for the same key and body, and 409 for another body', async () => {
    const key = randomUUID();
    const first = await submit(orgs.ealing, referralBody(), key).expect(202);
    const again = await submit(orgs.ealing, referralBody(), key).expect(200);
    expect(again.body.id).toBe(first.body.id);
    const changed = await submit(orgs.ealing, referralBody({ urgency: 'urgent' }), key).expect(409);
    expect(changed.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    const [count] = await api.dataSource.query(`SELECT count(*)::int AS n FROM referrals WHERE idempotency_key = $1`, [key]);
    expect(count.n).toBe(1);
  });

  it('settles concurrent submissions with one key into one referral', async () => {
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 8 }, () => submit(orgs.ealing, referralBody(), key)));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(responses.filter((r) => r.status === 202)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(7);
    const [counts] = await api.dataSource.query(
      `SELECT (SELECT count(*) FROM referrals WHERE idempotency_key = $1)::int AS referrals,
              (SELECT count(*) FROM outbox WHERE payload->>'referralId' = $2)::int AS messages,
              (SELECT count(*) FROM children c WHERE NOT EXISTS (SELECT 1 FROM referrals r WHERE r.child_id = c.id))::int AS orphans`,
      [key, responses[0].body.id],
    );
    expect(counts).toEqual({ referrals: 1, messages: 1, orphans: 0 });
  });

  it('needs an Idempotency-Key', async () => {
    const response = await submit(orgs.ealing, referralBody(), null).expect(400);
    expect(response.body.details).toEqual([{ field: 'Idempotency-Key', problem: 'header is required' }]);
  });

  it('names every bad field and stores nothing', async () => {
    const before = await api.dataSource.query(`SELECT count(*)::int AS n FROM referrals`);
    const response = await submit(
      orgs.ealing,
      referralBody(
        { urgency: 'soon', requiredBy: '2020-01-01', placementTypes: [], maxDistanceMiles: 0, weeklyBudget: -1 },
        {
          dateOfBirth: '2099-01-01',
          gender: 'unknown',
          legalStatus: 'Z9',
          categoryOfNeed: 'N9',
          needs: [{ code: 'flying', level: 0, essential: 'yes' }],
        },
      ),
    ).expect(400);
    const fields = response.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'urgency',
        'requiredBy',
        'placementTypes',
        'maxDistanceMiles',
        'weeklyBudget',
        'child.dateOfBirth',
        'child.gender',
        'child.legalStatus',
        'child.categoryOfNeed',
        'child.needs[0].code',
        'child.needs[0].level',
        'child.needs[0].essential',
      ]),
    );
    expect(response.body.details.find((d: { field: string }) => d.field === 'child.dateOfBirth').problem).toBe(
      'must be a date in the past',
    );
    const after = await api.dataSource.query(`SELECT count(*)::int AS n FROM referrals`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('requires the child to be under 18 on requiredBy and a known home district', async () => {
    const tooOld = await submit(orgs.ealing, referralBody({}, { dateOfBirth: '2007-01-01' })).expect(400);
    expect(tooOld.body.details).toEqual([{ field: 'child.dateOfBirth', problem: 'must make the child under 18 on requiredBy' }]);
    const unknown = await submit(orgs.ealing, referralBody({}, { homePostcode: 'QQ9 9QQ' })).expect(400);
    expect(unknown.body.details).toEqual([{ field: 'child.homePostcode', problem: 'is in an unknown postcode district' }]);
    const missingChild = await submit(orgs.ealing, { ...referralBody(), child: undefined }).expect(400);
    expect(missingChild.body.details[0].field).toBe('child');
    const emptyNeed = await submit(orgs.ealing, referralBody({}, { needs: [[]] })).expect(400);
    expect(emptyNeed.body.details[0].field).toBe('child.needs');
    const badType = await submit(orgs.ealing, referralBody({ placementTypes: ['K2', 'ZZ'] })).expect(400);
    expect(badType.body.details[0].field).toBe('placementTypes');
  });

  it('shows a referral, with its child, only to its own LA', async () => {
    const { body } = await submit(orgs.ealing, referralBody()).expect(202);
    const own = await api.http().get(`/api/v1/referrals/${body.id}`).set(bearer(orgs.ealing)).expect(200);
    expect(own.body).toMatchObject({
      id: body.id,
      status: 'submitted',
      urgency: 'planned',
      requiredBy: referralBody().requiredBy,
      child: { localReference: 'EAL-CASE-0001', dateOfBirth: '2012-05-01', homePostcode: 'UB1 1AA', legalStatus: 'C2' },
    });
    // The home district's centroid, for the shortlist's map.
    const [ub1] = await api.dataSource.query(`SELECT latitude, longitude FROM postcode_districts WHERE district = 'UB1'`);
    expect(own.body.child.homeLocation).toEqual({ latitude: ub1.latitude, longitude: ub1.longitude });
    const other = await api.http().get(`/api/v1/referrals/${body.id}`).set(bearer(orgs.brent)).expect(404);
    expect(JSON.stringify(other.body)).not.toContain('EAL-CASE-0001');
    await api.http().get(`/api/v1/referrals/${body.id}`).set(bearer(orgs.providerA.token)).expect(403);
    await api.http().get(`/api/v1/referrals/${body.id}`).set(bearer(orgs.commissioner)).expect(403);
    await api.http().post(`/api/v1/referrals/${body.id}/withdraw`).set(bearer(orgs.brent)).expect(404);
    await submit(orgs.providerA.token, referralBody()).expect(403);
  });

  it("lists only the caller's LA's referrals, filtered by status and urgency", async () => {
    await submit(orgs.brent, referralBody({ urgency: 'emergency' }, { homePostcode: 'NW10 2AB' })).expect(202);
    const brent = await api.http().get('/api/v1/referrals?status=submitted&urgency=emergency').set(bearer(orgs.brent)).expect(200);
    expect(brent.body.length).toBeGreaterThan(0);
    expect(brent.body.every((r: { localAuthorityCode: string; urgency: string }) => r.localAuthorityCode === 'E09000005' && r.urgency === 'emergency')).toBe(true);
    const ealing = await api.http().get('/api/v1/referrals?urgency=emergency').set(bearer(orgs.ealing)).expect(200);
    expect(ealing.body).toEqual([]);
    await api.http().get('/api/v1/referrals?status=lost').set(bearer(orgs.ealing)).expect(400);
  });

  it('withdraws an open referral', async () => {
    const { body } = await submit(orgs.ealing, referralBody()).expect(202);
    const withdrawn = await api.http().post(`/api/v1/referrals/${body.id}/withdraw`).set(bearer(orgs.ealing)).expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    await api.http().post(`/api/v1/referrals/${body.id}/withdraw`).set(bearer(orgs.ealing)).expect(200);
  });

  it('puts every accepted referral on the matching queue exactly once', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i += 1) ids.add((await submit(orgs.ealing, referralBody()).expect(202)).body.id);
    const redis = createRedisConnection(api.redisUrl, { enableOfflineQueue: false });
    const queue = new Queue(QueueName.Matching, { connection: redis, prefix: api.queuePrefix });
    const relay = new OutboxRelay(new OutboxRepository(api.dataSource), new Map([[QueueName.Matching, queue]]), {
      databaseUrl: api.databaseUrl,
      pollIntervalMs: 50,
      // The routine queue only: an earlier test's emergency waits for the fast lane's relay.
      queues: [QueueName.Matching],
    });
    try {
      relay.start();
      const [unsent] = await until(
        'every routine outbox row sent',
        () => api.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL AND queue_name = 'matching'`),
        (rows: { n: number }[]) => rows[0].n === 0,
        10_000,
      );
      expect(unsent.n).toBe(0);
      const jobs = await queue.getJobs(['waiting', 'prioritized']);
      const queued = jobs.map((job) => job.data.referralId);
      for (const id of ids) expect(queued.filter((q) => q === id)).toHaveLength(1);
      const [{ total }] = await api.dataSource.query(`SELECT count(*)::int AS total FROM outbox WHERE queue_name = 'matching'`);
      expect(jobs).toHaveLength(total);
      const [first] = await api.dataSource.query(`SELECT id::text FROM outbox WHERE queue_name = 'matching' ORDER BY id LIMIT 1`);
      expect(await queue.getJob(outboxJobId(first.id))).toBeDefined();
    } finally {
      await relay.stop();
      await queue.close();
      redis.disconnect();
    }
  });
});
