import { randomUUID } from 'node:crypto';
import { readOfstedProviders } from '@app/reference-data';
import {
  bearer,
  createOrganisations,
  createOtherAllianceCommissioner,
  createSetting,
  Organisations,
  referralBody,
  startTestApi,
  TestApi,
} from './support/test-api';

/** The fields a 400 names, each once (a field can break several rules). */
const fieldsOf = (body: { details?: { field: string }[] }) => [...new Set((body.details ?? []).map((d) => d.field))];
const MISSING = '00000000-0000-4000-8000-000000000000';
const EALING = 'E09000009';
const BRENT = 'E09000005';
const HOUNSLOW = 'E09000018';

describe('alliances and providers for admins (e2e)', () => {
  let api: TestApi;
  let orgs: Organisations;
  let otherCommissioner: string;
  let adminId: string;
  /** Registrations on the Ofsted register the product ships, none linked to anything yet. */
  let urns: string[];

  beforeAll(async () => {
    api = await startTestApi();
    orgs = await createOrganisations(api);
    otherCommissioner = await createOtherAllianceCommissioner(api, 'commissioner.north@e2e.test');
    adminId = (await api.http().get('/api/v1/auth/me').set(bearer(orgs.admin)).expect(200)).body.id;
    urns = readOfstedProviders()
      .slice(0, 4)
      .map((record) => record.urn);
  });
  afterAll(() => api.close());

  const get = (path: string, token?: string) => {
    const call = api.http().get(`/api/v1${path}`);
    return token ? call.set(bearer(token)) : call;
  };
  const patch = (path: string, body: object, token?: string) => {
    const call = api.http().patch(`/api/v1${path}`).send(body);
    return token ? call.set(bearer(token)) : call;
  };
  const auditOf = async (entityId: string) =>
    (await get(`/audit?userId=${adminId}&limit=200`, orgs.admin).expect(200)).body.items.filter(
      (entry: { entityId: string }) => entry.entityId === entityId,
    );

  describe('alliances', () => {
    it('answers 401 without a token and 403 to roles that do not commission', async () => {
      await get('/alliances').expect(401);
      await get(`/alliances/${orgs.allianceId}`).expect(401);
      await patch(`/alliances/${orgs.allianceId}`, { name: 'x' }).expect(401);
      for (const token of [orgs.ealing, orgs.providerA.token]) {
        await get('/alliances', token).expect(403);
        await get(`/alliances/${orgs.allianceId}`, token).expect(403);
        await patch(`/alliances/${orgs.allianceId}`, { name: 'x' }, token).expect(403);
      }
      await patch(`/alliances/${orgs.allianceId}`, { name: 'x' }, orgs.commissioner).expect(403);
    });

    it('lists every alliance for an admin and only its own for a commissioner, with members named', async () => {
      const all = await get('/alliances', orgs.admin).expect(200);
      expect(all.body.total).toBe(2);
      const west = all.body.items.find((a: { id: string }) => a.id === orgs.allianceId);
      expect(west).toEqual({
        id: orgs.allianceId,
        name: 'West London Alliance',
        localAuthorityCodes: [BRENT, EALING],
        localAuthorities: [
          { code: BRENT, name: 'Brent', region: 'London' },
          { code: EALING, name: 'Ealing', region: 'London' },
        ],
        memberCount: 2,
      });
      const own = await get('/alliances', orgs.commissioner).expect(200);
      expect(own.body).toEqual({ items: [west], total: 1 });
      expect((await get('/alliances?limit=1&offset=1', orgs.admin).expect(200)).body).toMatchObject({ total: 2, items: [all.body.items[1]] });
    });

    it("reads one alliance for an admin and its own commissioner; another alliance's commissioner gets 404", async () => {
      expect((await get(`/alliances/${orgs.allianceId}`, orgs.admin).expect(200)).body).toMatchObject({ memberCount: 2 });
      expect((await get(`/alliances/${orgs.allianceId}`, orgs.commissioner).expect(200)).body.name).toBe('West London Alliance');
      await get(`/alliances/${orgs.allianceId}`, otherCommissioner).expect(404);
      await get(`/alliances/${MISSING}`, orgs.admin).expect(404);
      expect(fieldsOf((await get('/alliances/nope', orgs.admin).expect(400)).body)).toEqual(['id']);
    });

    it('renames an alliance and changes its members in one audited change, re-matching the referrals of LAs that left or joined', async () => {
      const created = (
        await api.http().post('/api/v1/alliances').set(bearer(orgs.admin)).send({ name: 'Outer West', localAuthorityCodes: [EALING] }).expect(201)
      ).body;
      // One referral awaits a match in Ealing, which is about to leave.
      await api.http().post('/api/v1/referrals').set(bearer(orgs.ealing)).set('Idempotency-Key', randomUUID()).send(referralBody()).expect(202);
      const changed = await patch(`/alliances/${created.id}`, { name: '  Outer West London  ', localAuthorityCodes: [HOUNSLOW, BRENT] }, orgs.admin).expect(200);
      expect(changed.body).toMatchObject({
        id: created.id,
        name: 'Outer West London',
        localAuthorityCodes: [BRENT, HOUNSLOW],
        memberCount: 2,
        rematched: 1,
      });
      expect(changed.body.localAuthorities.map((la: { name: string }) => la.name)).toEqual(['Brent', 'Hounslow']);

      const renamedOnly = await patch(`/alliances/${created.id}`, { name: 'Outer West London Partnership' }, orgs.admin).expect(200);
      expect(renamedOnly.body).toMatchObject({ localAuthorityCodes: [BRENT, HOUNSLOW], rematched: 0 });
      const { rematched, ...read } = renamedOnly.body;
      expect(rematched).toBe(0);
      expect((await get(`/alliances/${created.id}`, orgs.admin).expect(200)).body).toEqual(read);

      const audit = await auditOf(created.id);
      expect(audit).toHaveLength(2);
      expect(audit[0]).toMatchObject({ action: 'update_alliance', entityType: 'alliance', role: 'admin', organisation: 'platform', referralId: null });
    });

    it('answers 400 naming the field, 404 for no such alliance and 409 for a name in use, changing nothing', async () => {
      const id = orgs.allianceId;
      const bad = async (body: object) => fieldsOf((await patch(`/alliances/${id}`, body, orgs.admin).expect(400)).body);
      expect(await bad({ localAuthorityCodes: ['E09999999'] })).toEqual(['localAuthorityCodes']);
      expect(await bad({ localAuthorityCodes: ['Ealing'] })).toEqual(['localAuthorityCodes']);
      expect(await bad({ localAuthorityCodes: [] })).toEqual(['localAuthorityCodes']);
      expect(await bad({ localAuthorityCodes: [EALING, EALING] })).toEqual(['localAuthorityCodes']);
      expect(await bad({ localAuthorityCodes: null })).toEqual(['localAuthorityCodes']);
      expect(await bad({ name: '   ' })).toEqual(['name']);
      expect(await bad({ name: 7 })).toEqual(['name']);
      expect(await bad({ matchingWeights: {} })).toEqual(['matchingWeights']);
      await patch(`/alliances/${MISSING}`, { name: 'Nowhere' }, orgs.admin).expect(404);
      const other = (await get('/alliances', otherCommissioner).expect(200)).body.items[0];
      const conflict = await patch(`/alliances/${id}`, { name: other.name, localAuthorityCodes: [EALING] }, orgs.admin).expect(409);
      expect(conflict.body.message).toBe('An alliance with this name already exists');
      expect((await get(`/alliances/${id}`, orgs.admin).expect(200)).body).toMatchObject({
        name: 'West London Alliance',
        localAuthorityCodes: [BRENT, EALING],
      });
      expect(await auditOf(id)).toEqual([]);
    });
  });

  describe('providers', () => {
    it('answers 401 without a token and 403 to roles that may not list or change providers', async () => {
      await get('/providers').expect(401);
      await patch(`/providers/${orgs.providerA.id}`, { name: 'x' }).expect(401);
      for (const token of [orgs.ealing, orgs.providerA.token]) await get('/providers', token).expect(403);
      for (const token of [orgs.ealing, orgs.providerA.token, orgs.commissioner]) {
        await patch(`/providers/${orgs.providerA.id}`, { ofstedUrn: urns[0] }, token).expect(403);
      }
    });

    it('lists providers by name, a page at a time, searchable by name or Ofsted URN, with settings counted', async () => {
      await createSetting(api, orgs.providerA, { name: 'Oakfield House', ofstedUrn: urns[3].toLowerCase() });
      await createSetting(api, orgs.providerA, { name: 'Oakfield Lodge' });
      const all = await get('/providers', orgs.admin).expect(200);
      expect(all.body.total).toBe(2);
      expect(all.body.items.map((p: { name: string }) => p.name)).toEqual(['Birchwood Homes', 'Oakfield Care']);
      expect(all.body.items[1]).toMatchObject({ id: orgs.providerA.id, sector: 'private', settingCount: 2, ofstedUrns: [urns[3]] });
      expect(all.body.items[0]).toMatchObject({ settingCount: 0, ofstedUrns: [] });
      expect((await get('/providers', orgs.commissioner).expect(200)).body.total).toBe(2);

      const byName = await get('/providers?search=birch', orgs.admin).expect(200);
      expect(byName.body).toMatchObject({ total: 1, items: [{ id: orgs.providerB.id }] });
      const bySettingUrn = await get(`/providers?search=${urns[3].toLowerCase()}`, orgs.admin).expect(200);
      expect(bySettingUrn.body).toMatchObject({ total: 1, items: [{ id: orgs.providerA.id }] });
      expect((await get('/providers?search=%25', orgs.admin).expect(200)).body.total).toBe(0);
      const page = await get('/providers?limit=1&offset=1', orgs.admin).expect(200);
      expect(page.body).toMatchObject({ total: 2, items: [{ id: orgs.providerA.id }] });
      expect(fieldsOf((await get('/providers?limit=0&offset=-1', orgs.admin).expect(400)).body)).toEqual(
        expect.arrayContaining(['limit', 'offset']),
      );
    });

    it('links an Ofsted URN on the register, upper-cased and audited; the provider reads as before', async () => {
      const linked = await patch(`/providers/${orgs.providerB.id}`, { ofstedUrn: urns[0].toLowerCase() }, orgs.admin).expect(200);
      expect(linked.body).toMatchObject({ id: orgs.providerB.id, name: 'Birchwood Homes', ofstedUrn: urns[0], ofstedUrns: [urns[0]] });
      expect((await get(`/providers/${orgs.providerB.id}`, orgs.ealing).expect(200)).body).toEqual({
        id: orgs.providerB.id,
        name: 'Birchwood Homes',
        sector: 'voluntary',
        ofstedUrn: urns[0],
      });
      expect((await get(`/providers?search=${urns[0]}`, orgs.admin).expect(200)).body.items.map((p: { id: string }) => p.id)).toEqual([
        orgs.providerB.id,
      ]);
      const renamed = await patch(`/providers/${orgs.providerB.id}`, { name: 'Birchwood Homes Ltd' }, orgs.admin).expect(200);
      expect(renamed.body).toMatchObject({ name: 'Birchwood Homes Ltd', ofstedUrn: urns[0] });
      expect(await auditOf(orgs.providerB.id)).toEqual([
        expect.objectContaining({ action: 'update_provider', entityType: 'provider' }),
        expect.objectContaining({ action: 'update_provider', entityType: 'provider' }),
      ]);

      const unlinked = await patch(`/providers/${orgs.providerB.id}`, { ofstedUrn: null, name: 'Birchwood Homes' }, orgs.admin).expect(200);
      expect(unlinked.body.ofstedUrn).toBeUndefined();
      expect(unlinked.body.ofstedUrns).toEqual([]);
    });

    it('answers 400 naming the field, 404 for no such provider and 409 for a URN another provider holds', async () => {
      const id = orgs.providerB.id;
      const bad = async (body: object) => fieldsOf((await patch(`/providers/${id}`, body, orgs.admin).expect(400)).body);
      const unknown = await patch(`/providers/${id}`, { ofstedUrn: 'SC000000' }, orgs.admin).expect(400);
      expect(unknown.body.details).toEqual([{ field: 'ofstedUrn', problem: "is not on Ofsted's register of children's social care providers" }]);
      expect(await bad({ ofstedUrn: 'SC-1' })).toEqual(['ofstedUrn']);
      expect(await bad({ ofstedUrn: 123456 })).toEqual(['ofstedUrn']);
      expect(await bad({ name: '' })).toEqual(['name']);
      expect(await bad({ sector: 'private' })).toEqual(['sector']);
      expect(fieldsOf((await patch('/providers/nope', { name: 'x' }, orgs.admin).expect(400)).body)).toEqual(['id']);
      await patch(`/providers/${MISSING}`, { ofstedUrn: urns[1] }, orgs.admin).expect(404);

      await patch(`/providers/${orgs.providerA.id}`, { ofstedUrn: urns[1] }, orgs.admin).expect(200);
      const held = await patch(`/providers/${id}`, { ofstedUrn: urns[1] }, orgs.admin).expect(409);
      expect(held.body.message).toBe('Another provider already holds this Ofsted URN');
      // Provider A's home is registered under urns[3] (the test above).
      await patch(`/providers/${id}`, { ofstedUrn: urns[3] }, orgs.admin).expect(409);
      // A provider may take the URN its own settings carry.
      await patch(`/providers/${orgs.providerA.id}`, { ofstedUrn: urns[3] }, orgs.admin).expect(200);
      expect((await get(`/providers/${id}`, orgs.admin).expect(200)).body.ofstedUrn).toBeUndefined();
    });

    it('serialises two links of the same URN: one provider gets it, the other 409', async () => {
      const answers = await Promise.all(
        [orgs.providerA.id, orgs.providerB.id].map((id) => patch(`/providers/${id}`, { ofstedUrn: urns[2] }, orgs.admin)),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const holders = (await get(`/providers?search=${urns[2]}`, orgs.admin).expect(200)).body;
      expect(holders.total).toBe(1);
    });
  });
});
