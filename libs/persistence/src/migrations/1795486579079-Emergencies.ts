import { MigrationInterface, QueryRunner } from 'typeorm';

export class Emergencies1795486579079 implements MigrationInterface {
  name = 'Emergencies1795486579079';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "vacancy_holds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vacancy_id" uuid NOT NULL, "referral_id" uuid NOT NULL, "local_authority_code" character varying(9) NOT NULL, "created_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "released_at" TIMESTAMP WITH TIME ZONE, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2d7733f4010b736a6fa14977502" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8997d95ea759832b30ecbb37ab" ON "vacancy_holds"  ("referral_id") `);
    await queryRunner.query(`CREATE INDEX "vacancy_holds_by_vacancy" ON "vacancy_holds"  ("vacancy_id", "expires_at") `);
    await queryRunner.query(`CREATE TABLE "provider_webhooks" ("provider_id" uuid NOT NULL, "url" text NOT NULL, "secret" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6556a446cff4c1cfe1d66b88d6f" PRIMARY KEY ("provider_id"))`);
    await queryRunner.query(`CREATE TABLE "provider_notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider_id" uuid NOT NULL, "referral_id" uuid NOT NULL, "vacancy_id" uuid NOT NULL, "event" text NOT NULL, "urgency" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, CONSTRAINT "provider_notifications_once" UNIQUE ("referral_id", "vacancy_id", "event"), CONSTRAINT "PK_f211f8bd1bef678d19682526d0a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "provider_notifications_by_provider" ON "provider_notifications"  ("provider_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "alliances" ADD "step_down_days" smallint NOT NULL DEFAULT '28'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "referrals_one_step_down" ON "referrals"  ("follows_referral_id") WHERE follows_referral_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "outbox_unsent_by_queue" ON "outbox"  ("queue_name", "id") WHERE sent_at IS NULL`);
    await queryRunner.query(`ALTER TABLE "vacancy_holds" ADD CONSTRAINT "FK_4b1be55a03c6e4399d187a256ae" FOREIGN KEY ("vacancy_id") REFERENCES "vacancies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "vacancy_holds" ADD CONSTRAINT "FK_8997d95ea759832b30ecbb37abd" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "vacancy_holds" ADD CONSTRAINT "FK_e99d5885f56867eadc571568709" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "provider_webhooks" ADD CONSTRAINT "FK_6556a446cff4c1cfe1d66b88d6f" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "provider_notifications" ADD CONSTRAINT "FK_957f54235846ca3d2eeb75761d0" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "provider_notifications" ADD CONSTRAINT "FK_3cad63ef2bfdde4c0947deec21b" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "provider_notifications" ADD CONSTRAINT "FK_21c2bf6576a17eeb82d9598bf1c" FOREIGN KEY ("vacancy_id") REFERENCES "vacancies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "provider_notifications" DROP CONSTRAINT "FK_21c2bf6576a17eeb82d9598bf1c"`);
    await queryRunner.query(`ALTER TABLE "provider_notifications" DROP CONSTRAINT "FK_3cad63ef2bfdde4c0947deec21b"`);
    await queryRunner.query(`ALTER TABLE "provider_notifications" DROP CONSTRAINT "FK_957f54235846ca3d2eeb75761d0"`);
    await queryRunner.query(`ALTER TABLE "provider_webhooks" DROP CONSTRAINT "FK_6556a446cff4c1cfe1d66b88d6f"`);
    await queryRunner.query(`ALTER TABLE "vacancy_holds" DROP CONSTRAINT "FK_e99d5885f56867eadc571568709"`);
    await queryRunner.query(`ALTER TABLE "vacancy_holds" DROP CONSTRAINT "FK_8997d95ea759832b30ecbb37abd"`);
    await queryRunner.query(`ALTER TABLE "vacancy_holds" DROP CONSTRAINT "FK_4b1be55a03c6e4399d187a256ae"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_unsent_by_queue"`);
    await queryRunner.query(`DROP INDEX "public"."referrals_one_step_down"`);
    await queryRunner.query(`ALTER TABLE "alliances" DROP COLUMN "step_down_days"`);
    await queryRunner.query(`DROP INDEX "public"."provider_notifications_by_provider"`);
    await queryRunner.query(`DROP TABLE "provider_notifications"`);
    await queryRunner.query(`DROP TABLE "provider_webhooks"`);
    await queryRunner.query(`DROP INDEX "public"."vacancy_holds_by_vacancy"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8997d95ea759832b30ecbb37ab"`);
    await queryRunner.query(`DROP TABLE "vacancy_holds"`);
  }
}
