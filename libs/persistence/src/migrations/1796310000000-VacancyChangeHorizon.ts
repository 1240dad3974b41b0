import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Vacancy writes no longer queue behind one platform-wide lock. The change numbers were handed out
 * under a lock held to commit so that they grew in commit order; with several api and worker
 * processes that lock made every bed update in the country wait for the one before it.
 *
 * Each row now also records the id of the transaction that wrote it (`change_xid`). A reader's
 * snapshot knows the oldest transaction still running when it was taken (its xmin): every
 * transaction below that had finished, so nothing committed later can carry a smaller id. Workers
 * keep that horizon as their place in the feed and next read every row at or above it. Rows of
 * transactions that were still running are read again the next time, which is harmless: the
 * worker skips a version it has already seen.
 *
 * The id is kept as a bigint (xid8 is a 64-bit number that never wraps; TypeORM cannot map xid8,
 * and the schema check compares entities with this table).
 *
 * `change_seq` stays, from its sequence without the lock. The row trigger runs once the row is
 * locked, so two versions of one vacancy still number in the order they committed: it tells the
 * worker which of two reads of the same vacancy is newer.
 */
export class VacancyChangeHorizon1796310000000 implements MigrationInterface {
  name = 'VacancyChangeHorizon1796310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER vacancies_change_lock ON "vacancies"`);
    await queryRunner.query(`DROP FUNCTION vacancies_change_lock()`);
    // Rows written before this migration count as written before any worker's horizon.
    await queryRunner.query(`ALTER TABLE "vacancies" ADD "change_xid" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "vacancies" ALTER COLUMN "change_xid" DROP DEFAULT`);
    await queryRunner.query(`CREATE INDEX "vacancies_change_xid" ON "vacancies" ("change_xid") `);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION vacancies_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.change_seq := nextval('vacancy_change_seq');
        NEW.change_xid := pg_current_xact_id()::text::bigint;
        RETURN NEW;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION vacancies_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.change_seq := nextval('vacancy_change_seq');
        RETURN NEW;
      END $$`);
    await queryRunner.query(`DROP INDEX "public"."vacancies_change_xid"`);
    await queryRunner.query(`ALTER TABLE "vacancies" DROP COLUMN "change_xid"`);
    await queryRunner.query(`CREATE FUNCTION vacancies_change_lock() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(7410001);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER vacancies_change_lock BEFORE INSERT OR UPDATE ON "vacancies" FOR EACH STATEMENT EXECUTE FUNCTION vacancies_change_lock()`);
  }
}
