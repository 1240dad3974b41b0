import { Client } from 'pg';
import type { Model } from './england-model';
import { generateSettings, type SettingRef } from './generate-settings';
import { generateVacancies } from './generate-vacancies';
import { LOAD_CHUNK } from './settings';

const INSERT_SETTINGS = `
  INSERT INTO settings (id, provider_id, name, placement_type, ofsted_urn, ofsted_grade, postcode, postcode_district,
                        local_authority_code, latitude, longitude, registered_places, age_min, age_max, genders,
                        needs_supported, needs_excluded)
  SELECT t.id, t.provider_id, t.name, t.placement_type, t.urn, t.grade, t.postcode, d.district, d.local_authority_code,
         d.latitude, d.longitude, t.places, t.age_min, t.age_max, string_to_array(t.genders, ','), t.needs_supported,
         string_to_array(t.needs_excluded, ',')
    FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                $9::int[], $10::int[], $11::int[], $12::text[], $13::jsonb[], $14::text[])
           AS t(id, provider_id, name, placement_type, urn, grade, postcode, district, places, age_min, age_max,
                genders, needs_supported, needs_excluded)
    JOIN postcode_districts d ON d.district = t.district`;

// The vacancies_copy_setting trigger copies the setting's matching fields onto each row.
const INSERT_VACANCIES = `
  INSERT INTO vacancies (setting_id, provider_id, beds, available_from, available_until, weekly_cost, emergency_ready,
                         reserved_for, status)
  SELECT t.*, 'open'
    FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::date[], $5::date[], $6::int[], $7::boolean[], $8::jsonb[])
           AS t(setting_id, provider_id, beds, available_from, available_until, weekly_cost, emergency_ready, reserved_for)`;

export interface LoadStep {
  size: number;
  settings: number;
  vacancies: number;
  insertSeconds: number;
  vacuumSeconds: number;
}

/** Grows the open vacancies from `from` to `to` (and the settings they need). */
export async function growVacancies(
  db: Client,
  model: Model,
  refs: SettingRef[],
  districtLa: Map<string, string>,
  from: number,
  to: number,
  today: string,
): Promise<LoadStep> {
  const started = performance.now();
  const settingsFrom = refs.length;
  const settingsTo = Math.ceil(to / 2);
  for (let start = settingsFrom; start < settingsTo; start += LOAD_CHUNK / 2) {
    const end = Math.min(settingsTo, start + LOAD_CHUNK / 2);
    const s = generateSettings(model, start, end, districtLa);
    await db.query(INSERT_SETTINGS, [
      s.id,
      s.providerId,
      s.name,
      s.placementType,
      s.urn,
      s.grade,
      s.postcode,
      s.district,
      s.places,
      s.ageMin,
      s.ageMax,
      s.genders,
      s.needsSupported,
      s.needsExcluded,
    ]);
    for (let k = 0; k < s.id.length; k += 1) {
      refs.push({
        id: s.id[k],
        providerId: s.providerId[k],
        type: s.type[k],
        places: s.places[k],
        localAuthorityCode: s.localAuthorityCode[k],
      });
    }
  }
  for (let start = from; start < to; start += LOAD_CHUNK) {
    const end = Math.min(to, start + LOAD_CHUNK);
    const v = generateVacancies(refs, start, end, today);
    await db.query(INSERT_VACANCIES, [
      v.settingId,
      v.providerId,
      v.beds,
      v.availableFrom,
      v.availableUntil,
      v.weeklyCost,
      v.emergencyReady,
      v.reservedFor,
    ]);
  }
  const inserted = performance.now();
  // As autovacuum would leave them: statistics for the planner, the visibility map set.
  await db.query('VACUUM (ANALYZE) settings, vacancies');
  const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM vacancies WHERE status = 'open'`)).rows;
  if (n !== to) throw new Error(`expected ${to} open vacancies after loading, found ${n}`);
  return {
    size: to,
    settings: settingsTo - settingsFrom,
    vacancies: to - from,
    insertSeconds: (inserted - started) / 1000,
    vacuumSeconds: (performance.now() - inserted) / 1000,
  };
}
