import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LocalAuthorityRecord, PostcodeDistrictRecord } from '@app/reference-data';

/** One registration on Ofsted's register, as settings take it. */
export interface RegisterEntry {
  urn: string;
  grade: string;
  inspectedOn: string | null;
}

@Injectable()
export class ReferenceDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts or refreshes every LA and postcode district in one transaction; safe to repeat. */
  async upsert(localAuthorities: LocalAuthorityRecord[], districts: PostcodeDistrictRecord[]): Promise<void> {
    const column = <T, K extends keyof T>(rows: T[], key: K) => rows.map((row) => row[key]);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO local_authorities
           (code, dfe_code, name, la_type, region, latitude, longitude, population, children_looked_after)
         SELECT * FROM unnest($1::varchar[], $2::int[], $3::text[], $4::text[], $5::text[],
                              $6::float8[], $7::float8[], $8::int[], $9::int[])
         ON CONFLICT (code) DO UPDATE SET
           dfe_code = EXCLUDED.dfe_code, name = EXCLUDED.name, la_type = EXCLUDED.la_type,
           region = EXCLUDED.region, latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
           population = EXCLUDED.population, children_looked_after = EXCLUDED.children_looked_after`,
        [
          column(localAuthorities, 'code'),
          column(localAuthorities, 'dfeCode'),
          column(localAuthorities, 'name'),
          column(localAuthorities, 'laType'),
          column(localAuthorities, 'region'),
          column(localAuthorities, 'latitude'),
          column(localAuthorities, 'longitude'),
          column(localAuthorities, 'population'),
          column(localAuthorities, 'childrenLookedAfter'),
        ],
      );
      await manager.query(
        `INSERT INTO postcode_districts
           (district, latitude, longitude, local_authority_code, region, district_name, post_town)
         SELECT * FROM unnest($1::varchar[], $2::float8[], $3::float8[], $4::varchar[], $5::text[],
                              $6::text[], $7::text[])
         ON CONFLICT (district) DO UPDATE SET
           latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude,
           local_authority_code = EXCLUDED.local_authority_code, region = EXCLUDED.region,
           district_name = EXCLUDED.district_name, post_town = EXCLUDED.post_town`,
        [
          column(districts, 'district'),
          column(districts, 'latitude'),
          column(districts, 'longitude'),
          column(districts, 'localAuthorityCode'),
          column(districts, 'region'),
          column(districts, 'districtName'),
          column(districts, 'postTown'),
        ],
      );
    });
  }

  /** See `applyOfstedRegister`. */
  applyOfstedRegister(register: RegisterEntry[]): Promise<number> {
    return applyOfstedRegister(this.dataSource, register);
  }

  async counts(): Promise<{ localAuthorities: number; postcodeDistricts: number }> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM local_authorities)::int AS "localAuthorities",
              (SELECT count(*) FROM postcode_districts)::int AS "postcodeDistricts"`,
    );
    return row;
  }
}

/**
 * Gives every setting whose URN is on the register the register's grade and inspection date
 * (the settings trigger copies the grade onto its vacancies, which matching reads). Only rows that
 * differ are written, so repeating it is free. Returns how many settings changed.
 */
export async function applyOfstedRegister(db: Pick<DataSource, 'query'>, register: RegisterEntry[]): Promise<number> {
  const [{ changed }]: { changed: number }[] = await db.query(
    `WITH updated AS (
       UPDATE settings s SET ofsted_grade = r.grade, ofsted_grade_source = 'register', ofsted_inspected_on = r.inspected_on
         FROM unnest($1::varchar[], $2::text[], $3::date[]) AS r(urn, grade, inspected_on)
        WHERE upper(s.ofsted_urn) = r.urn
          AND (s.ofsted_grade, s.ofsted_grade_source, s.ofsted_inspected_on) IS DISTINCT FROM (r.grade, 'register', r.inspected_on)
        RETURNING s.id)
     SELECT count(*)::int AS changed FROM updated`,
    [register.map((entry) => entry.urn.toUpperCase()), register.map((entry) => entry.grade), register.map((entry) => entry.inspectedOn)],
  );
  return changed;
}
