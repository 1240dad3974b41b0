import { createTestDatabase, insertProvider, insertSetting, insertVacancy, TestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';
import { createDataSource, migrateAndLoadReferenceData } from '@app/persistence';
import { MIGRATIONS } from '../migrations';

/** Runs on every deploy (and built every test database's template), so it must be safe to repeat. */
describe('migrateAndLoadReferenceData', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    // A clone of the template is already migrated; start from an empty schema instead.
    database = await createTestDatabase();
    dataSource = createDataSource({ url: database.url, poolSize: 2 });
    await dataSource.initialize();
    await dataSource.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public`);
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  it('migrates an empty database and loads the reference data', async () => {
    const report = await migrateAndLoadReferenceData(dataSource);
    expect(report).toEqual({
      applied: MIGRATIONS.map((migration) => migration.name),
      localAuthorities: 153,
      postcodeDistricts: 2994,
      settingsGradedFromRegister: 0,
    });
  });

  it('applies nothing and changes no counts when run again', async () => {
    const report = await migrateAndLoadReferenceData(dataSource);
    expect(report).toEqual({ applied: [], localAuthorities: 153, postcodeDistricts: 2994, settingsGradedFromRegister: 0 });
  });

  it("gives settings already stored with a register URN the register's grade and date, down to their vacancies", async () => {
    const provider = await insertProvider(dataSource);
    // SC456532 is graded Inadequate on the shipped register (inspected 17 October 2023).
    const onRegister = await insertSetting(dataSource, provider.id, { ofstedUrn: 'sc456532', ofstedGrade: 'good' });
    const selfDeclared = await insertSetting(dataSource, provider.id, { ofstedUrn: null, ofstedGrade: 'outstanding' });
    const vacancy = await insertVacancy(dataSource, onRegister);

    expect((await migrateAndLoadReferenceData(dataSource)).settingsGradedFromRegister).toBe(1);
    const rows = await dataSource.query(
      `SELECT id, ofsted_grade AS grade, ofsted_grade_source AS source, to_char(ofsted_inspected_on, 'YYYY-MM-DD') AS "inspectedOn"
         FROM settings WHERE id = ANY($1) ORDER BY ofsted_grade_source`,
      [[onRegister.id, selfDeclared.id]],
    );
    expect(rows).toEqual([
      { id: onRegister.id, grade: 'inadequate', source: 'register', inspectedOn: '2023-10-17' },
      { id: selfDeclared.id, grade: 'outstanding', source: 'self-declared', inspectedOn: null },
    ]);
    const [copied] = await dataSource.query(`SELECT ofsted_grade AS grade FROM vacancies WHERE id = $1`, [vacancy.id]);
    expect(copied.grade).toBe('inadequate');
    expect((await migrateAndLoadReferenceData(dataSource)).settingsGradedFromRegister).toBe(0);
  });

  it('refreshes a reference row that was changed', async () => {
    await dataSource.query(`UPDATE local_authorities SET name = 'Somewhere Else' WHERE code = 'E09000009'`);
    await migrateAndLoadReferenceData(dataSource);
    const [ealing] = await dataSource.query(`SELECT name FROM local_authorities WHERE code = 'E09000009'`);
    expect(ealing.name).toBe('Ealing');
  });

  it('places district UB1 in Ealing', async () => {
    const [ub1] = await dataSource.query(
      `SELECT local_authority_code AS "localAuthorityCode", latitude, longitude FROM postcode_districts WHERE district = 'UB1'`,
    );
    expect(ub1).toEqual({ localAuthorityCode: 'E09000009', latitude: 51.5123, longitude: -0.376511 });
  });
});
