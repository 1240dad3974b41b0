import { MigrationInterface, QueryRunner } from 'typeorm';

export class Placements1795484717479 implements MigrationInterface {
  name = 'Placements1795484717479';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "placements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "referral_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "vacancy_id" uuid NOT NULL, "setting_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "local_authority_code" character varying(9) NOT NULL, "start_date" date NOT NULL, "weekly_cost" integer NOT NULL, "ended_on" date, "end_reason" character varying(5), "planned_ending" boolean, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_4d39824410728dfc9a48b9f034e" UNIQUE ("offer_id"), CONSTRAINT "PK_91cca43a1baa03ee278d7be74da" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_4f6b960fb60264c9fc4ba917f7" ON "placements"  ("vacancy_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f3785c0b12373a5f8d8e1c0334" ON "placements"  ("provider_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_cfd6b9583c49c8552f7b40a96f" ON "placements"  ("local_authority_code") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "placements_one_live_per_referral" ON "placements"  ("referral_id") WHERE ended_on IS NULL`);
    await queryRunner.query(`ALTER TABLE "placements" ADD CONSTRAINT "FK_0bcd27d1e46459ae5e6064bd83c" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "placements" ADD CONSTRAINT "FK_4d39824410728dfc9a48b9f034e" FOREIGN KEY ("offer_id") REFERENCES "offers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "placements" ADD CONSTRAINT "FK_4f6b960fb60264c9fc4ba917f78" FOREIGN KEY ("vacancy_id") REFERENCES "vacancies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "placements" ADD CONSTRAINT "FK_f3785c0b12373a5f8d8e1c03342" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placements" DROP CONSTRAINT "FK_f3785c0b12373a5f8d8e1c03342"`);
    await queryRunner.query(`ALTER TABLE "placements" DROP CONSTRAINT "FK_4f6b960fb60264c9fc4ba917f78"`);
    await queryRunner.query(`ALTER TABLE "placements" DROP CONSTRAINT "FK_4d39824410728dfc9a48b9f034e"`);
    await queryRunner.query(`ALTER TABLE "placements" DROP CONSTRAINT "FK_0bcd27d1e46459ae5e6064bd83c"`);
    await queryRunner.query(`DROP INDEX "public"."placements_one_live_per_referral"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cfd6b9583c49c8552f7b40a96f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f3785c0b12373a5f8d8e1c0334"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4f6b960fb60264c9fc4ba917f7"`);
    await queryRunner.query(`DROP TABLE "placements"`);
  }
}
