/** `npm run migrate`: applies every migration to DATABASE_URL and loads the reference data. */
import { createDataSource, migrateAndLoadReferenceData } from '@app/persistence';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    process.stderr.write('Invalid configuration: DATABASE_URL must be a postgres:// URL\n');
    process.exit(1);
  }
  const dataSource = createDataSource({ url, poolSize: 2, applicationName: 'migrate' });
  await dataSource.initialize();
  try {
    const report = await migrateAndLoadReferenceData(dataSource);
    const applied = report.applied.length ? report.applied.join(', ') : 'none pending';
    console.log(
      `Migrations: ${applied}. Reference data: ${report.localAuthorities} local authorities, ` +
        `${report.postcodeDistricts} postcode districts; ${report.settingsGradedFromRegister} settings regraded from Ofsted's register.`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
