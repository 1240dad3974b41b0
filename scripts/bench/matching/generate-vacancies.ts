import { addCalendarDays } from '@app/domain';
import { Prng } from '../../demo/deterministic';
import type { SettingRef } from './generate-settings';
import { seedOf } from './seeded-random';
import { COSTS, EMERGENCY_READY } from './setting-profiles';

interface VacancyColumns {
  settingId: string[];
  providerId: string[];
  beds: number[];
  availableFrom: string[];
  availableUntil: (string | null)[];
  weeklyCost: number[];
  emergencyReady: boolean[];
  reservedFor: (string | null)[];
}

/** Vacancies number `from` to `to - 1`; vacancy j is in setting floor(j / 2). */
export function generateVacancies(settingsByIndex: SettingRef[], from: number, to: number, today: string): VacancyColumns {
  const columns: VacancyColumns = {
    settingId: [],
    providerId: [],
    beds: [],
    availableFrom: [],
    availableUntil: [],
    weeklyCost: [],
    emergencyReady: [],
    reservedFor: [],
  };
  for (let j = from; j < to; j += 1) {
    const setting = settingsByIndex[Math.floor(j / 2)];
    const rng = new Prng(seedOf(2, j));
    const beds = setting.places >= 3 && rng.chance(0.03) ? 3 : setting.places >= 2 && rng.chance(0.18) ? 2 : 1;
    const emergencyReady = rng.chance(EMERGENCY_READY[setting.type]);
    const availableFrom = addCalendarDays(today, emergencyReady ? -rng.int(0, 14) : rng.int(-14, 56));
    const availableUntil = rng.chance(0.12) ? addCalendarDays(availableFrom, rng.int(28, 180)) : null;
    const [low, high] = COSTS[setting.type];
    const weeklyCost = Math.round(rng.int(low, high) / 25) * 25;
    // A few beds on block contracts for the setting's own LA, and a few remand beds.
    let reservedFor: string | null = null;
    if (setting.localAuthorityCode && rng.chance(0.03)) {
      reservedFor = JSON.stringify({ localAuthorityCodes: [setting.localAuthorityCode] });
    } else if ((setting.type === 'K2' || setting.type === 'K1') && rng.chance(0.01)) {
      reservedFor = JSON.stringify({ legalStatuses: ['J1', 'J2', 'J3'] });
    }
    columns.settingId.push(setting.id);
    columns.providerId.push(setting.providerId);
    columns.beds.push(beds);
    columns.availableFrom.push(availableFrom);
    columns.availableUntil.push(availableUntil);
    columns.weeklyCost.push(weeklyCost);
    columns.emergencyReady.push(emergencyReady);
    columns.reservedFor.push(reservedFor);
  }
  return columns;
}
