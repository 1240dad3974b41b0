import type { Environment } from '@app/config';
import { addCalendarDays, REMATCHABLE, todayInEngland } from '@app/domain';
import {
  DayTurnRepository,
  MatchingRepository,
  OutboxSignal,
  ReferralRepository,
  StoredMatchesRepository,
  VacancyFeedRepository,
  VacancyRepository,
} from '@app/persistence';
import type { NewReferral } from '@app/persistence';
import { createRedisConnection, Queues } from '@app/queue';
import { JobName, QueueName } from '@app/jobs';
import {
  buildReferral,
  deleteRedisKeys,
  insertProvider,
  insertSetting,
  insertUser,
  insertVacancy,
  openTestDatabase,
  OpenTestDatabase,
  resolveTestSettings,
  testRedisPrefix,
} from '@app/testing';
import { DayTurnService } from './day-turn';
import { VacanciesChangedHandler } from './matching.handlers';
import { MatchingService } from './matching.service';
import { VacancyCache } from './vacancy-cache';

const EALING = 'E09000009';

/**
 * Time passing re-matches, against real Postgres and Redis: the day's turn and a bed opening queue
 * re-match jobs, which this test then runs itself, as a worker would.
 */
describe('re-matching as time passes (integration)', () => {
  let database: OpenTestDatabase;
  const redis = createRedisConnection(resolveTestSettings().redisUrl);
  const prefix = testRedisPrefix();
  const env = { QUEUE_PREFIX: prefix, VACANCY_STALE_DAYS: 7 } as unknown as Environment;
  let queues: Queues;
  let repository: MatchingRepository;
  let vacancyFeed: VacancyFeedRepository;
  let storedMatches: StoredMatchesRepository;
  let dayTurn: DayTurnService;
  let referrals: ReferralRepository;
  let officerId: string;
  /** Matching from Postgres, and from a worker's in-memory index: both must agree. */
  let fromPostgres: MatchingService;
  let fromIndex: MatchingService;

  beforeAll(async () => {
    database = await openTestDatabase({ poolSize: 6 });
    queues = new Queues(redis.duplicate(), env);
    repository = new MatchingRepository(database.dataSource);
    vacancyFeed = new VacancyFeedRepository(database.dataSource);
    storedMatches = new StoredMatchesRepository(database.dataSource);
    const signal = new OutboxSignal(database.dataSource);
    // A cache that never loads: every match reads its candidates from Postgres.
    const neverLoaded = { fresh: async () => null } as unknown as VacancyCache;
    fromPostgres = new MatchingService(repository, neverLoaded, signal, env);
    const cache = new VacancyCache(vacancyFeed);
    await cache.startLoading();
    fromIndex = new MatchingService(repository, cache, signal, env);
    dayTurn = new DayTurnService(new DayTurnRepository(database.dataSource), vacancyFeed, queues, env);
    referrals = new ReferralRepository(database.dataSource);
    officerId = (await insertUser(database.dataSource)).id;
  });

  beforeEach(async () => {
    await database.dataSource.query(`UPDATE vacancies SET status = 'withdrawn'`);
    await database.dataSource.query(`UPDATE referrals SET status = 'withdrawn' WHERE status <> 'withdrawn'`);
    await database.dataSource.query(`DELETE FROM day_turns`);
  });

  afterAll(async () => {
    await queues?.onApplicationShutdown();
    await deleteRedisKeys(redis, prefix);
    redis.disconnect();
    await database?.close();
  });

  async function submit(overrides: Partial<NewReferral> = {}): Promise<string> {
    const result = await referrals.submit(buildReferral(officerId, overrides));
    if (result.outcome === 'key_reused') throw new Error('idempotency key reused');
    return result.referral.id;
  }

  const statusOf = async (id: string): Promise<string> =>
    (await database.dataSource.query(`SELECT status FROM referrals WHERE id = $1`, [id]))[0].status;
  const shortlistOf = async (id: string): Promise<string[]> =>
    ((await storedMatches.findMatches(id, EALING))?.items ?? []).map((item) => item.vacancyId);

  /** Runs every queued re-match (twice, as a redelivery would), then empties the queues; returns the referrals re-matched. */
  async function runQueuedRematches(matching: MatchingService): Promise<string[]> {
    const ids: string[] = [];
    for (const name of [QueueName.Matching, QueueName.Emergency]) {
      const jobs = await queues.get(name).getJobs(['waiting', 'prioritized', 'delayed']);
      for (const job of jobs.filter((j) => j.name === JobName.RematchReferral || j.name === JobName.RematchEmergency)) {
        ids.push(job.data.referralId);
        await matching.match(job.data.referralId, REMATCHABLE);
        await matching.match(job.data.referralId, REMATCHABLE);
      }
    }
    await deleteRedisKeys(redis, prefix);
    return ids.sort();
  }

  describe.each([
    ['from Postgres', () => fromPostgres],
    ['from the in-memory index', () => fromIndex],
  ])('matching %s', (_, matching) => {
    it('matches a referral to a vacancy once the day it is available from comes', async () => {
      const today = todayInEngland();
      const provider = await insertProvider(database.dataSource);
      const setting = await insertSetting(database.dataSource, provider.id);
      const vacancy = await insertVacancy(database.dataSource, setting, { availableFrom: addCalendarDays(today, 1) });
      const referralId = await submit({ requiredBy: today });
      await matching().match(referralId, ['submitted']);
      expect(await statusOf(referralId)).toBe('no_match');

      // A day passes: yesterday's "today" is handled, the vacancy is free from the new today, and
      // the referral's requiredBy has gone by. Nothing about either row changed that day.
      await database.dataSource.query(`INSERT INTO day_turns (day) VALUES ($1)`, [addCalendarDays(today, -1)]);
      await database.dataSource.query(`UPDATE vacancies SET available_from = available_from - 1 WHERE id = $1`, [vacancy.id]);
      await database.dataSource.query(`UPDATE referrals SET required_by = required_by - 1 WHERE id = $1`, [referralId]);
      expect(await runQueuedRematches(matching())).toEqual([]);
      expect(await statusOf(referralId)).toBe('no_match');

      expect(await dayTurn.turn(today)).toMatchObject({ day: today, vacancies: 1, rematched: 1 });
      expect(await runQueuedRematches(matching())).toEqual([referralId]);
      expect(await statusOf(referralId)).toBe('shortlisted');
      expect(await shortlistOf(referralId)).toEqual([vacancy.id]);

      // The job runs again (the hourly catch-up, or a redelivery): the day is done, nothing more is queued.
      expect(await dayTurn.turn(today)).toEqual({ day: today, skipped: 'already turned' });
      expect(await runQueuedRematches(matching())).toEqual([]);
    });

    it('re-matches an emergency without a match when the day turns', async () => {
      const today = todayInEngland();
      const provider = await insertProvider(database.dataSource);
      const setting = await insertSetting(database.dataSource, provider.id);
      const bed = await insertVacancy(database.dataSource, setting, { emergencyReady: true, availableFrom: addCalendarDays(today, 1) });
      const referralId = await submit({ urgency: 'emergency', requiredBy: today });
      await matching().match(referralId, ['submitted']);
      expect(await statusOf(referralId)).toBe('no_match');

      await database.dataSource.query(`UPDATE vacancies SET available_from = available_from - 1 WHERE id = $1`, [bed.id]);
      expect(await dayTurn.turn(today)).toMatchObject({ emergencies: 1 });
      expect(await runQueuedRematches(matching())).toEqual([referralId]);
      expect(await shortlistOf(referralId)).toEqual([bed.id]);
    });

    it('re-matches an emergency without a match when an emergency-ready bed opens', async () => {
      const provider = await insertProvider(database.dataSource);
      const setting = await insertSetting(database.dataSource, provider.id);
      await insertVacancy(database.dataSource, setting, { emergencyReady: false });
      const referralId = await submit({ urgency: 'emergency', requiredBy: todayInEngland() });
      await matching().match(referralId, ['submitted']);
      expect(await statusOf(referralId)).toBe('no_match');

      // The provider lists a bed ready tonight; its change fans out as the worker's handler does.
      const opened = await new VacancyRepository(database.dataSource).create(
        { settingId: setting.id, providerId: provider.id, beds: 1, availableFrom: todayInEngland(), availableUntil: null,
          weeklyCost: 5_000, emergencyReady: true, reservedFor: null },
      );
      await new VacanciesChangedHandler(vacancyFeed, queues).handle({ vacancyIds: [opened.id] });
      expect(await runQueuedRematches(matching())).toEqual([referralId]);
      expect(await statusOf(referralId)).toBe('shortlisted');
      expect(await shortlistOf(referralId)).toEqual([opened.id]);
    });

    it('ranks a stale vacancy below an otherwise equal fresh one, never takes it for an emergency, and a confirmation restores it', async () => {
      const provider = await insertProvider(database.dataSource);
      const setting = await insertSetting(database.dataSource, provider.id);
      // The stale one has the lower id, so the id tie-break alone would put it first.
      const suffix = crypto.randomUUID().slice(1);
      const longAgo = new Date(Date.now() - 8 * 86_400_000);
      const stale = await insertVacancy(database.dataSource, setting, { id: `0${suffix}`, emergencyReady: true, confirmedAt: longAgo });
      const fresh = await insertVacancy(database.dataSource, setting, { id: `f${suffix}`, emergencyReady: true });

      const routine = await submit();
      await matching().match(routine, ['submitted']);
      const [first, second] = (await storedMatches.findMatches(routine, EALING))!.items;
      expect([first.vacancyId, second.vacancyId]).toEqual([fresh.id, stale.id]);
      expect(first.score).toBe(second.score);

      const emergency = await submit({ urgency: 'emergency', requiredBy: todayInEngland() });
      await matching().match(emergency, ['submitted']);
      expect(await shortlistOf(emergency)).toEqual([fresh.id]);
      const excluded = (await storedMatches.findExclusions(emergency, EALING))!.items;
      expect(excluded).toEqual([expect.objectContaining({ vacancyId: stale.id, reasons: ['NOT_EMERGENCY_READY'] })]);

      // "Still available": the stale bed is fresh again, its change re-ranks both referrals.
      const confirmed = await new VacancyRepository(database.dataSource).confirm(stale.id, 7);
      expect(confirmed).toMatchObject({ outcome: 'confirmed', wasStale: true, vacancy: { daysSinceConfirmed: 0 } });
      await new VacanciesChangedHandler(vacancyFeed, queues).handle({ vacancyIds: [stale.id] });
      expect(await runQueuedRematches(matching())).toEqual([emergency, routine].sort());
      expect(await shortlistOf(emergency)).toEqual([stale.id, fresh.id]);
      expect(await shortlistOf(routine)).toEqual([stale.id, fresh.id]);
    });
  });
});
