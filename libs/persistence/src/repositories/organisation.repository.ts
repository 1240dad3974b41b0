import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AllianceEntity, LocalAuthorityEntity, ProviderEntity } from '../entities';
import type { MatchingWeights, ProviderSector, StoredShortlistItem } from '@app/domain';
import { returningRows } from './rows';
import { queueRematches } from './rematch-outbox';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from './pg-errors';
import { steeredBy } from './steering-alliance';
import { referralStatus } from './status-sql';

export class DuplicateNameError extends Error {}

/** An alliance's settings that are one number each, by column. */
type AllianceNumber = 'step_down_days' | 'auto_send_top_providers';

/** Local authorities, alliances and providers: the organisations users belong to. */
@Injectable()
export class OrganisationRepository {
  constructor(private readonly dataSource: DataSource) {}

  listLocalAuthorities(): Promise<LocalAuthorityEntity[]> {
    return this.dataSource.getRepository(LocalAuthorityEntity).find({ order: { name: 'ASC' } });
  }

  async existingLocalAuthorityCodes(codes: string[]): Promise<Set<string>> {
    const found = await this.dataSource
      .getRepository(LocalAuthorityEntity)
      .find({ select: { code: true }, where: { code: In(codes) } });
    return new Set(found.map((la) => la.code));
  }

  async providerExists(id: string): Promise<boolean> {
    return this.dataSource.getRepository(ProviderEntity).existsBy({ id });
  }

  async allianceExists(id: string): Promise<boolean> {
    return this.dataSource.getRepository(AllianceEntity).existsBy({ id });
  }

  findProvider(id: string): Promise<ProviderEntity | null> {
    return this.dataSource.getRepository(ProviderEntity).findOneBy({ id });
  }

  async createAlliance(name: string, localAuthorityCodes: string[]): Promise<AllianceEntity> {
    return this.dataSource.transaction(async (manager) => {
      try {
        const alliance = await manager.save(manager.create(AllianceEntity, { name }));
        await manager.query(
          `INSERT INTO alliance_members (alliance_id, local_authority_code) SELECT $1, unnest($2::varchar[])`,
          [alliance.id, localAuthorityCodes],
        );
        return alliance;
      } catch (error) {
        if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw new DuplicateNameError(name);
        throw error;
      }
    });
  }

  async allianceMembers(allianceId: string): Promise<string[]> {
    const rows: { code: string }[] = await this.dataSource.query(
      `SELECT local_authority_code AS code FROM alliance_members WHERE alliance_id = $1 ORDER BY 1`,
      [allianceId],
    );
    return rows.map((row) => row.code);
  }

  /**
   * The alliance's own weights (null: the defaults) and the LAs they steer (see
   * steering-alliance.ts); null if there is no such alliance.
   */
  async findMatchingWeights(allianceId: string): Promise<{ weights: MatchingWeights | null; steers: string[] } | null> {
    const [row] = await this.dataSource.query(
      `SELECT a.matching_weights AS weights,
              ARRAY(SELECT s.local_authority_code FROM (${steeredBy('a.id')}) s ORDER BY 1) AS steers
         FROM alliances a WHERE a.id = $1`,
      [allianceId],
    );
    return row ? { weights: row.weights, steers: row.steers } : null;
  }

  /**
   * The stored shortlists of the most recent shortlisted referrals (up to `limit`) of the LAs the
   * alliance steers, the ones its weights would change, each
   * item with its distance and score breakdown: what a weights preview re-ranks.
   */
  async currentShortlists(
    allianceId: string,
    limit: number,
  ): Promise<{ referralId: string; items: StoredShortlistItem[] }[]> {
    return this.dataSource.query(
      `WITH recent AS (
         SELECT r.id FROM referrals r
          WHERE r.status = ${referralStatus('shortlisted')}
            AND r.local_authority_code IN (${steeredBy('$1')})
          ORDER BY r.created_at DESC, r.id LIMIT $2)
       SELECT m.referral_id AS "referralId",
              json_agg(json_build_object('vacancyId', m.vacancy_id, 'distanceMiles', m.distance_miles, 'breakdown', m.breakdown)
                       ORDER BY m.rank) AS items
         FROM referral_matches m JOIN recent ON recent.id = m.referral_id
        GROUP BY m.referral_id`,
      [allianceId, limit],
    );
  }

  /**
   * Sets the weights and, in the same transaction, asks for every referral that awaits placement of
   * the LAs the alliance steers (see steering-alliance.ts) to be re-matched: how many. Null if there is no such alliance.
   */
  async setMatchingWeights(
    allianceId: string,
    weights: MatchingWeights,
  ): Promise<{ rematched: number; steers: string[] } | null> {
    return this.dataSource.transaction(async (manager) => {
      const updated = await returningRows(manager, `UPDATE alliances SET matching_weights = $2 WHERE id = $1 RETURNING id`, [
        allianceId,
        weights,
      ]);
      if (updated.length === 0) return null;
      // Only the LAs these weights steer: a member steered by an earlier alliance is matched as before.
      const members: { code: string }[] = await manager.query(
        `SELECT local_authority_code AS code FROM (${steeredBy('$1')}) steered ORDER BY 1`,
        [allianceId],
      );
      const steers = members.map((member) => member.code);
      return { rematched: await queueRematches(manager, steers), steers };
    });
  }

  stepDownDays(allianceId: string): Promise<number | null> {
    return this.allianceNumber(allianceId, 'step_down_days');
  }

  setStepDownDays(allianceId: string, days: number): Promise<boolean> {
    return this.setAllianceNumber(allianceId, 'step_down_days', days);
  }

  /** How many providers matching sends the alliance's referrals to; null if there is no such alliance. */
  autoSendTopProviders(allianceId: string): Promise<number | null> {
    return this.allianceNumber(allianceId, 'auto_send_top_providers');
  }

  /**
   * Sets it for the shortlists matching writes from now on (each referral's next match or
   * re-match); sends already made stand. False if there is no such alliance.
   */
  setAutoSendTopProviders(allianceId: string, n: number): Promise<boolean> {
    return this.setAllianceNumber(allianceId, 'auto_send_top_providers', n);
  }

  /** One of the alliance's numeric settings; null if there is no such alliance. */
  private async allianceNumber(allianceId: string, column: AllianceNumber): Promise<number | null> {
    const [row] = await this.dataSource.query(`SELECT ${column} AS value FROM alliances WHERE id = $1`, [allianceId]);
    return row?.value ?? null;
  }

  /** False if there is no such alliance. */
  private setAllianceNumber(allianceId: string, column: AllianceNumber, value: number): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const updated = await returningRows(manager, `UPDATE alliances SET ${column} = $2 WHERE id = $1 RETURNING id`, [allianceId, value]);
      return updated.length > 0;
    });
  }

  createProvider(provider: { name: string; sector: ProviderSector; ofstedUrn?: string | null }): Promise<ProviderEntity> {
    return this.dataSource.transaction((manager) =>
      manager.save(manager.create(ProviderEntity, { ...provider, ofstedUrn: provider.ofstedUrn ?? null })),
    );
  }
}
