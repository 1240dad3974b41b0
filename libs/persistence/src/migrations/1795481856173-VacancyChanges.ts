import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A change number on every vacancy, in commit order, so workers can keep an in-memory copy of the
 * open vacancies exact by reading only what changed since they last looked.
 */
export class VacancyChanges1795481856173 implements MigrationInterface {
  name = 'VacancyChanges1795481856173';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "vacancy_change_seq"`);
    await queryRunner.query(`ALTER TABLE "vacancies" ADD "change_seq" bigint`);
    await queryRunner.query(`UPDATE "vacancies" SET "change_seq" = nextval('vacancy_change_seq')`);
    await queryRunner.query(`ALTER TABLE "vacancies" ALTER COLUMN "change_seq" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "vacancies_change_seq" ON "vacancies"  ("change_seq") `);
    // Numbers are taken under a transaction-scoped lock, so they are handed out in commit order: a
    // transaction numbering its rows waits for the one before it to commit. Vacancy writes are few
    // (providers updating beds), so the wait is short; without it a reader could see number n + 1
    // committed while n was still in flight, and skip n for good.
    await queryRunner.query(`CREATE FUNCTION vacancies_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(7410001);
        NEW.change_seq := nextval('vacancy_change_seq');
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER vacancies_stamp_change BEFORE INSERT OR UPDATE ON "vacancies" FOR EACH ROW EXECUTE FUNCTION vacancies_stamp_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER vacancies_stamp_change ON "vacancies"`);
    await queryRunner.query(`DROP FUNCTION vacancies_stamp_change()`);
    await queryRunner.query(`DROP INDEX "public"."vacancies_change_seq"`);
    await queryRunner.query(`ALTER TABLE "vacancies" DROP COLUMN "change_seq"`);
    await queryRunner.query(`DROP SEQUENCE "vacancy_change_seq"`);
  }
}
