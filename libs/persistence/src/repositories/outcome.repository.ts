import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type OutcomeStatus } from '@app/domain';
import type { OutcomeKind } from '../entities';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from './pg-errors';
import { outcomeStatus } from './status-sql';

/** One step of the journey travelled: the status then, a note, and whose account it is. */
export interface OutcomeStep {
  status: OutcomeStatus;
  note: string | null;
  recordedByRole: string;
  /** A provider's `achieved`: proposed to the placing LA, not the outcome's status until it confirms. */
  proposed: boolean;
  /** ISO 8601, UTC. */
  recordedAt: string;
}

export interface OutcomeView {
  id: string;
  placementId: string;
  kind: OutcomeKind;
  description: string;
  targetDate: string;
  status: OutcomeStatus;
  /** The provider has said it is achieved and the placing LA has yet to confirm it. */
  awaitingConfirmation: boolean;
  achievementProposedAt: Date | null;
  /** When the placing LA confirmed (or itself recorded) it achieved; null while it is not. */
  confirmedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Oldest first; the first step is the status the outcome was set with. */
  journey: OutcomeStep[];
}

export interface FeedbackView {
  placementId: string;
  rating: number;
  comments: string;
  youngPersonView: string | null;
  createdAt: Date;
}

export interface NewOutcome {
  kind: OutcomeKind;
  description: string;
  targetDate: string;
  status: OutcomeStatus;
}

export interface Recorder {
  userId: string;
  role: string;
}

/** Which placements the caller may touch: those of its LA, or those with its provider. */
export interface PlacementOwner {
  localAuthorityCode?: string;
  providerId?: string;
}

export type OutcomeResult = { outcome: 'recorded'; view: OutcomeView } | { outcome: 'not_found' } | { outcome: 'ended' };
export type ConfirmResult = { outcome: 'confirmed'; view: OutcomeView } | { outcome: 'not_found' } | { outcome: 'nothing_proposed' };
export type FeedbackResult =
  | { outcome: 'recorded'; view: FeedbackView }
  | { outcome: 'not_found' }
  | { outcome: 'still_active' }
  | { outcome: 'already_given' };

const OUTCOME_COLUMNS = `o.id, o.placement_id AS "placementId", o.kind, o.description,
  to_char(o.target_date, 'YYYY-MM-DD') AS "targetDate", o.status,
  o.achievement_proposed_at IS NOT NULL AS "awaitingConfirmation", o.achievement_proposed_at AS "achievementProposedAt",
  o.confirmed_at AS "confirmedAt", o.created_at AS "createdAt", o.updated_at AS "updatedAt",
  COALESCE((SELECT json_agg(json_build_object('status', u.status, 'note', u.note, 'recordedByRole', u.recorded_by_role, 'proposed', u.proposed,
                                             'recordedAt', to_char(u.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY u.recorded_at, u.id)
              FROM outcome_updates u WHERE u.outcome_id = o.id), '[]') AS journey`;

const FEEDBACK_COLUMNS = `f.placement_id AS "placementId", f.rating, f.comments, f.young_person_view AS "youngPersonView",
  f.created_at AS "createdAt"`;

const OWNED_BY = `(p.local_authority_code = $2 OR p.provider_id = $3)`;

/**
 * SMART outcomes for placements with the journey travelled towards each, and the LA's feedback
 * when a placement ends. Both are shared between the placing LA and the provider.
 */
