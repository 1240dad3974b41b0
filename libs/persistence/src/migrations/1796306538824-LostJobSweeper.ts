import { MigrationInterface, QueryRunner } from 'typeorm';

export class LostJobSweeper1796306538824 implements MigrationInterface {
  name = 'LostJobSweeper1796306538824';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "referrals_unmatched" ON "referrals"  ("updated_at") WHERE status IN ('submitted', 'matching', 'match_failed')`);
    await queryRunner.query(`CREATE INDEX "outbox_sent_by_created" ON "outbox"  ("created_at") WHERE sent_at IS NOT NULL`);
    // A referral's match rows, for the sweeper (declared with synchronize: false on the entity).
    await queryRunner.query(`CREATE INDEX "outbox_by_referral" ON "outbox" ((payload->>'referralId'), id) WHERE payload ? 'referralId'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."outbox_by_referral"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_sent_by_created"`);
    await queryRunner.query(`DROP INDEX "public"."referrals_unmatched"`);
  }
}
