import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface MarketPositionView {
  id: string;
  allianceId: string;
  allianceName: string;
  publishedAt: Date;
  periodFrom: string;
  periodTo: string;
  content: Record<string, unknown>;
}

const VIEW = `SELECT m.id, m.alliance_id AS "allianceId", a.name AS "allianceName", m.published_at AS "publishedAt",
         to_char(m.period_from, 'YYYY-MM-DD') AS "periodFrom", to_char(m.period_to, 'YYYY-MM-DD') AS "periodTo", m.content
    FROM market_positions m JOIN alliances a ON a.id = m.alliance_id`;

/** Alliances' published market positions: appended, never rewritten; the latest is the one read. */
@Injectable()
export class MarketPositionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async publish(position: {
    allianceId: string;
    publishedByUserId: string;
    periodFrom: string;
    periodTo: string;
    content: Record<string, unknown>;
  }): Promise<MarketPositionView> {
    return this.dataSource.transaction(async (manager) => {
      const [{ id }] = await manager.query(
        `INSERT INTO market_positions (alliance_id, published_by_user_id, period_from, period_to, content)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [position.allianceId, position.publishedByUserId, position.periodFrom, position.periodTo, position.content],
      );
      const [view] = await manager.query(`${VIEW} WHERE m.id = $1`, [id]);
      return view;
    });
  }

  /** Every alliance that has published, with its latest publication's day, by name. */
  async published(): Promise<{ allianceId: string; allianceName: string; publishedAt: Date }[]> {
    return this.dataSource.query(
      `SELECT DISTINCT ON (a.name, a.id) a.id AS "allianceId", a.name AS "allianceName", m.published_at AS "publishedAt"
         FROM market_positions m JOIN alliances a ON a.id = m.alliance_id
        ORDER BY a.name, a.id, m.published_at DESC`,
    );
  }

  async latest(allianceId: string): Promise<MarketPositionView | null> {
    const [view] = await this.dataSource.query(`${VIEW} WHERE m.alliance_id = $1 ORDER BY m.published_at DESC, m.id DESC LIMIT 1`, [
      allianceId,
    ]);
    return view ?? null;
  }
}
