import { ADMIN, bearer, createOrganisations, createOtherAllianceCommissioner, login, Organisations, referralBody, startTestApi, TestApi, todayInEngland } from './support/test-api';

/** Sufficiency through HTTP: who may read it, and what bad input gets. The figures: the repository's integration spec. */
describe('sufficiency (e2e)', () => {
  let api: TestApi;
  let orgs: Organisations;
  let otherCommissioner: string;

  beforeAll(async () => {
    api = await startTestApi();
    orgs = await createOrganisations(api);
    otherCommissioner = await createOtherAllianceCommissioner(api, 'north@e2e.test');
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  const today = todayInEngland;
  const get = (query: string, token: string) => api.http().get(`/api/v1/sufficiency${query}`).set(bearer(token));

  it("gives the alliance's commissioner and admins the period's rows and totals; nobody else", async () => {
    await api.http().post('/api/v1/referrals').set(bearer(orgs.ealing)).set('Idempotency-Key', crypto.randomUUID()).send(referralBody()).expect(202);
    const query = `?allianceId=${orgs.allianceId}&from=2026-01-01&to=${today()}`;
    const { body } = await get(query, orgs.commissioner).expect(200);
    expect(body).toMatchObject({ allianceId: orgs.allianceId, from: '2026-01-01', to: today(), supply: { source: 'live', asOf: today() } });
    expect(body.rows).toEqual([
      expect.objectContaining({ localAuthorityCode: 'E09000009', placementType: 'K2', ageBand: expect.any(String), referrals: 1, unplaced: 1, gap: 1 }),
    ]);
    expect(body.totals).toMatchObject({ referrals: 1, placed: 0, unplaced: 1, gap: 1, openBeds: 0 });
    await get(query, orgs.admin).expect(200);
    // The same rows as CSV, with a header row.
    const csv = await api.http().get(`/api/v1/sufficiency.csv${query}`).set(bearer(orgs.commissioner)).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="sufficiency-2026-01-01-${today()}.csv"`);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'localAuthorityCode,placementType,ageBand,referrals,placed,unplaced,openBeds,gap,placedOutOfArea,placedOver20Miles,medianDaysToPlace,meanWeeklyCost',
    );
    expect(lines.slice(1)).toEqual(
      body.rows.map((row: Record<string, unknown>) =>
        [row.localAuthorityCode, row.placementType, row.ageBand, row.referrals, row.placed, row.unplaced, row.openBeds, row.gap, row.placedOutOfArea, row.placedOver20Miles, row.medianDaysToPlace ?? '', row.meanWeeklyCost ?? ''].join(','),
      ),
    );
    await api.http().get(`/api/v1/sufficiency.csv${query}`).set(bearer(otherCommissioner)).expect(404);
    await api.http().get(`/api/v1/sufficiency.csv${query}`).set(bearer(orgs.ealing)).expect(403);
    await get(query, otherCommissioner).expect(404);
    await get(query, orgs.ealing).expect(403);
    await get(query, orgs.providerA.token).expect(403);
    await api.http().get(`/api/v1/sufficiency${query}`).expect(401);
  });

  it('names each bad parameter', async () => {
    const bad = await get('?allianceId=west&from=2026-02-30&to=soon', orgs.commissioner).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['allianceId', 'from', 'to']);
    const backwards = await get(`?allianceId=${orgs.allianceId}&from=2026-03-01&to=2026-02-01`, orgs.commissioner).expect(400);
    expect(backwards.body.details).toEqual([{ field: 'to', problem: 'must not be before from' }]);
    await get(`?allianceId=${orgs.allianceId}&from=2020-01-01&to=2026-01-01`, orgs.commissioner).expect(400);
    // A timestamp whose time names no instant is refused like a day that does not exist.
    const impossible = await get(`?allianceId=${orgs.allianceId}&from=2026-03-01T25:00&to=2026-03-31T12:60`, orgs.commissioner).expect(400);
    expect(impossible.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['from', 'to']);
    // A CSV route's refusals are the JSON error bodies of every other route, typed as such.
    for (const [query, token, status] of [
      [`?allianceId=${orgs.allianceId}&from=2026-03-01&to=2026-02-01`, orgs.commissioner, 400],
      [`?allianceId=${orgs.allianceId}&from=2026-01-01&to=2026-02-01`, otherCommissioner, 404],
    ] as const) {
      const refused = await api.http().get(`/api/v1/sufficiency.csv${query}`).set(bearer(token)).expect(status);
      expect(refused.headers['content-type']).toMatch(/^application\/json/);
      expect(refused.body.statusCode).toBe(status);
    }
    await get(`?allianceId=${crypto.randomUUID()}&from=2026-01-01&to=2026-02-01`, orgs.admin).expect(404);
  });

  it("benchmarks the providers that served or were asked by the alliance's LAs, for its commissioner and admins only", async () => {
    const benchmark = (query: string, token: string) => api.http().get(`/api/v1/providers/benchmark${query}`).set(bearer(token));
    const { body } = await benchmark(`?allianceId=${orgs.allianceId}`, orgs.commissioner).expect(200);
    expect(body).toEqual({ allianceId: orgs.allianceId, items: expect.any(Array), sectors: expect.any(Array) });
    await benchmark(`?allianceId=${orgs.allianceId}`, orgs.admin).expect(200);
    await benchmark(`?allianceId=${orgs.allianceId}`, otherCommissioner).expect(404);
    await benchmark(`?allianceId=${orgs.allianceId}`, orgs.providerA.token).expect(403);
    await benchmark(`?allianceId=${orgs.allianceId}`, orgs.ealing).expect(403);
    const bad = await benchmark('?allianceId=west', orgs.commissioner).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'allianceId' })]);
    await api.http().get(`/api/v1/providers/benchmark?allianceId=${orgs.allianceId}`).expect(401);
    await api.http().get(`/api/v1/providers/benchmark.csv?allianceId=${orgs.allianceId}`).expect(401);
    await api.http().get(`/api/v1/providers/benchmark.csv?allianceId=${orgs.allianceId}`).set(bearer(orgs.ealing)).expect(403);
  });

  it('filters the benchmarks by placement type, sector and LA, and sets in-house against independent; names each bad filter', async () => {
    const benchmark = (query: string) => api.http().get(`/api/v1/providers/benchmark?allianceId=${orgs.allianceId}${query}`).set(bearer(orgs.commissioner));
    // The figures are the repository's integration spec's; here, that every filter is taken and the answer keeps its shape.
    for (const query of ['&placementType=K2', '&sector=in_house', '&sector=independent', '&sector=voluntary', '&localAuthorityCode=E09000009']) {
      const { body } = await benchmark(query).expect(200);
      expect(body).toEqual({ allianceId: orgs.allianceId, items: expect.any(Array), sectors: [expect.objectContaining({ group: 'in_house' }), expect.objectContaining({ group: 'independent' })] });
    }
    const bad = await benchmark('&placementType=K9&sector=charity&localAuthorityCode=ealing').expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['localAuthorityCode', 'placementType', 'sector']);
    const csv = await api.http().get(`/api/v1/providers/benchmark.csv?allianceId=${orgs.allianceId}&sector=nobody`).set(bearer(orgs.commissioner)).expect(400);
    expect(csv.body.details).toEqual([expect.objectContaining({ field: 'sector' })]);
  });

  it('gives the same figures by need, the monthly trend and the forecast, each also as CSV, to the same people', async () => {
    const period = `?allianceId=${orgs.allianceId}&from=2026-01-01&to=${today()}`;
    const routes = [`/sufficiency/needs${period}`, `/sufficiency/trend${period}`, `/sufficiency/forecast?allianceId=${orgs.allianceId}&months=6`];
    for (const route of routes) {
      for (const path of [route, route.replace('?', '.csv?')]) {
        await api.http().get(`/api/v1${path}`).set(bearer(orgs.commissioner)).expect(200);
        await api.http().get(`/api/v1${path}`).set(bearer(orgs.admin)).expect(200);
        await api.http().get(`/api/v1${path}`).set(bearer(otherCommissioner)).expect(404);
        await api.http().get(`/api/v1${path}`).set(bearer(orgs.ealing)).expect(403);
        await api.http().get(`/api/v1${path}`).set(bearer(orgs.providerA.token)).expect(403);
        await api.http().get(`/api/v1${path}`).expect(401);
      }
    }
    // The referral made in the first test: its needs, this month, and a forecast from no complete month.
    const needs = (await get(`/needs${period}`, orgs.commissioner).expect(200)).body;
    const needCodes = referralBody().child.needs.map((need: { code: string }) => need.code).sort();
    expect(needs.rows.map((row: { needCode: string }) => row.needCode).sort()).toEqual(expect.arrayContaining(needCodes));
    expect(needs.totals).toEqual(
      expect.arrayContaining(needCodes.map((needCode: string) => expect.objectContaining({ needCode, referrals: 1, placed: 0, gap: 1 }))),
    );
    const trend = (await get(`/trend${period}`, orgs.commissioner).expect(200)).body;
    expect(trend.months.at(-1)).toEqual({
      month: today().slice(0, 7),
      referrals: 1,
      placed: 0,
      placedWithinAlliance: 0,
      gap: 1,
      openBeds: 0,
      supply: { source: 'live', asOf: today() },
    });
    expect(trend.months[0]).toMatchObject({ month: '2026-01', referrals: 0, openBeds: null, supply: null });
    // One placement type: referrals by their first type, beds of that type.
    expect(trend.placementType).toBeNull();
    const homes = (await get(`/trend${period}&placementType=K2`, orgs.commissioner).expect(200)).body;
    expect(homes).toMatchObject({ placementType: 'K2', months: trend.months });
    const fostering = (await get(`/trend${period}&placementType=U4`, orgs.commissioner).expect(200)).body;
    expect(fostering.months.at(-1)).toMatchObject({ referrals: 0, gap: 0, openBeds: 0 });
    const fosteringCsv = await api.http().get(`/api/v1/sufficiency/trend.csv${period}&placementType=U4`).set(bearer(orgs.commissioner)).expect(200);
    expect(fosteringCsv.headers['content-disposition']).toBe(`attachment; filename="sufficiency-trend-U4-2026-01-01-${today()}.csv"`);
    const badType = await get(`/trend${period}&placementType=ZZ`, orgs.commissioner).expect(400);
    expect(badType.body.details).toEqual([expect.objectContaining({ field: 'placementType' })]);
    const trendCsv = await api.http().get(`/api/v1/sufficiency/trend.csv${period}`).set(bearer(orgs.commissioner)).expect(200);
    expect(trendCsv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = trendCsv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('month,referrals,placed,placedWithinAlliance,gap,openBeds,supplySource,supplyAsOf');
    expect(lines.at(-1)).toBe(`${today().slice(0, 7)},1,0,0,1,0,live,${today()}`);
    expect(lines).toHaveLength(trend.months.length + 1);
    const forecast = (await api.http().get(`/api/v1/sufficiency/forecast?allianceId=${orgs.allianceId}`).set(bearer(orgs.commissioner)).expect(200)).body;
    expect(forecast).toMatchObject({ allianceId: orgs.allianceId, level: 0.8, firstMonth: today().slice(0, 7), series: [] });
    const benchmarkCsv = await api.http().get(`/api/v1/providers/benchmark.csv?allianceId=${orgs.allianceId}`).set(bearer(orgs.commissioner)).expect(200);
    expect(benchmarkCsv.text.split('\r\n')[0]).toBe(
      'providerId,name,placements,unplannedEndings,stabilityRate,outcomesAchievedRate,meanWeeklyCost,costToTypeMedian,referralsShortlisted,offerRate,medianResponseHours,' +
        'sector,placementTypes,localAuthorityCodes,ofstedGrade,ratings,averageRating,endedPlacements,plannedEndingRate,endedOutcomesAchieved,costPerOutcomeAchieved',
    );
  });

  it('names a bad forecast horizon', async () => {
    for (const months of ['0', '25', 'twelve', '1.5']) {
      const bad = await api.http().get(`/api/v1/sufficiency/forecast?allianceId=${orgs.allianceId}&months=${months}`).set(bearer(orgs.commissioner)).expect(400);
      expect(bad.body.details).toEqual([{ field: 'months', problem: 'must be a whole number of months from 1 to 24' }]);
    }
    const bad = await get(`/trend?allianceId=${orgs.allianceId}&from=2026-03-01`, orgs.commissioner).expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'to' })]);
  });
});
