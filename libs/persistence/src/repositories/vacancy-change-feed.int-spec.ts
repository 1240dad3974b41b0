import type { DataSource } from 'typeorm';
import { buildReferral, insertProvider, insertSetting, insertUser, insertVacancy, impatientSessions, openTestDatabase, OpenTestDatabase } from '@app/testing';
import type { CandidateSource, VacancyChangeBatch } from './candidate-source';
import { MatchingRepository } from './matching.repository';
import { VacancyFeedRepository } from './vacancy-feed.repository';
import { ReferralRepository } from './referral.repository';


/**
 * The feed workers keep their vacancy index current from, with several api and worker processes
 * writing vacancies at once: no write waits for another vacancy's, and no change is ever missed.
 */
describe('MatchingRepository: vacancy change feed', () => {
  let database: OpenTestDatabase;
  let db: DataSource;
  let repository: MatchingRepository;
  let feed: VacancyFeedRepository;
  let officerId: string;
  let first: string;
  let second: string;
  const sessions = impatientSessions(() => database.url);

  /** Reads the changes since `cursor` inside a matching transaction, as a worker does. */
  async function changesSince(cursor: string): Promise<VacancyChangeBatch> {
    const intake = await new ReferralRepository(db).submit(buildReferral(officerId));
    if (intake.outcome === 'key_reused') throw new Error('idempotency key reused');
    let batch: VacancyChangeBatch | undefined;
    await repository.run(intake.referral.id, ['submitted'], async (_claimed, source: CandidateSource) => {
      batch = await source.changesSince(cursor);
      return { matches: [], exclusions: [] };
    });
    return batch!;
  }

  const bedsOf = (batch: VacancyChangeBatch, id: string) => batch.vacancies.filter((c) => c.vacancy.id === id).map((c) => c.vacancy.beds);

  beforeAll(async () => {
    database = await openTestDatabase();
    db = database.dataSource;
    repository = new MatchingRepository(db);
    feed = new VacancyFeedRepository(db);
    officerId = (await insertUser(db)).id;
    const setting = await insertSetting(db, (await insertProvider(db)).id);
    first = (await insertVacancy(db, setting)).id;
    second = (await insertVacancy(db, setting)).id;
  });

  afterEach(async () => {
    await sessions.endAll();
  });

  afterAll(async () => {
    await database?.close();
  });

  it('lets two transactions write different vacancies at once', async () => {
    const long = await sessions.open();
    await long.query('BEGIN');
    await long.query(`UPDATE vacancies SET beds = 3 WHERE id = $1`, [first]);
    const other = await sessions.open();
    // With a platform-wide lock this would wait for the first transaction and time out.
    await expect(other.query(`UPDATE vacancies SET beds = 3 WHERE id = $1`, [second])).resolves.toMatchObject({ rowCount: 1 });
    await long.query('COMMIT');
  });

  it('reads a change committed after a later-numbered one the reader already saw', async () => {
    const start = await feed.loadOpenVacancies(100, () => undefined);
    const long = await sessions.open();
    await long.query('BEGIN');
    await long.query(`UPDATE vacancies SET beds = 4 WHERE id = $1`, [first]);
    const other = await sessions.open();
    await other.query(`UPDATE vacancies SET beds = 4 WHERE id = $1`, [second]);

    const before = await changesSince(start);
    expect(bedsOf(before, second)).toEqual([4]);
    // The first vacancy's uncommitted change is not visible; at most its previous version is.
    expect(bedsOf(before, first)).not.toContain(4);

    await long.query('COMMIT');
    const after = await changesSince(before.cursor);
    expect(bedsOf(after, first)).toEqual([4]);
    // Numbered before the change the reader already saw: a reader carrying on from the highest
    // number seen would have skipped it for good.
    const seqOf = (batch: VacancyChangeBatch, id: string) => BigInt(batch.vacancies.find((c) => c.vacancy.id === id)!.changeSeq);
    expect(seqOf(after, first)).toBeLessThan(seqOf(before, second));
  });

  it('carries the horizon forward even when nothing changed', async () => {
    const start = await feed.loadOpenVacancies(100, () => undefined);
    const batch = await changesSince(start);
    expect(BigInt(batch.cursor)).toBeGreaterThanOrEqual(BigInt(start));
    const again = await changesSince(batch.cursor);
    expect(BigInt(again.cursor)).toBeGreaterThanOrEqual(BigInt(batch.cursor));
  });
});
