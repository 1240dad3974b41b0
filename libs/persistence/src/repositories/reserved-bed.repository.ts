import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReservedFill } from '@app/domain';
import { ALLIANCE_LAS, ENGLAND_DAY } from './sufficiency-sql';
import { vacancyStatus } from './status-sql';

/** A reserved vacancy with what the nights it stood empty are counted from. */
export interface ReservedVacancyRow {
  vacancyId: string;
  providerId: string;
  providerName: string;
  settingId: string;
  settingName: string;
  settingLocalAuthorityCode: string | null;
  placementType: string;
  reservedFor: { localAuthorityCodes: string[]; legalStatuses: string[] };
  status: 'open' | 'filled' | 'withdrawn';
  /** Beds free now. */
  beds: number;
  weeklyCost: number;
  availableFrom: string;
  availableUntil: string | null;
  withdrawnOn: string | null;
  fills: ReservedFill[];
}

const DAY = (value: string) => `to_char(${value}, 'YYYY-MM-DD')`;
const LIST = (key: string) => `coalesce(v.reserved_for->'${key}', '[]'::jsonb)`;

/**
 * Reserved beds: vacancies held for LAs (a block contract) or legal statuses (a remand scheme). An
 * alliance's are those in settings within its LAs, and those reserved for one of its LAs wherever
 * they are: the beds it commissions in its area and the block beds it pays for outside it.
 */
@Injectable()
export class ReservedBedRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The alliance's reserved vacancies available at some time in `from`..`to` (and not withdrawn
   * before it), each with the placements made into it, in one statement. A withdrawn vacancy is
   * never changed again, so its last update is when it was withdrawn; a placement's beds came back
   * if it ended unplanned before the vacancy was withdrawn.
   */
  async forAlliance(allianceId: string, from: string, to: string): Promise<ReservedVacancyRow[]> {
    return this.dataSource.query(
      `SELECT v.id AS "vacancyId", v.provider_id AS "providerId", pr.name AS "providerName",
              v.setting_id AS "settingId", s.name AS "settingName", s.local_authority_code AS "settingLocalAuthorityCode",
              v.placement_type AS "placementType", v.status, v.beds, v.weekly_cost AS "weeklyCost",
              json_build_object('localAuthorityCodes', ${LIST('localAuthorityCodes')}, 'legalStatuses', ${LIST('legalStatuses')}) AS "reservedFor",
              ${DAY('v.available_from')} AS "availableFrom", ${DAY('v.available_until')} AS "availableUntil",
              CASE WHEN v.status = ${vacancyStatus('withdrawn')} THEN ${DAY(ENGLAND_DAY('v.updated_at'))} END AS "withdrawnOn",
              coalesce((
                SELECT json_agg(json_build_object(
                         'startDate', ${DAY('p.start_date')}, 'beds', p.beds_taken,
                         'freedOn', CASE WHEN p.planned_ending = false AND (v.status <> ${vacancyStatus('withdrawn')} OR p.updated_at < v.updated_at)
                                         THEN ${DAY('p.ended_on')} END)
                         ORDER BY p.start_date, p.id)
                  FROM placements p WHERE p.vacancy_id = v.id), '[]'::json) AS fills
         FROM vacancies v
         JOIN settings s ON s.id = v.setting_id
         JOIN providers pr ON pr.id = v.provider_id
        WHERE jsonb_typeof(v.reserved_for) = 'object'
          AND (jsonb_array_length(${LIST('localAuthorityCodes')}) > 0 OR jsonb_array_length(${LIST('legalStatuses')}) > 0)
          AND (v.setting_local_authority_code IN (${ALLIANCE_LAS})
               OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(${LIST('localAuthorityCodes')}) la(code) WHERE la.code IN (${ALLIANCE_LAS})))
          AND v.available_from <= $3::date
          AND (v.available_until IS NULL OR v.available_until >= $2::date)
          AND (v.status <> ${vacancyStatus('withdrawn')} OR ${ENGLAND_DAY('v.updated_at')} > $2::date)
        ORDER BY pr.name, s.name, v.available_from, v.id`,
      [allianceId, from, to],
    );
  }
}
