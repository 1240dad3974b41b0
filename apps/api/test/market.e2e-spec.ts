import { ADMIN, bearer, createOrganisations, createOtherAllianceCommissioner, login, Organisations, referralBody, startTestApi, TestApi } from './support/test-api';

/** Every count a provider can read: 0, or 5 and over, or "<5". */
function smallCountsShown(position: { demand: object[]; needs: object[]; forecast: { total: unknown; months: object[] }[] }): unknown[] {
  const counts = [
    ...position.demand.flatMap((row) => Object.entries(row).filter(([key]) => key !== 'placementType' && key !== 'ageBand').map(([, value]) => value)),
    ...position.needs.flatMap((row) => Object.entries(row).filter(([key]) => key !== 'needCode').map(([, value]) => value)),
    ...position.forecast.flatMap((series) => [series.total, ...series.months.flatMap((month) => Object.entries(month).filter(([key]) => key !== 'month').map(([, value]) => value))]),
  ];
  return counts.filter((value) => typeof value === 'number' && value >= 1 && value <= 4);
}

describe('market position (e2e)', () => {
  let api: TestApi;
  let orgs: Organisations;
  let otherCommissioner: string;

  beforeAll(async () => {
    api = await startTestApi();
    orgs = await createOrganisations(api);
    otherCommissioner = await createOtherAllianceCommissioner(api, 'north.market@e2e.test');
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  const publish = (token: string, allianceId = orgs.allianceId) => api.http().post(`/api/v1/alliances/${allianceId}/market-position`).set(bearer(token));
  const read = (token: string, allianceId = orgs.allianceId) => api.http().get(`/api/v1/market/alliances/${allianceId}`).set(bearer(token));

  it('is 404 until the commissioner publishes, and the caller must be allowed', async () => {
    await read(orgs.providerA.token).expect(404);
    await publish(orgs.providerA.token).expect(403);
    await publish(orgs.ealing).expect(403);
    await read(orgs.ealing).expect(403);
    await publish(otherCommissioner).expect(404);
    await api.http().post(`/api/v1/alliances/${orgs.allianceId}/market-position`).expect(401);
    const bad = await api.http().get('/api/v1/market/alliances/not-an-id').set(bearer(orgs.providerA.token)).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  it("publishes last 12 complete months' demand across the alliance, and providers read it with small counts suppressed", async () => {
    // Three referrals in each LA, over the last two complete months (the first made on a 1st, so
    // the forecast has whole months of history).
    for (const token of [orgs.ealing, orgs.ealing, orgs.ealing, orgs.brent, orgs.brent, orgs.brent]) {
      await api
        .http()
        .post('/api/v1/referrals')
        .set(bearer(token))
        .set('Idempotency-Key', crypto.randomUUID())
        .send(referralBody({ placementTypes: ['K2'] }, { dateOfBirth: '2011-06-01', needs: [{ code: 'self-harm', level: 2, essential: true }] }))
        .expect(202);
    }
    await api.dataSource.query(
      `UPDATE referrals SET created_at = CASE WHEN child_id IN (SELECT id FROM children ORDER BY id LIMIT 2)
                                              THEN date_trunc('month', now()) - interval '2 months' + interval '12 hours'
                                              ELSE date_trunc('month', now()) - interval '10 days' END`,
    );

    const { body: published } = await publish(orgs.commissioner).expect(201);
    expect(published).toMatchObject({ allianceId: orgs.allianceId, allianceName: 'West London Alliance', supply: { source: 'live' } });
    // Each LA made 3 (a count that would be suppressed); together they made 6.
    expect(published.demand).toEqual([{ placementType: 'K2', ageBand: '11-15', referrals: 6, placed: 0, gap: 6, openBeds: 0 }]); // today's open beds: the fixture has none
    expect(published.needs).toEqual([expect.objectContaining({ needCode: 'self-harm', referrals: 6, gap: 6 })]);
    expect(published.forecast).toEqual([expect.objectContaining({ placementType: 'K2', months: expect.any(Array) })]);
    expect(published.forecast[0].months).toHaveLength(12);

    const { body: read1 } = await read(orgs.providerA.token).expect(200);
    expect(read1).toEqual(published);
    expect(smallCountsShown(read1)).toEqual([]);
    expect(JSON.stringify(read1)).toContain('"<5"'); // the forecast's months are small

    // The commissioner reads its own; another alliance's cannot.
    await read(orgs.commissioner).expect(200);
    await read(otherCommissioner).expect(404);
    const list = await api.http().get('/api/v1/market/alliances').set(bearer(orgs.providerA.token)).expect(200);
    expect(list.body.items).toEqual([{ allianceId: orgs.allianceId, allianceName: 'West London Alliance', publishedAt: published.publishedAt }]);
    expect((await api.http().get('/api/v1/market/alliances').set(bearer(otherCommissioner)).expect(200)).body.items).toEqual([]);
    await api.http().get('/api/v1/market/alliances').set(bearer(orgs.ealing)).expect(403);

    // A later publication replaces what providers read.
    await api.dataSource.query(`UPDATE referrals SET status = 'withdrawn' WHERE id = (SELECT id FROM referrals LIMIT 1)`);
    const { body: again } = await publish(orgs.commissioner).expect(201);
    expect(again.id).not.toBe(published.id);
    expect((await read(orgs.providerB.token).expect(200)).body.id).toBe(again.id);
  });
});
