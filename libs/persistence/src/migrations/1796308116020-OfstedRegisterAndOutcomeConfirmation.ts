import { MigrationInterface, QueryRunner } from 'typeorm';

export class OfstedRegisterAndOutcomeConfirmation1796308116020 implements MigrationInterface {
  name = 'OfstedRegisterAndOutcomeConfirmation1796308116020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "settings" ADD "ofsted_grade_source" text NOT NULL DEFAULT 'self-declared'`);
    await queryRunner.query(`ALTER TABLE "settings" ADD "ofsted_inspected_on" date`);
    await queryRunner.query(`ALTER TABLE "placement_outcomes" ADD "achievement_proposed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "placement_outcomes" ADD "confirmed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "placement_outcomes" ADD "confirmed_by_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "outcome_updates" ADD "proposed" boolean NOT NULL DEFAULT false`);
    // Outcomes already achieved on the LA's own word count as confirmed by it; those a provider set stay as they were.
    // (Grades from the register are filled by the reference-data load that follows every migration.)
    await queryRunner.query(`UPDATE "placement_outcomes" o SET confirmed_at = u.recorded_at, confirmed_by_user_id = u.recorded_by_user_id
      FROM (SELECT DISTINCT ON (outcome_id) outcome_id, recorded_at, recorded_by_user_id, recorded_by_role
              FROM outcome_updates ORDER BY outcome_id, recorded_at DESC, id DESC) u
     WHERE u.outcome_id = o.id AND o.status = 'achieved' AND u.recorded_by_role = 'placement_officer'`);
    await queryRunner.query(`ALTER TABLE "settings" ADD CONSTRAINT "settings_ofsted_grade_source_known" CHECK (ofsted_grade_source IN ('register', 'self-declared'))`);
    await queryRunner.query(`ALTER TABLE "placement_outcomes" ADD CONSTRAINT "FK_6649daa47910c24f75ca0692c40" FOREIGN KEY ("confirmed_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_outcomes" DROP CONSTRAINT "FK_6649daa47910c24f75ca0692c40"`);
    await queryRunner.query(`ALTER TABLE "settings" DROP CONSTRAINT "settings_ofsted_grade_source_known"`);
    await queryRunner.query(`ALTER TABLE "outcome_updates" DROP COLUMN "proposed"`);
    await queryRunner.query(`ALTER TABLE "placement_outcomes" DROP COLUMN "confirmed_by_user_id"`);
    await queryRunner.query(`ALTER TABLE "placement_outcomes" DROP COLUMN "confirmed_at"`);
    await queryRunner.query(`ALTER TABLE "placement_outcomes" DROP COLUMN "achievement_proposed_at"`);
    await queryRunner.query(`ALTER TABLE "settings" DROP COLUMN "ofsted_inspected_on"`);
    await queryRunner.query(`ALTER TABLE "settings" DROP COLUMN "ofsted_grade_source"`);
  }
}
