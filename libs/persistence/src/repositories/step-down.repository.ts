import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobName } from '@app/jobs';
import { OutboxRepository } from './outbox.repository';
import { steeringAllianceOf } from './steering-alliance';

/** The planned follow-on of an emergency placement: the step-down referral, opened once. */
@Injectable()
export class StepDownRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Opens the planned follow-on (step-down) referral of an emergency placement, once: for the same
   * child, by the same LA and officer, for the same placement types, needed `stepDownDays` (the
   * LA's alliance's, 28 by default) after the emergency placement started, with its first match
   * queued in the same transaction. A second call finds it opened (a unique index on
   * `follows_referral_id`) and does nothing.
   */
  async openStepDown(placementId: string): Promise<{ opened: boolean; referralId: string | null }> {
    return this.dataSource.transaction(async (manager) => {
      const [created]: { id: string }[] = await manager.query(
        `WITH emergency AS (
           SELECT r.*, p.start_date,
                  coalesce((SELECT a.step_down_days FROM alliances a WHERE a.id = ${steeringAllianceOf('r.local_authority_code')}), 28) AS days
             FROM placements p JOIN referrals r ON r.id = p.referral_id
            WHERE p.id = $1 AND r.urgency = 'emergency')
         INSERT INTO referrals (child_id, local_authority_code, created_by_user_id, idempotency_key, request_hash, urgency,
                                required_by, placement_types, max_distance_miles, weekly_budget, notes, follows_referral_id)
         SELECT child_id, local_authority_code, created_by_user_id, 'step-down:' || id, encode(sha256(('step-down:' || id)::bytea), 'hex'),
                'planned', start_date + days, placement_types, max_distance_miles, weekly_budget, notes, id
           FROM emergency
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [placementId],
      );
      if (!created) {
        const [existing] = await manager.query(
          `SELECT f.id FROM placements p JOIN referrals f ON f.follows_referral_id = p.referral_id WHERE p.id = $1`,
          [placementId],
        );
        return { opened: false, referralId: existing?.id ?? null };
      }
      await OutboxRepository.append(manager, JobName.MatchReferral, { referralId: created.id });
      return { opened: true, referralId: created.id };
    });
  }
}
