import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Writes mark an LA-month's sufficiency figures stale by adding a row, not by bumping one shared
 * row per LA-month: every referral and placement written in one LA and month updated that row, so
 * concurrent intake for one LA queued on its lock until each writer committed.
 *
 * The rebuild deletes, in one statement, the marks it can see, then rebuilds those months from the
 * raw tables in later statements of the same transaction: every write whose mark it deleted had
 * committed before, so the rebuild reads it. A mark committed after that delete survives it, and
 * the month stays stale for the next rebuild: the guarantee the version number gave.
 */
export class SufficiencyStaleMarks1796310100000 implements MigrationInterface {
  name = 'SufficiencyStaleMarks1796310100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sufficiency_stale_marks" ("id" BIGSERIAL NOT NULL, "local_authority_code" character varying(9) NOT NULL, "month" date NOT NULL, CONSTRAINT "PK_sufficiency_stale_marks" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "sufficiency_stale_marks_la_month" ON "sufficiency_stale_marks" ("local_authority_code", "month") `);
    await queryRunner.query(`INSERT INTO sufficiency_stale_marks (local_authority_code, month)
      SELECT local_authority_code, month FROM sufficiency_stale_months ORDER BY month, local_authority_code`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION sufficiency_mark_stale(las text[], months date[]) RETURNS void LANGUAGE sql AS $$
      INSERT INTO sufficiency_stale_marks (local_authority_code, month)
      SELECT DISTINCT la, month FROM unnest(las, months) AS m(la, month) WHERE la IS NOT NULL
    $$`);
    await queryRunner.query(`DROP TABLE "sufficiency_stale_months"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sufficiency_stale_months" ("local_authority_code" character varying(9) NOT NULL, "month" date NOT NULL, "version" bigint NOT NULL DEFAULT '1', CONSTRAINT "PK_8c6458b4e5f998a9e284c17a8cd" PRIMARY KEY ("local_authority_code", "month"))`);
    await queryRunner.query(`INSERT INTO sufficiency_stale_months (local_authority_code, month)
      SELECT DISTINCT local_authority_code, month FROM sufficiency_stale_marks`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION sufficiency_mark_stale(las text[], months date[]) RETURNS void LANGUAGE sql AS $$
      INSERT INTO sufficiency_stale_months (local_authority_code, month)
      SELECT DISTINCT la, month FROM unnest(las, months) AS m(la, month) WHERE la IS NOT NULL ORDER BY 1, 2
      ON CONFLICT (local_authority_code, month) DO UPDATE SET version = sufficiency_stale_months.version + 1
    $$`);
    await queryRunner.query(`DROP TABLE "sufficiency_stale_marks"`);
  }
}
