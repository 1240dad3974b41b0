import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a provider last confirmed each vacancy, for staleness; vacancies already listed count as
 * confirmed when this runs, so none turns stale at once. A new column's default is set without
 * rewriting rows or firing the vacancy triggers, so the change feed sees nothing, rightly: no
 * vacancy is different until days pass. And the days whose turn the worker has handled.
 */
export class VacancyConfirmationAndDayTurns1796306528774 implements MigrationInterface {
  name = 'VacancyConfirmationAndDayTurns1796306528774';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "day_turns" ("day" date NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8a3e840cab8b9d02acfbf3e8552" PRIMARY KEY ("day"))`);
    await queryRunner.query(`ALTER TABLE "vacancies" ADD "confirmed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vacancies" DROP COLUMN "confirmed_at"`);
    await queryRunner.query(`DROP TABLE "day_turns"`);
  }
}
