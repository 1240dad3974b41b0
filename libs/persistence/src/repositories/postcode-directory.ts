import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parsePostcode } from '@app/domain';

export interface ResolvedPostcode {
  /** Canonical spelling of what was given (`UB1 1AA`, or `UB1` when only a district was given). */
  postcode: string;
  district: string;
  latitude: number;
  longitude: number;
  localAuthorityCode: string | null;
}

export type PostcodeResolution =
  | { ok: true; value: ResolvedPostcode }
  | { ok: false; problem: 'not a UK postcode' | 'is in an unknown postcode district' };

type District = Omit<ResolvedPostcode, 'postcode'>;

/**
 * Postcode districts are reference data (about 3,000 rows, changed only by a migration), so they are
 * read once and kept in memory: resolving a postcode costs no query on the request path.
 */
@Injectable()
export class PostcodeDirectory {
  private districts: Promise<Map<string, District>> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  async resolve(input: string): Promise<PostcodeResolution> {
    const parsed = parsePostcode(input);
    if (!parsed) return { ok: false, problem: 'not a UK postcode' };
    const district = (await this.load()).get(parsed.district);
    if (!district) return { ok: false, problem: 'is in an unknown postcode district' };
    return { ok: true, value: { postcode: parsed.normalised, ...district } };
  }

  private load(): Promise<Map<string, District>> {
    this.districts ??= this.dataSource
      .query(
        `SELECT district, latitude, longitude, local_authority_code AS "localAuthorityCode" FROM postcode_districts`,
      )
      .then((rows: District[]) => new Map(rows.map((row) => [row.district, row])))
      .catch((error: unknown) => {
        this.districts = undefined;
        throw error;
      });
    return this.districts;
  }
}
