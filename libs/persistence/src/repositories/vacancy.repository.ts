import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { JobName } from '@app/jobs';
import { type VacancyStatus } from '@app/domain';
import type { ReservedFor } from '../entities';
import { OutboxRepository } from './outbox.repository';
import { returningRows } from './rows';
import { vacancyStatus } from './status-sql';

export interface VacancyView {
  id: string;
  settingId: string;
  providerId: string;
  status: VacancyStatus;
  version: number;
  beds: number;
  availableFrom: string;
  availableUntil: string | null;
  weeklyCost: number;
  emergencyReady: boolean;
  reservedFor: ReservedFor | null;
  settingName: string;
  placementType: string;
  ofstedGrade: string;
  postcodeDistrict: string;
  localAuthorityCode: string | null;
  /** When the provider last created, changed or confirmed it. */
  confirmedAt: Date;
  /** Whole days in England since then: 0 when confirmed today. */
  daysSinceConfirmed: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewVacancy {
  settingId: string;
  providerId: string;
  beds: number;
  availableFrom: string;
  availableUntil: string | null;
  weeklyCost: number;
  emergencyReady: boolean;
  reservedFor: ReservedFor | null;
}

export type VacancyChanges = Partial<
  Pick<NewVacancy, 'beds' | 'availableFrom' | 'availableUntil' | 'weeklyCost' | 'emergencyReady' | 'reservedFor'>
>;

export interface VacancyFilter {
  status?: VacancyStatus;
  placementType?: string;
  localAuthorityCode?: string;
  providerId?: string;
  limit: number;
  offset: number;
}

/** The outcome of a conditional update, so the caller can answer 404, 409 or 412 precisely. */
export type VacancyUpdateResult =
  | { outcome: 'updated'; vacancy: VacancyView }
  | { outcome: 'not_found' }
  | { outcome: 'stale'; currentVersion: number }
  | { outcome: 'withdrawn' };

export type VacancyConfirmResult =
  | { outcome: 'confirmed'; vacancy: VacancyView; wasStale: boolean }
  | { outcome: 'not_found' }
  | { outcome: 'withdrawn' };

const VIEW = `
  SELECT v.id, v.setting_id AS "settingId", v.provider_id AS "providerId", v.status, v.version, v.beds,
         to_char(v.available_from, 'YYYY-MM-DD') AS "availableFrom",
         to_char(v.available_until, 'YYYY-MM-DD') AS "availableUntil",
         v.weekly_cost AS "weeklyCost", v.emergency_ready AS "emergencyReady", v.reserved_for AS "reservedFor",
         s.name AS "settingName", s.placement_type AS "placementType", s.ofsted_grade AS "ofstedGrade",
         s.postcode_district AS "postcodeDistrict", s.local_authority_code AS "localAuthorityCode",
         v.confirmed_at AS "confirmedAt",
         GREATEST(0, (now() AT TIME ZONE 'Europe/London')::date - (v.confirmed_at AT TIME ZONE 'Europe/London')::date)
           AS "daysSinceConfirmed",
         v.created_at AS "createdAt", v.updated_at AS "updatedAt"
    FROM vacancies v JOIN settings s ON s.id = v.setting_id`;

/** Appends the job that re-ranks open referrals for changed vacancies, inside the caller's transaction. */
export function appendChange(manager: EntityManager, vacancyIds: string[]): Promise<string> {
  return OutboxRepository.append(manager, JobName.VacanciesChanged, { vacancyIds });
}

@Injectable()
export class VacancyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(vacancy: NewVacancy): Promise<VacancyView> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO vacancies (setting_id, provider_id, beds, available_from, available_until, weekly_cost,
                                emergency_ready, reserved_for, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $3::int = 0 THEN 'filled' ELSE 'open' END)
         RETURNING id`,
        [
          vacancy.settingId,
          vacancy.providerId,
          vacancy.beds,
          vacancy.availableFrom,
          vacancy.availableUntil,
          vacancy.weeklyCost,
          vacancy.emergencyReady,
          vacancy.reservedFor,
        ],
      );
      await appendChange(manager, [row.id]);
      const [view] = await manager.query(`${VIEW} WHERE v.id = $1`, [row.id]);
      return view;
    });
  }

  async findById(id: string): Promise<VacancyView | null> {
    const [view] = await this.dataSource.query(`${VIEW} WHERE v.id = $1`, [id]);
    return view ?? null;
  }

  /**
   * One conditional UPDATE ... WHERE id = $1 AND version = $2: of two writers holding the same
   * version exactly one succeeds, and a stale one changes nothing.
   */
  async update(id: string, expectedVersion: number, changes: VacancyChanges): Promise<VacancyUpdateResult> {
    return this.dataSource.transaction(async (manager) => {
      const columns: Record<keyof VacancyChanges, string> = {
        beds: 'beds',
        availableFrom: 'available_from',
        availableUntil: 'available_until',
        weeklyCost: 'weekly_cost',
        emergencyReady: 'emergency_ready',
        reservedFor: 'reserved_for',
      };
      const sets: string[] = [];
      const params: unknown[] = [id, expectedVersion];
      let bedsAfter = 'beds';
      for (const [key, column] of Object.entries(columns) as [keyof VacancyChanges, string][]) {
        if (changes[key] === undefined) continue;
        params.push(changes[key]);
        sets.push(`${column} = $${params.length}`);
        if (key === 'beds') bedsAfter = `$${params.length}::int`;
      }
      // Status follows beds: none left is `filled`; beds again reopen a filled vacancy.
      const updated = await returningRows<{ id: string }>(
        manager,
        `UPDATE vacancies
            SET ${[...sets, `status = CASE WHEN ${bedsAfter} = 0 THEN 'filled' ELSE 'open' END`, 'version = version + 1', 'updated_at = now()', 'confirmed_at = now()'].join(', ')}
          WHERE id = $1 AND version = $2 AND status <> ${vacancyStatus('withdrawn')}
          RETURNING id`,
        params,
      );
      if (updated.length > 0) {
        await appendChange(manager, [id]);
        const [view] = await manager.query(`${VIEW} WHERE v.id = $1`, [id]);
        return { outcome: 'updated', vacancy: view };
      }
      const [current] = await manager.query(`SELECT status, version FROM vacancies WHERE id = $1`, [id]);
      if (!current) return { outcome: 'not_found' };
      if (current.status === 'withdrawn') return { outcome: 'withdrawn' };
      return { outcome: 'stale', currentVersion: current.version };
    });
  }

  /**
   * The provider says the vacancy is still as listed: its confirmation is renewed, nothing else
   * changes (not its version, so an edit in progress is not made stale). Only a vacancy that was
   * stale (unconfirmed for `staleDays`) re-ranks referrals, since only then can matching change.
   */
  async confirm(id: string, staleDays: number): Promise<VacancyConfirmResult> {
    return this.dataSource.transaction(async (manager) => {
      const confirmed = await returningRows<{ id: string; was_stale: boolean }>(
        manager,
        `UPDATE vacancies v SET confirmed_at = now()
           FROM (SELECT id, confirmed_at FROM vacancies WHERE id = $1 FOR UPDATE) before
          WHERE v.id = before.id AND v.status <> ${vacancyStatus('withdrawn')}
          RETURNING v.id, (now() AT TIME ZONE 'Europe/London')::date
                          - (before.confirmed_at AT TIME ZONE 'Europe/London')::date >= $2::int AS was_stale`,
        [id, staleDays],
      );
      if (confirmed.length === 0) {
        const [current] = await manager.query(`SELECT status FROM vacancies WHERE id = $1`, [id]);
        return current ? { outcome: 'withdrawn' } : { outcome: 'not_found' };
      }
      if (confirmed[0].was_stale) await appendChange(manager, [id]);
      const [view] = await manager.query(`${VIEW} WHERE v.id = $1`, [id]);
      return { outcome: 'confirmed', vacancy: view, wasStale: confirmed[0].was_stale };
    });
  }

  /** Withdraws an open or filled vacancy; withdrawing twice is harmless. */
  async withdraw(id: string): Promise<VacancyView | null> {
    return this.dataSource.transaction(async (manager) => {
      const withdrawn = await returningRows<{ id: string }>(
        manager,
        `UPDATE vacancies SET status = ${vacancyStatus('withdrawn')}, version = version + 1, updated_at = now()
          WHERE id = $1 AND status <> ${vacancyStatus('withdrawn')} RETURNING id`,
        [id],
      );
      if (withdrawn.length > 0) await appendChange(manager, [id]);
      const [view] = await manager.query(`${VIEW} WHERE v.id = $1`, [id]);
      return view ?? null;
    });
  }

  async list(filter: VacancyFilter): Promise<VacancyView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (filter.status) add('v.status = ?', filter.status);
    if (filter.placementType) add('s.placement_type = ?', filter.placementType);
    if (filter.localAuthorityCode) add('s.local_authority_code = ?', filter.localAuthorityCode);
    if (filter.providerId) add('v.provider_id = ?', filter.providerId);
    params.push(filter.limit, filter.offset);
    return this.dataSource.query(
      `${VIEW} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY v.available_from, v.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
  }
}
