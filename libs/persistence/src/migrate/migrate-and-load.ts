import { DataSource } from 'typeorm';
import { readLocalAuthorities, readPostcodeDistricts } from '@app/reference-data';
import { ReferenceDataRepository } from '../repositories/reference-data.repository';

export interface MigrationReport {
  applied: string[];
  localAuthorities: number;
  postcodeDistricts: number;
}

/**
 * Applies pending migrations, then loads the reference data shipped in the repo. Both steps are
 * idempotent, so this runs on every deploy and every test database.
 */
export async function migrateAndLoadReferenceData(dataSource: DataSource): Promise<MigrationReport> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  const repository = new ReferenceDataRepository(dataSource);
  await repository.upsert(readLocalAuthorities(), readPostcodeDistricts());
  const counts = await repository.counts();
  return { applied: applied.map((migration) => migration.name), ...counts };
}
