import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Takes the change-number lock before a statement locks any vacancy row, not per row after the
 * row is locked: otherwise a setting's change (locking its vacancies one by one) and a provider's
 * edit of one of them could each hold what the other waits for, and Postgres would abort one.
 */
export class VacancyChangeLock1795484400000 implements MigrationInterface {
  name = 'VacancyChangeLock1795484400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION vacancies_change_lock() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(7410001);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER vacancies_change_lock BEFORE INSERT OR UPDATE ON "vacancies" FOR EACH STATEMENT EXECUTE FUNCTION vacancies_change_lock()`);
    // Rows are numbered under the lock the statement already holds.
    await queryRunner.query(`CREATE OR REPLACE FUNCTION vacancies_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.change_seq := nextval('vacancy_change_seq');
        RETURN NEW;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION vacancies_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(7410001);
        NEW.change_seq := nextval('vacancy_change_seq');
        RETURN NEW;
      END $$`);
    await queryRunner.query(`DROP TRIGGER vacancies_change_lock ON "vacancies"`);
    await queryRunner.query(`DROP FUNCTION vacancies_change_lock()`);
  }
}
