import { DataSource } from 'typeorm';
import { readLocalAuthorities, readOfstedProviders, readPostcodeDistricts, registerGradeOf } from '@app/reference-data';
import { ReferenceDataRepository } from '../repositories/reference-data.repository';

export interface MigrationReport {
  applied: string[];
  localAuthorities: number;
  postcodeDistricts: number;
  /** Settings whose grade or inspection date this load took from Ofsted's register. */
  settingsGradedFromRegister: number;
}

/**
 * Applies pending migrations, then loads the reference data shipped in the repo. Both steps are
 * idempotent, so this runs on every deploy and every test database.
 */
export async function migrateAndLoadReferenceData(dataSource: DataSource): Promise<MigrationReport> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  const repository = new ReferenceDataRepository(dataSource);
  await repository.upsert(readLocalAuthorities(), readPostcodeDistricts());
  const settingsGradedFromRegister = await repository.applyOfstedRegister(ofstedRegisterEntries());
  const counts = await repository.counts();
  return { applied: applied.map((migration) => migration.name), ...counts, settingsGradedFromRegister };
}

/** The shipped register as settings take it: a grade in the product's words and the inspection date. */
export function ofstedRegisterEntries() {
  return readOfstedProviders().map((record) => ({ urn: record.urn, grade: registerGradeOf(record), inspectedOn: record.inspectedOn }));
}
