import { MigrationInterface, QueryRunner } from 'typeorm';

export class SupplySnapshots1795490217226 implements MigrationInterface {
  name = 'SupplySnapshots1795490217226';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "supply_snapshots" ("day" date NOT NULL, "local_authority_code" character varying(9) NOT NULL, "placement_type" character varying(2) NOT NULL, "age_min" smallint NOT NULL, "age_max" smallint NOT NULL, "emergency_ready" boolean NOT NULL, "beds" integer NOT NULL, CONSTRAINT "PK_5818bd2056757b9e6823cc12dc4" PRIMARY KEY ("day", "local_authority_code", "placement_type", "age_min", "age_max", "emergency_ready"))`);
    await queryRunner.query(`CREATE TABLE "supply_need_snapshots" ("day" date NOT NULL, "local_authority_code" character varying(9) NOT NULL, "placement_type" character varying(2) NOT NULL, "need_code" text NOT NULL, "beds" integer NOT NULL, CONSTRAINT "PK_ca9a50b9a823936c40e67e6ead9" PRIMARY KEY ("day", "local_authority_code", "placement_type", "need_code"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "supply_need_snapshots"`);
    await queryRunner.query(`DROP TABLE "supply_snapshots"`);
  }
}
