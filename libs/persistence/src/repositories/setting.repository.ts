import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SettingEntity } from '../entities';
import { appendChange } from './vacancy.repository';
import { vacancyStatus } from './status-sql';

export type NewSetting = Omit<SettingEntity, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'provider' | 'district' | 'localAuthority'>;
export type SettingChanges = Partial<Omit<NewSetting, 'providerId'>>;

export type SettingUpdateResult =
  | { outcome: 'updated'; setting: SettingEntity }
  | { outcome: 'not_found' }
  /** Another change landed first and the two together would put ageMin above ageMax. */
  | { outcome: 'age_range_inverted' };

export interface SettingFilter {
  providerId?: string;
  placementType?: string;
  localAuthorityCode?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class SettingRepository {
  constructor(private readonly dataSource: DataSource) {}

  create(setting: NewSetting): Promise<SettingEntity> {
    return this.dataSource.transaction((manager) => manager.save(manager.create(SettingEntity, setting)));
  }

  findById(id: string): Promise<SettingEntity | null> {
    return this.dataSource.getRepository(SettingEntity).findOneBy({ id });
  }

  /** Applies the changes under a row lock and bumps the version. */
  async update(id: string, changes: SettingChanges): Promise<SettingUpdateResult> {
    return this.dataSource.transaction(async (manager) => {
      const setting = await manager.findOne(SettingEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!setting) return { outcome: 'not_found' as const };
      Object.assign(setting, changes, { version: setting.version + 1 });
      if (setting.ageMin > setting.ageMax) return { outcome: 'age_range_inverted' as const };
      const saved = await manager.save(setting);
      // A trigger has copied the change onto the setting's vacancies; re-rank the referrals they touch.
      const vacancies: { id: string }[] = await manager.query(
        `SELECT id FROM vacancies WHERE setting_id = $1 AND status <> ${vacancyStatus('withdrawn')} ORDER BY id`,
        [id],
      );
      if (vacancies.length > 0) {
        await appendChange(manager, vacancies.map((v) => v.id));
      }
      return { outcome: 'updated' as const, setting: saved };
    });
  }

  list(filter: SettingFilter): Promise<SettingEntity[]> {
    return this.dataSource.getRepository(SettingEntity).find({
      where: {
        ...(filter.providerId ? { providerId: filter.providerId } : {}),
        ...(filter.placementType ? { placementType: filter.placementType } : {}),
        ...(filter.localAuthorityCode ? { localAuthorityCode: filter.localAuthorityCode } : {}),
      },
      order: { name: 'ASC', id: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
  }
}
