import { MigrationInterface, QueryRunner } from 'typeorm';

export class Offers1795484454076 implements MigrationInterface {
  name = 'Offers1795484454076';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "offers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "referral_id" uuid NOT NULL, "vacancy_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "weekly_cost" integer NOT NULL, "message" text, "status" text NOT NULL DEFAULT 'open', "created_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "offers_weekly_cost_positive" CHECK (weekly_cost > 0), CONSTRAINT "offers_status_known" CHECK (status IN ('open', 'accepted', 'closed', 'withdrawn')), CONSTRAINT "PK_4c88e956195bba85977da21b8f4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_d2a31168829f7c3fca91c5fa50" ON "offers"  ("referral_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_eca91fbc6f480a8d4eafacb8b2" ON "offers"  ("provider_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "offers_one_open_per_vacancy" ON "offers"  ("referral_id", "vacancy_id") WHERE status = 'open'`);
    await queryRunner.query(`CREATE TABLE "declines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "referral_id" uuid NOT NULL, "vacancy_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "reason" text NOT NULL, "note" text, "created_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "declines_reason_known" CHECK (reason IN ('no_capacity', 'needs_cannot_be_met', 'risk_to_other_children', 'location', 'cost', 'other')), CONSTRAINT "PK_d247b2f59e83699d0eca518aa71" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_5d687fe69ad7727139ae03208b" ON "declines"  ("referral_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_1bf9b2d789a3e249977c2ffb5b" ON "declines"  ("provider_id") `);
    await queryRunner.query(`ALTER TABLE "offers" ADD CONSTRAINT "FK_d2a31168829f7c3fca91c5fa500" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "offers" ADD CONSTRAINT "FK_a213044e3deca9d46d4629c8dd4" FOREIGN KEY ("vacancy_id") REFERENCES "vacancies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "offers" ADD CONSTRAINT "FK_eca91fbc6f480a8d4eafacb8b22" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "offers" ADD CONSTRAINT "FK_45816ac10c45d83d42a78e9b757" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "declines" ADD CONSTRAINT "FK_5d687fe69ad7727139ae03208b1" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "declines" ADD CONSTRAINT "FK_7f062d5bb33d82596d03c7b99d7" FOREIGN KEY ("vacancy_id") REFERENCES "vacancies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "declines" ADD CONSTRAINT "FK_1bf9b2d789a3e249977c2ffb5ba" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "declines" ADD CONSTRAINT "FK_7e4406ec5b92a1755648d0a1516" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "declines" DROP CONSTRAINT "FK_7e4406ec5b92a1755648d0a1516"`);
    await queryRunner.query(`ALTER TABLE "declines" DROP CONSTRAINT "FK_1bf9b2d789a3e249977c2ffb5ba"`);
    await queryRunner.query(`ALTER TABLE "declines" DROP CONSTRAINT "FK_7f062d5bb33d82596d03c7b99d7"`);
    await queryRunner.query(`ALTER TABLE "declines" DROP CONSTRAINT "FK_5d687fe69ad7727139ae03208b1"`);
    await queryRunner.query(`ALTER TABLE "offers" DROP CONSTRAINT "FK_45816ac10c45d83d42a78e9b757"`);
    await queryRunner.query(`ALTER TABLE "offers" DROP CONSTRAINT "FK_eca91fbc6f480a8d4eafacb8b22"`);
    await queryRunner.query(`ALTER TABLE "offers" DROP CONSTRAINT "FK_a213044e3deca9d46d4629c8dd4"`);
    await queryRunner.query(`ALTER TABLE "offers" DROP CONSTRAINT "FK_d2a31168829f7c3fca91c5fa500"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1bf9b2d789a3e249977c2ffb5b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5d687fe69ad7727139ae03208b"`);
    await queryRunner.query(`DROP TABLE "declines"`);
    await queryRunner.query(`DROP INDEX "public"."offers_one_open_per_vacancy"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eca91fbc6f480a8d4eafacb8b2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d2a31168829f7c3fca91c5fa50"`);
    await queryRunner.query(`DROP TABLE "offers"`);
  }
}