@Injectable()
export class OutcomeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Sets an outcome on a live placement of the LA, with its first step, in one transaction. */
  async create(placementId: string, localAuthorityCode: string, outcome: NewOutcome, by: Recorder): Promise<OutcomeResult> {
    return this.dataSource.transaction(async (manager) => {
      const [placement]: { live: boolean }[] = await manager.query(
        `SELECT ended_on IS NULL AS live FROM placements WHERE id = $1 AND local_authority_code = $2 FOR SHARE`,
        [placementId, localAuthorityCode],
      );
      if (!placement) return { outcome: 'not_found' as const };
      if (!placement.live) return { outcome: 'ended' as const };
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO placement_outcomes (placement_id, kind, description, target_date, status, created_by_user_id,
                                         confirmed_at, confirmed_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $5 = 'achieved' THEN now() END, CASE WHEN $5 = 'achieved' THEN $6::uuid END)
         RETURNING id`,
        [placementId, outcome.kind, outcome.description, outcome.targetDate, outcome.status, by.userId],
      );
      await manager.query(
        `INSERT INTO outcome_updates (outcome_id, status, note, recorded_by_user_id, recorded_by_role) VALUES ($1, $2, NULL, $3, $4)`,
        [id, outcome.status, by.userId, by.role],
      );
      const [view]: OutcomeView[] = await manager.query(`SELECT ${OUTCOME_COLUMNS} FROM placement_outcomes o WHERE o.id = $1`, [id]);
      return { outcome: 'recorded' as const, view };
    });
  }

  /**
   * Records progress on an outcome of a placement the caller's LA or provider holds: a new step of
   * the journey and the outcome's current status, in one transaction. Steps are never rewritten.
   */
  async progress(
    placementId: string,
    outcomeId: string,
    owner: PlacementOwner,
    step: { status: OutcomeStatus; note: string | null },
    by: Recorder,
  ): Promise<OutcomeResult> {
    return this.dataSource.transaction(async (manager) => {
      const [found]: { status: OutcomeStatus }[] = await manager.query(
        `SELECT o.status FROM placement_outcomes o JOIN placements p ON p.id = o.placement_id
          WHERE o.id = $4 AND p.id = $1 AND ${OWNED_BY} FOR UPDATE OF o`,
        [placementId, owner.localAuthorityCode ?? null, owner.providerId ?? null, outcomeId],
      );
      if (!found) return { outcome: 'not_found' as const };
      // Only the placing LA makes an outcome achieved: the provider's `achieved` is a proposal the LA
      // confirms (on an outcome already achieved, simply the provider's agreement).
      const providerSaysAchieved = step.status === 'achieved' && by.role === 'provider_user';
      const proposed = providerSaysAchieved && found.status !== 'achieved';
      await manager.query(
        `INSERT INTO outcome_updates (outcome_id, status, note, recorded_by_user_id, recorded_by_role, proposed) VALUES ($1, $2, $3, $4, $5, $6)`,
        [outcomeId, step.status, step.note, by.userId, by.role, proposed],
      );
      if (proposed) {
        await manager.query(`UPDATE placement_outcomes SET achievement_proposed_at = now(), updated_at = now() WHERE id = $1`, [outcomeId]);
      } else if (!providerSaysAchieved) {
        await manager.query(
          `UPDATE placement_outcomes SET status = $2, achievement_proposed_at = NULL,
                  confirmed_at = CASE WHEN $2 = 'achieved' THEN now() END, confirmed_by_user_id = CASE WHEN $2 = 'achieved' THEN $3::uuid END,
                  updated_at = now()
            WHERE id = $1`,
          [outcomeId, step.status, by.userId],
        );
      }
      const [view]: OutcomeView[] = await manager.query(`SELECT ${OUTCOME_COLUMNS} FROM placement_outcomes o WHERE o.id = $1`, [
        outcomeId,
      ]);
      return { outcome: 'recorded' as const, view };
    });
  }

  /**
   * The placing LA confirms the achievement its provider proposed: the outcome becomes achieved,
   * with a step of the journey in the LA's name. Another LA's outcome is not found.
   */
  async confirm(placementId: string, outcomeId: string, localAuthorityCode: string, note: string | null, by: Recorder): Promise<ConfirmResult> {
    return this.dataSource.transaction(async (manager) => {
      const [found]: { proposed: boolean }[] = await manager.query(
        `SELECT o.achievement_proposed_at IS NOT NULL AS proposed FROM placement_outcomes o JOIN placements p ON p.id = o.placement_id
          WHERE o.id = $3 AND p.id = $1 AND p.local_authority_code = $2 FOR UPDATE OF o`,
        [placementId, localAuthorityCode, outcomeId],
      );
      if (!found) return { outcome: 'not_found' as const };
      if (!found.proposed) return { outcome: 'nothing_proposed' as const };
      await manager.query(
        `INSERT INTO outcome_updates (outcome_id, status, note, recorded_by_user_id, recorded_by_role) VALUES ($1, 'achieved', $2, $3, $4)`,
        [outcomeId, note, by.userId, by.role],
      );
      await manager.query(
        `UPDATE placement_outcomes SET status = ${outcomeStatus('achieved')}, achievement_proposed_at = NULL, confirmed_at = now(), confirmed_by_user_id = $2,
                updated_at = now()
          WHERE id = $1`,
        [outcomeId, by.userId],
      );
      const [view]: OutcomeView[] = await manager.query(`SELECT ${OUTCOME_COLUMNS} FROM placement_outcomes o WHERE o.id = $1`, [outcomeId]);
      return { outcome: 'confirmed' as const, view };
    });
  }

  /** The LA's feedback on an ended placement of its own: once. */
  async recordFeedback(
    placementId: string,
    localAuthorityCode: string,
    feedback: { rating: number; comments: string; youngPersonView: string | null },
    by: Recorder,
  ): Promise<FeedbackResult> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [placement]: { ended: boolean }[] = await manager.query(
          `SELECT ended_on IS NOT NULL AS ended FROM placements WHERE id = $1 AND local_authority_code = $2 FOR SHARE`,
          [placementId, localAuthorityCode],
        );
        if (!placement) return { outcome: 'not_found' as const };
        if (!placement.ended) return { outcome: 'still_active' as const };
        const [view]: FeedbackView[] = await manager.query(
          `WITH f AS (
             INSERT INTO placement_feedback (placement_id, rating, comments, young_person_view, recorded_by_user_id)
             VALUES ($1, $2, $3, $4, $5) RETURNING *)
           SELECT ${FEEDBACK_COLUMNS} FROM f`,
          [placementId, feedback.rating, feedback.comments, feedback.youngPersonView, by.userId],
        );
        return { outcome: 'recorded' as const, view };
      });
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) return { outcome: 'already_given' };
      throw error;
    }
  }

  /** A placement's outcomes, oldest first, each with its journey. */
  outcomesOf(placementId: string): Promise<OutcomeView[]> {
    return this.dataSource.query(
      `SELECT ${OUTCOME_COLUMNS} FROM placement_outcomes o WHERE o.placement_id = $1 ORDER BY o.created_at, o.id`,
      [placementId],
    );
  }

  async feedbackOf(placementId: string): Promise<FeedbackView | null> {
    const [row] = await this.dataSource.query(`SELECT ${FEEDBACK_COLUMNS} FROM placement_feedback f WHERE f.placement_id = $1`, [
      placementId,
    ]);
    return row ?? null;
  }
}
