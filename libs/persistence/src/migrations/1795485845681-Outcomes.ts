import { MigrationInterface, QueryRunner } from 'typeorm';

export class Outcomes1795485845681 implements MigrationInterface {
  name = 'Outcomes1795485845681';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "placement_outcomes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "placement_id" uuid NOT NULL, "kind" text NOT NULL, "description" text NOT NULL, "target_date" date NOT NULL, "status" text NOT NULL, "created_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "placement_outcomes_status_known" CHECK (status IN ('not_started', 'in_progress', 'achieved', 'not_achieved')), CONSTRAINT "placement_outcomes_kind_known" CHECK (kind IN ('hard', 'soft')), CONSTRAINT "PK_918267b5664f08767ae69ff2a5f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_40c81200a3a03d641f0717c9c7" ON "placement_outcomes"  ("placement_id") `);
    await queryRunner.query(`CREATE TABLE "outcome_updates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "outcome_id" uuid NOT NULL, "status" text NOT NULL, "note" text, "recorded_by_user_id" uuid NOT NULL, "recorded_by_role" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "outcome_updates_status_known" CHECK (status IN ('not_started', 'in_progress', 'achieved', 'not_achieved')), CONSTRAINT "PK_ce10dfbdfd10b4b91f649c98384" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "outcome_updates_in_order" ON "outcome_updates"  ("outcome_id", "recorded_at") `);
    await queryRunner.query(`CREATE TABLE "placement_feedback" ("placement_id" uuid NOT NULL, "rating" smallint NOT NULL, "comments" text NOT NULL, "young_person_view" text, "recorded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "placement_feedback_rating_range" CHECK (rating BETWEEN 1 AND 5), CONSTRAINT "PK_db28c3327124a93407ccd874efc" PRIMARY KEY ("placement_id"))`);
    await queryRunner.query(`ALTER TABLE "audit_log" ADD "referral_id" uuid`);
    await queryRunner.query(`CREATE INDEX "audit_log_by_referral" ON "audit_log"  ("referral_id", "occurred_at") `);
    await queryRunner.query(`UPDATE "audit_log" SET "referral_id" = "entity_id"::uuid WHERE "entity_type" = 'referral'`);
    // The audit log is append-only for every role, the application's included: rows can be added, never changed or removed.
    await queryRunner.query(`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON "audit_log"
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await queryRunner.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
    await queryRunner.query(`ALTER TABLE "placement_outcomes" ADD CONSTRAINT "FK_40c81200a3a03d641f0717c9c74" FOREIGN KEY ("placement_id") REFERENCES "placements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "placement_outcomes" ADD CONSTRAINT "FK_4d68378cb453a5552c9fc585f9d" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outcome_updates" ADD CONSTRAINT "FK_9ee8f1741c4cc89f9eded6e0d65" FOREIGN KEY ("outcome_id") REFERENCES "placement_outcomes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outcome_updates" ADD CONSTRAINT "FK_8df85ef87310a0bddbc235a1f4e" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "placement_feedback" ADD CONSTRAINT "FK_db28c3327124a93407ccd874efc" FOREIGN KEY ("placement_id") REFERENCES "placements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "placement_feedback" ADD CONSTRAINT "FK_f937d10e00f707e78276d8a0c2e" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement_feedback" DROP CONSTRAINT "FK_f937d10e00f707e78276d8a0c2e"`);
    await queryRunner.query(`ALTER TABLE "placement_feedback" DROP CONSTRAINT "FK_db28c3327124a93407ccd874efc"`);
    await queryRunner.query(`ALTER TABLE "outcome_updates" DROP CONSTRAINT "FK_8df85ef87310a0bddbc235a1f4e"`);
    await queryRunner.query(`ALTER TABLE "outcome_updates" DROP CONSTRAINT "FK_9ee8f1741c4cc89f9eded6e0d65"`);
    await queryRunner.query(`ALTER TABLE "placement_outcomes" DROP CONSTRAINT "FK_4d68378cb453a5552c9fc585f9d"`);
    await queryRunner.query(`ALTER TABLE "placement_outcomes" DROP CONSTRAINT "FK_40c81200a3a03d641f0717c9c74"`);
    await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON "audit_log"`);
    await queryRunner.query(`DROP TRIGGER audit_log_no_change ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_by_referral"`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "referral_id"`);
    await queryRunner.query(`DROP TABLE "placement_feedback"`);
    await queryRunner.query(`DROP INDEX "public"."outcome_updates_in_order"`);
    await queryRunner.query(`DROP TABLE "outcome_updates"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_40c81200a3a03d641f0717c9c7"`);
    await queryRunner.query(`DROP TABLE "placement_outcomes"`);
  }
}
