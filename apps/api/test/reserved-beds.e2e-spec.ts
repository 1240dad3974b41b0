import {
  bearer,
  createOrganisations,
  createOtherAllianceCommissioner,
  createSetting,
  createVacancy,
  Organisations,
  startTestApi,
  TestApi,
  todayInEngland,
} from './support/test-api';

const daysAgo = (days: number) => new Date(Date.parse(`${todayInEngland()}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** Reserved beds through HTTP: whose they are, the nights they stood empty, and who may read them. The nights' arithmetic: its unit spec. */
describe('reserved beds (e2e)', () => {
  let api: TestApi;
  let orgs: Organisations;
  let otherCommissioner: string;

  beforeAll(async () => {
    api = await startTestApi();
    orgs = await createOrganisations(api);
    otherCommissioner = await createOtherAllianceCommissioner(api, 'north.reserved@e2e.test');
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  const get = (query: string, token: string) => api.http().get(`/api/v1/sufficiency/reserved-beds${query}`).set(bearer(token));

  it("counts the empty nights of the alliance's reserved beds, in its LAs or held for them, with totals and as CSV", async () => {
    const ealing = await createSetting(api, orgs.providerA, { name: 'Ealing block home' });
    const manchester = await createSetting(api, orgs.providerB, { name: 'Manchester home', postcode: 'M1 1AA' });
    // Two beds held for Ealing, in Ealing, open for the last ten nights.
    const block = await createVacancy(api, orgs.providerA, ealing.id, {
      beds: 2,
      availableFrom: daysAgo(10),
      weeklyCost: 7_000,
      reservedFor: { localAuthorityCodes: ['E09000009'] },
    });
    // A remand bed in Ealing, withdrawn today after four nights: withdrawn today, tonight is not counted.
    const remand = await createVacancy(api, orgs.providerA, ealing.id, { availableFrom: daysAgo(4), weeklyCost: 3_500, reservedFor: { legalStatuses: ['J1'] } });
    await api.http().post(`/api/v1/vacancies/${remand.id}/withdraw`).set(bearer(orgs.providerA.token)).expect(200);
    // Held for Brent, in Manchester: the alliance pays for it wherever it is. Opened before the period.
    const away = await createVacancy(api, orgs.providerB, manchester.id, {
      availableFrom: daysAgo(60),
      weeklyCost: 4_200,
      reservedFor: { localAuthorityCodes: ['E09000005'] },
    });
    // Not the alliance's: held for Barnet in Manchester; and an Ealing bed reserved for nobody.
    await createVacancy(api, orgs.providerB, manchester.id, { availableFrom: daysAgo(5), reservedFor: { localAuthorityCodes: ['E09000003'] } });
    await createVacancy(api, orgs.providerA, ealing.id, { availableFrom: daysAgo(5) });

    const query = `?allianceId=${orgs.allianceId}&from=${daysAgo(30)}&to=${todayInEngland()}`;
    const { body } = await get(query, orgs.commissioner).expect(200);
    expect(body).toMatchObject({ allianceId: orgs.allianceId, from: daysAgo(30), to: todayInEngland(), asOf: todayInEngland() });
    expect(body.items).toEqual([
      expect.objectContaining({ vacancyId: away.id, providerName: 'Birchwood Homes', settingName: 'Manchester home', beds: 1, nightsEmpty: 30, costOfEmptyNights: 18_000 }),
      expect.objectContaining({
        vacancyId: block.id,
        providerName: 'Oakfield Care',
        settingName: 'Ealing block home',
        placementType: 'K2',
        reservedFor: { localAuthorityCodes: ['E09000009'], legalStatuses: [] },
        status: 'open',
        beds: 2,
        weeklyCost: 7_000,
        nightsEmpty: 20,
        costOfEmptyNights: 20_000,
      }),
      expect.objectContaining({ vacancyId: remand.id, status: 'withdrawn', withdrawnOn: todayInEngland(), reservedFor: { localAuthorityCodes: [], legalStatuses: ['J1'] }, nightsEmpty: 4, costOfEmptyNights: 2_000 }),
    ]);
    expect(body.totals).toEqual({ beds: 4, nightsEmpty: 54, costOfEmptyNights: 40_000 });
    await get(query, orgs.admin).expect(200);

    const csv = await api.http().get(`/api/v1/sufficiency/reserved-beds.csv${query}`).set(bearer(orgs.commissioner)).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'vacancyId,providerId,providerName,settingId,settingName,settingLocalAuthorityCode,placementType,reservedForLocalAuthorities,reservedForLegalStatuses,status,availableFrom,availableUntil,withdrawnOn,beds,weeklyCost,nightsEmpty,costOfEmptyNights',
    );
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain(`${block.id},`);
    expect(lines[2]).toMatch(/,E09000009,,open,.*,2,7000,20,20000$/);

    // A period before any of them opened has none.
    const before = await get(`?allianceId=${orgs.allianceId}&from=${daysAgo(400)}&to=${daysAgo(300)}`, orgs.commissioner).expect(200);
    expect(before.body).toMatchObject({ items: [], totals: { beds: 0, nightsEmpty: 0, costOfEmptyNights: 0 } });
  });

  it('names a bad period and refuses everyone but the alliance', async () => {
    const bad = await get('?allianceId=west&from=2026-02-30&to=soon', orgs.commissioner).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['allianceId', 'from', 'to']);
    const backwards = await get(`?allianceId=${orgs.allianceId}&from=2026-03-01&to=2026-02-01`, orgs.commissioner).expect(400);
    expect(backwards.body.details).toEqual([{ field: 'to', problem: 'must not be before from' }]);
    const csvRefused = await api
      .http()
      .get(`/api/v1/sufficiency/reserved-beds.csv?allianceId=${orgs.allianceId}&from=2026-03-01&to=2026-02-01`)
      .set(bearer(orgs.commissioner))
      .expect(400);
    expect(csvRefused.headers['content-type']).toMatch(/^application\/json/);

    const query = `?allianceId=${orgs.allianceId}&from=2026-01-01&to=2026-02-01`;
    await get(query, otherCommissioner).expect(404);
    await api.http().get(`/api/v1/sufficiency/reserved-beds.csv${query}`).set(bearer(otherCommissioner)).expect(404);
    await get(`?allianceId=${crypto.randomUUID()}&from=2026-01-01&to=2026-02-01`, orgs.admin).expect(404);
    await get(query, orgs.ealing).expect(403);
    await get(query, orgs.providerA.token).expect(403);
    await api.http().get(`/api/v1/sufficiency/reserved-beds${query}`).expect(401);
  });
});
