import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SettingEntity } from '../entities';

export type NewSetting = Omit<SettingEntity, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'provider' | 'district' | 'localAuthority'>;
export type SettingChanges = Partial<Omit<NewSetting, 'providerId'>>;

@Injectable()
export class SettingRepository {
  constructor(private readonly dataSource: DataSource) {}

  create(setting: NewSetting): Promise<SettingEntity> {
    return this.dataSource.transaction((manager) => manager.save(manager.create(SettingEntity, setting)));
  }

  findById(id: string): Promise<SettingEntity | null> {
    return this.dataSource.getRepository(SettingEntity).findOneBy({ id });
  }

  /** Applies the changes and bumps the version; returns null when no such setting exists. */
  async update(id: string, changes: SettingChanges): Promise<SettingEntity | null> {
    return this.dataSource.transaction(async (manager) => {
      const setting = await manager.findOne(SettingEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!setting) return null;
      Object.assign(setting, changes, { version: setting.version + 1 });
      if (setting.ageMin > setting.ageMax) throw new RangeError('ageMin is above ageMax');
      return manager.save(setting);
    });
  }
}
