import { insertProvider, insertSetting, insertVacancy, openTestDatabase, OpenTestDatabase } from '@app/testing';
import type { SettingEntity } from '../entities';
import { VacancyChanges, VacancyRepository, VacancyUpdateResult } from './vacancy.repository';

/** The optimistic-concurrency contract the api's 409/412 answers rest on. */
describe('VacancyRepository.update', () => {
  let database: OpenTestDatabase;
  let vacancies: VacancyRepository;
  let setting: SettingEntity;

  beforeAll(async () => {
    // Enough connections for the concurrent writers to really run side by side.
    database = await openTestDatabase({ poolSize: 12 });
    vacancies = new VacancyRepository(database.dataSource);
    const provider = await insertProvider(database.dataSource);
    setting = await insertSetting(database.dataSource, provider.id);
  });

  afterAll(async () => {
    await database?.close();
  });

  const update = (id: string, version: number, changes: VacancyChanges) => vacancies.update(id, version, changes);
  const withdraw = (id: string) => vacancies.withdraw(id);
  const changeMessages = async (vacancyId: string): Promise<number> => {
    const [row] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE job_name = 'vacancies-changed' AND payload->'vacancyIds' ? $1`,
      [vacancyId],
    );
    return row.n;
  };

  const newVacancy = (beds = 2) => insertVacancy(database.dataSource, setting, { beds, weeklyCost: 4_000 });

  async function waitForLockWaiters(count: number): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const [row] = await database.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (row.n >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`fewer than ${count} sessions ever waited for the row lock`);
  }

  it('applies the changes and bumps the version when the version matches', async () => {
    const vacancy = await newVacancy();
    const result = await update(vacancy.id, 1, {
      weeklyCost: 4_500,
      emergencyReady: true,
      availableUntil: '2031-12-31',
      reservedFor: { localAuthorityCodes: ['E09000009'] },
    });
    expect(result).toMatchObject({
      outcome: 'updated',
      vacancy: {
        id: vacancy.id,
        version: 2,
        beds: 2,
        status: 'open',
        weeklyCost: 4_500,
        emergencyReady: true,
        availableUntil: '2031-12-31',
        reservedFor: { localAuthorityCodes: ['E09000009'] },
      },
    });
    expect(await vacancies.findById(vacancy.id)).toMatchObject({ version: 2, weeklyCost: 4_500 });
  });

  it('returns stale with the current version and changes nothing when the version is old', async () => {
    const vacancy = await newVacancy();
    await update(vacancy.id, 1, { weeklyCost: 4_100 });
    const before = await vacancies.findById(vacancy.id);

    const result = await update(vacancy.id, 1, { weeklyCost: 9_999, beds: 0 });

    expect(result).toEqual({ outcome: 'stale', currentVersion: 2 });
    expect(await vacancies.findById(vacancy.id)).toEqual(before);
  });

  it('lets exactly one of two concurrent writers with the same version win', async () => {
    const vacancy = await newVacancy();
    // Hold the row so that both writers are certainly inside their UPDATE before either proceeds.
    const blocker = database.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`SELECT 1 FROM vacancies WHERE id = $1 FOR UPDATE`, [vacancy.id]);
    const racing = Promise.all([
      update(vacancy.id, 1, { weeklyCost: 4_001 }),
      update(vacancy.id, 1, { weeklyCost: 4_002 }),
    ]);
    try {
      await waitForLockWaiters(2);
    } finally {
      await blocker.commitTransaction();
      await blocker.release();
    }
    const results = await racing;
    expect(outcomes(results)).toEqual(['stale', 'updated']);
    const winner = results.find((result) => result.outcome === 'updated');
    const stored = await vacancies.findById(vacancy.id);
    expect(stored).toMatchObject({ version: 2 });
    expect(winner).toMatchObject({ vacancy: { weeklyCost: stored?.weeklyCost } });
  });

  it('lets exactly one of ten concurrent writers with the same version win', async () => {
    const vacancy = await newVacancy();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => update(vacancy.id, 1, { weeklyCost: 5_000 + i })),
    );
    expect(outcomes(results).filter((outcome) => outcome === 'updated')).toHaveLength(1);
    expect(outcomes(results).filter((outcome) => outcome === 'stale')).toHaveLength(9);
    expect(results.filter((result) => result.outcome === 'stale')).toEqual(
      Array(9).fill({ outcome: 'stale', currentVersion: 2 }),
    );
    expect(await vacancies.findById(vacancy.id)).toMatchObject({ version: 2 });
  });

  it('marks a vacancy with no beds left filled, and reopens it when beds return', async () => {
    const vacancy = await newVacancy();
    expect(await update(vacancy.id, 1, { beds: 0 })).toMatchObject({
      outcome: 'updated',
      vacancy: { beds: 0, status: 'filled', version: 2 },
    });
    // A change that leaves beds alone keeps a filled vacancy filled.
    expect(await update(vacancy.id, 2, { weeklyCost: 4_200 })).toMatchObject({
      outcome: 'updated',
      vacancy: { beds: 0, status: 'filled', version: 3 },
    });
    expect(await update(vacancy.id, 3, { beds: 1 })).toMatchObject({
      outcome: 'updated',
      vacancy: { beds: 1, status: 'open', version: 4 },
    });
  });

  it('creates a vacancy with no beds as filled', async () => {
    const created = await vacancies.create({
      settingId: setting.id,
      providerId: setting.providerId,
      beds: 0,
      availableFrom: '2030-01-01',
      availableUntil: null,
      weeklyCost: 4_000,
      emergencyReady: false,
      reservedFor: null,
    });
    expect(created).toMatchObject({ status: 'filled', version: 1, beds: 0, availableFrom: '2030-01-01' });
  });

  it('refuses to update a withdrawn vacancy, whatever the version', async () => {
    const vacancy = await newVacancy();
    const withdrawn = await withdraw(vacancy.id);
    expect(withdrawn).toMatchObject({ status: 'withdrawn', version: 2 });

    expect(await update(vacancy.id, 2, { beds: 3 })).toEqual({ outcome: 'withdrawn' });
    expect(await update(vacancy.id, 1, { beds: 3 })).toEqual({ outcome: 'withdrawn' });
    expect(await vacancies.findById(vacancy.id)).toEqual(withdrawn);
  });

  it('withdraws only once: a second withdrawal changes nothing', async () => {
    const vacancy = await newVacancy();
    const first = await withdraw(vacancy.id);
    expect(await withdraw(vacancy.id)).toEqual(first);
  });

  it('answers not_found for an unknown id', async () => {
    expect(await update('00000000-0000-4000-8000-000000000000', 1, { beds: 1 })).toEqual({
      outcome: 'not_found',
    });
  });

  it('publishes one re-ranking message with each change that lands, and none for one that does not', async () => {
    const vacancy = await newVacancy();
    await update(vacancy.id, 1, { weeklyCost: 4_100 });
    await update(vacancy.id, 1, { weeklyCost: 4_200 });
    expect(await changeMessages(vacancy.id)).toBe(1);
    await withdraw(vacancy.id);
    await withdraw(vacancy.id);
    expect(await changeMessages(vacancy.id)).toBe(2);
  });

  it("copies the setting's matching fields onto its vacancies, and keeps them in step", async () => {
    const vacancy = await newVacancy();
    const read = async () =>
      (
        await database.dataSource.query(
          `SELECT placement_type, age_min, age_max, latitude, ofsted_grade FROM vacancies WHERE id = $1`,
          [vacancy.id],
        )
      )[0];
    expect(await read()).toEqual({
      placement_type: setting.placementType,
      age_min: setting.ageMin,
      age_max: setting.ageMax,
      latitude: setting.latitude,
      ofsted_grade: setting.ofstedGrade,
    });
    await database.dataSource.query(`UPDATE settings SET age_min = 5, ofsted_grade = 'outstanding' WHERE id = $1`, [setting.id]);
    expect(await read()).toMatchObject({ age_min: 5, ofsted_grade: 'outstanding' });
  });
});

function outcomes(results: VacancyUpdateResult[]): string[] {
  return results.map((result) => result.outcome).sort();
}
