import type { DataSource } from 'typeorm';
import type { RankedMatch, ReferralStatus } from '@app/domain';
import { buildReferral, insertAlliance, insertProvider, insertSetting, insertUser, insertVacancy, openTestDatabase, OpenTestDatabase } from '@app/testing';
import type { VacancyEntity } from '../entities';
import { MatchingRepository } from './matching.repository';
import { RecipientRepository, RecipientView } from './recipient.repository';
import { OrganisationRepository } from './organisation.repository';
import { ReferralRepository, type NewReferral } from './referral.repository';

const EALING = 'E09000009';
const BRENT = 'E09000005';
const FIRST_MATCH: ReferralStatus[] = ['submitted'];
const REMATCH: ReferralStatus[] = ['shortlisted', 'no_match'];

/**
 * Who a referral is sent to, against Postgres: matching's automatic sends of each shortlist to its
 * top providers (the alliance's number, 5 without one), the placement team's own sends, and an
 * emergency's alerts to those sent it only. Shortlists are written as given, so every rank is known.
 */
describe('RecipientRepository and matching’s sends', () => {
  let database: OpenTestDatabase;
  let db: DataSource;
  let matching: MatchingRepository;
  let recipients: RecipientRepository;
  let officerId: string;
  let ealingAlliance: string;
  /** Seven providers, A to G; A has three vacancies, the others one each. */
  const provider: Record<string, { id: string; vacancies: VacancyEntity[] }> = {};

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.dataSource;
    matching = new MatchingRepository(db);
    recipients = new RecipientRepository(db);
    officerId = (await insertUser(db)).id;
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F', 'G']) {
      const { id } = await insertProvider(db, { name: `Provider ${name}` });
      const setting = await insertSetting(db, id);
      const vacancies = [];
      for (let i = 0; i < (name === 'A' ? 3 : 1); i += 1) vacancies.push(await insertVacancy(db, setting, { emergencyReady: true }));
      provider[name] = { id, vacancies };
    }
    // Ealing's alliance sets its own number in each test; Brent is in none.
    ealingAlliance = (await insertAlliance(db, { localAuthorityCodes: [EALING] })).id;
  });

  afterAll(async () => {
    await database?.close();
  });

  /** A shortlist, best first, of the vacancies named as provider and index: `A0`, `B0`... */
  function shortlist(...places: string[]): RankedMatch[] {
    return places.map((place, index) => {
      const vacancy = provider[place[0]].vacancies[Number(place.slice(1))];
      return {
        rank: index + 1,
        vacancyId: vacancy.id,
        settingId: vacancy.settingId,
        providerId: vacancy.providerId,
        score: 90 - index,
        distanceMiles: 1 + index,
        weeklyCost: 5_000,
        breakdown: { needs: 35, proximity: 25, quality: 20 - index, continuity: 5, cost: 5 },
      };
    });
  }

  const vacancyId = (place: string) => provider[place[0]].vacancies[Number(place.slice(1))].id;

  async function submit(overrides: Partial<NewReferral> = {}): Promise<string> {
    const intake = await new ReferralRepository(db).submit(buildReferral(officerId, overrides));
    if (intake.outcome === 'key_reused') throw new Error('idempotency key reused');
    return intake.referral.id;
  }

  const run = (referralId: string, from: ReferralStatus[], matches: RankedMatch[]) =>
    matching.run(referralId, from, () => ({ matches, exclusions: [] }), true);

  /** The sends of the referral, keyed by provider name. */
  async function sent(referralId: string, la = EALING): Promise<Record<string, RecipientView>> {
    const items = (await recipients.list(referralId, la)) ?? [];
    const nameOf = new Map(Object.entries(provider).map(([name, p]) => [p.id, name]));
    return Object.fromEntries(items.map((item) => [nameOf.get(item.providerId)!, item]));
  }

  async function setAllianceNumber(n: number): Promise<void> {
    await new OrganisationRepository(db).setAutoSendTopProviders(ealingAlliance, n);
  }

  it('sends a first shortlist to its top five distinct providers when the LA is in no alliance', async () => {
    const referralId = await submit({ localAuthorityCode: BRENT });
    const result = await run(referralId, FIRST_MATCH, shortlist('A0', 'A1', 'B0', 'C0', 'A2', 'D0', 'E0', 'F0'));
    expect(result).toMatchObject({ outcome: 'matched', status: 'shortlisted', sent: 5 });
    const sends = await sent(referralId, BRENT);
    expect(Object.keys(sends).sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
    // A's three places on the shortlist, best first; the others' one each, at their rank.
    expect(sends.A).toMatchObject({ providerName: 'Provider A', vacancyIds: [vacancyId('A0'), vacancyId('A1'), vacancyId('A2')], bestRank: 1, sentBy: null });
    expect([sends.B.bestRank, sends.C.bestRank, sends.D.bestRank, sends.E.bestRank]).toEqual([3, 4, 6, 7]);
    expect(sends.E.vacancyIds).toEqual([vacancyId('E0')]);
    expect(sends.A.sentAt).toEqual(expect.any(Date));
    // Another LA's officer sees no such referral.
    expect(await recipients.list(referralId, EALING)).toBeNull();
  });

  it("follows the alliance's number, and a re-match sends to a provider it brings into the top few, keeping every earlier send", async () => {
    await setAllianceNumber(2);
    const referralId = await submit();
    expect(await run(referralId, FIRST_MATCH, shortlist('B0', 'A0', 'C0', 'D0'))).toMatchObject({ sent: 2 });
    const first = await sent(referralId);
    expect(Object.keys(first).sort()).toEqual(['A', 'B']);

    // B's bed goes and C moves up: C is sent it; B's send stands, as does A's (its first record).
    expect(await run(referralId, REMATCH, shortlist('A0', 'C0', 'D0'))).toMatchObject({ status: 'shortlisted', sent: 1 });
    const second = await sent(referralId);
    expect(Object.keys(second).sort()).toEqual(['A', 'B', 'C']);
    expect(second.A).toEqual(first.A);
    expect(second.B).toEqual(first.B);
    expect(second.C).toMatchObject({ bestRank: 2, vacancyIds: [vacancyId('C0')], sentBy: null });
    expect(second.C.sentAt.getTime()).toBeGreaterThanOrEqual(first.A.sentAt.getTime());

    // The same shortlist again, or a re-match that empties it: nothing more is sent, nothing taken back.
    expect(await run(referralId, REMATCH, shortlist('A0', 'C0', 'D0'))).toMatchObject({ sent: 0 });
    expect(await run(referralId, REMATCH, [])).toMatchObject({ status: 'no_match', sent: 0 });
    expect(await sent(referralId)).toEqual(second);
  });

  it('writes nothing twice when a first match is redelivered', async () => {
    await setAllianceNumber(3);
    const referralId = await submit();
    await run(referralId, FIRST_MATCH, shortlist('A0', 'B0', 'C0', 'D0'));
    const before = await sent(referralId);
    expect(await run(referralId, FIRST_MATCH, shortlist('D0', 'E0', 'F0'))).toEqual({ outcome: 'not_claimable' });
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM referral_recipients WHERE referral_id = $1`, [referralId]);
    expect(n).toBe(3);
    expect(await sent(referralId)).toEqual(before);
  });

  it('sends nothing by itself when the alliance says 0; the officer sends to providers on the shortlist, each once', async () => {
    await setAllianceNumber(0);
    const referralId = await submit();
    expect(await run(referralId, FIRST_MATCH, shortlist('A0', 'B0', 'C0', 'A1'))).toMatchObject({ status: 'shortlisted', sent: 0 });
    expect(await recipients.list(referralId, EALING)).toEqual([]);

    const send = (names: string[], la = EALING) =>
      recipients.send(referralId, la, { providerIds: names.map((name) => provider[name]?.id ?? name), userId: officerId });
    const first = await send(['C']);
    expect(first).toMatchObject({ outcome: 'sent', sent: [provider.C.id], alerts: 0 });
    expect(first.outcome === 'sent' && first.items).toEqual([
      expect.objectContaining({ providerId: provider.C.id, vacancyIds: [vacancyId('C0')], bestRank: 3, sentBy: { userId: officerId, name: expect.any(String) } }),
    ]);
    // Again, with another: only the other is new; C keeps its first send.
    const second = await send(['A', 'C']);
    expect(second).toMatchObject({ outcome: 'sent', sent: [provider.A.id] });
    const sends = await sent(referralId);
    expect(sends.A).toMatchObject({ vacancyIds: [vacancyId('A0'), vacancyId('A1')], bestRank: 1 });
    expect(sends.C).toEqual(first.outcome === 'sent' && first.items[0]);
    // A provider with no vacancy on the shortlist, alongside one with: nothing is sent.
    expect(await send(['B', 'D'])).toEqual({ outcome: 'not_on_shortlist', providerIds: [provider.D.id] });
    expect(Object.keys(await sent(referralId)).sort()).toEqual(['A', 'C']);
    // Another LA's referral is not found; once withdrawn, nothing more is sent.
    expect(await send(['B'], BRENT)).toEqual({ outcome: 'not_found' });
    await db.query(`UPDATE referrals SET status = 'withdrawn' WHERE id = $1`, [referralId]);
    expect(await send(['B'])).toEqual({ outcome: 'not_shortlisted', status: 'withdrawn' });
  });

  it('alerts, for an emergency, only the providers it was sent to, and the officer’s sends add theirs', async () => {
    await setAllianceNumber(1);
    for (const name of ['A', 'B']) {
      await db.query(`INSERT INTO provider_webhooks (provider_id, url, secret) VALUES ($1, 'https://example.test/hook', 'secret') ON CONFLICT DO NOTHING`, [
        provider[name].id,
      ]);
    }
    const referralId = await submit({ urgency: 'emergency' });
    const alerted = async () =>
      (
        await db.query(`SELECT vacancy_id FROM provider_notifications WHERE referral_id = $1 ORDER BY vacancy_id`, [referralId])
      ).map((row: { vacancy_id: string }) => row.vacancy_id);
    const deliveries = async () =>
      (
        await db.query(
          `SELECT count(*)::int AS n FROM outbox o JOIN provider_notifications n ON n.id = (o.payload->>'notificationId')::uuid WHERE n.referral_id = $1`,
          [referralId],
        )
      )[0].n;

    expect(await run(referralId, FIRST_MATCH, shortlist('A0', 'B0', 'A1', 'C0'))).toMatchObject({ sent: 1, alerts: 2 });
    expect(await alerted()).toEqual([vacancyId('A0'), vacancyId('A1')].sort());
    // A re-match bringing another of A's vacancies alerts it alone; B, not sent, hears nothing.
    expect(await run(referralId, REMATCH, shortlist('A0', 'B0', 'A1', 'A2'))).toMatchObject({ sent: 0, alerts: 1 });
    expect(await alerted()).toEqual([vacancyId('A0'), vacancyId('A1'), vacancyId('A2')].sort());

    const result = await recipients.send(referralId, EALING, { providerIds: [provider.B.id], userId: officerId });
    expect(result).toMatchObject({ outcome: 'sent', sent: [provider.B.id], alerts: 1 });
    expect(await alerted()).toEqual([vacancyId('A0'), vacancyId('A1'), vacancyId('A2'), vacancyId('B0')].sort());
    expect(await recipients.send(referralId, EALING, { providerIds: [provider.B.id], userId: officerId })).toMatchObject({
      sent: [],
      alerts: 0,
    });
    expect(await deliveries()).toBe(4);
  });

  it('never rewrites or deletes a send', async () => {
    const [{ referral_id: referralId }] = await db.query(`SELECT referral_id FROM referral_recipients LIMIT 1`);
    for (const statement of [
      `UPDATE referral_recipients SET best_rank = 9 WHERE referral_id = '${referralId}'`,
      `DELETE FROM referral_recipients WHERE referral_id = '${referralId}'`,
      `TRUNCATE referral_recipients`,
    ]) {
      await expect(db.query(statement)).rejects.toThrow(/referral_recipients is append-only/);
    }
  });
});
