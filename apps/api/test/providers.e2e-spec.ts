import { documentedKeys, documentedResponse } from './support/openapi';
import { bearer, createOrganisations, Organisations, startTestApi, TestApi } from './support/test-api';

/** A provider by id, for anyone signed in: the web app names the provider of a vacancy, offer or placement. */
describe('providers (e2e)', () => {
  let api: TestApi;
  let orgs: Organisations;

  beforeAll(async () => {
    api = await startTestApi();
    orgs = await createOrganisations(api);
  });
  afterAll(() => api.close());

  const get = (id: string, token?: string) => {
    const call = api.http().get(`/api/v1/providers/${id}`);
    return token ? call.set(bearer(token)) : call;
  };

  it('answers every signed-in role with the name, sector and Ofsted URN', async () => {
    const { body: registered } = await api
      .http()
      .post('/api/v1/providers')
      .set(bearer(orgs.admin))
      .send({ name: 'Rowan House Ltd', sector: 'private', ofstedUrn: 'sc482913' })
      .expect(201);
    const tokens = [orgs.ealing, orgs.providerA.token, orgs.providerB.token, orgs.commissioner, orgs.admin];
    for (const token of tokens) {
      expect((await get(registered.id, token).expect(200)).body).toEqual({
        id: registered.id,
        name: 'Rowan House Ltd',
        sector: 'private',
        ofstedUrn: 'SC482913',
      });
    }
    // Without a URN, none is given.
    expect((await get(orgs.providerB.id, orgs.providerA.token).expect(200)).body).toEqual({
      id: orgs.providerB.id,
      name: 'Birchwood Homes',
      sector: 'voluntary',
    });
  });

  it('is 404 for an unknown provider, 400 naming the id for a malformed one, 401 without a token', async () => {
    const missing = await get(crypto.randomUUID(), orgs.ealing).expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, message: 'Provider not found' });
    const bad = await get('oakfield', orgs.ealing).expect(400);
    expect(bad.body.details).toEqual([{ field: 'id', problem: 'must be a UUID' }]);
    await get(orgs.providerA.id).expect(401);
    await get(orgs.providerA.id, 'not.a.token').expect(401);
  });

  it('leaves GET /providers/benchmark to the benchmarks', async () => {
    await api.http().get(`/api/v1/providers/benchmark?allianceId=${orgs.allianceId}`).set(bearer(orgs.commissioner)).expect(200);
    await api.http().get(`/api/v1/providers/benchmark.csv?allianceId=${orgs.allianceId}`).set(bearer(orgs.commissioner)).expect(200);
  });

  it('documents its answer in the OpenAPI document', async () => {
    const schema = await documentedResponse(api, 'get', '/api/v1/providers/{id}');
    expect(documentedKeys(schema)).toEqual(['id', 'name', 'ofstedUrn', 'sector']);
    expect(schema.required).toEqual(['id', 'name', 'sector']);
  });
});
