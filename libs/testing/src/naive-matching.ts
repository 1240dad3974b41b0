import type { DataSource } from 'typeorm';
import { todayInEngland, type MatchVacancy } from '@app/domain';
import { VacancyEntity } from '@app/persistence';

/**
 * Every open vacancy loaded as a TypeORM entity and turned into the domain's plain object: the
 * straightforward way to match, with no pre-filter. Tests compare the real matcher with it, and
 * the matching benchmark times it as the baseline.
 */
export async function loadEveryOpenVacancy(dataSource: DataSource): Promise<MatchVacancy[]> {
  const entities = await dataSource.getRepository(VacancyEntity).findBy({ status: 'open' });
  return entities.map((v) => ({
    id: v.id,
    settingId: v.settingId,
    providerId: v.providerId,
    status: v.status,
    beds: v.beds,
    availableFrom: v.availableFrom,
    availableUntil: v.availableUntil,
    weeklyCost: v.weeklyCost,
    emergencyReady: v.emergencyReady,
    // The day in England it was last confirmed, as matching reads it.
    confirmedOn: todayInEngland(v.confirmedAt),
    reservedFor: v.reservedFor,
    setting: {
      latitude: v.latitude,
      longitude: v.longitude,
      placementType: v.placementType,
      ofstedGrade: v.ofstedGrade,
      ageMin: v.ageMin,
      ageMax: v.ageMax,
      genders: v.genders,
      needsSupported: v.needsSupported,
      needsExcluded: v.needsExcluded,
      localAuthorityCode: v.settingLocalAuthorityCode,
    },
    providerStability: null,
  }));
}
