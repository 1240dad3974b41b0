import { MigrationInterface, QueryRunner } from 'typeorm';

export class EndReasonLength1795495068725 implements MigrationInterface {
  name = 'EndReasonLength1795495068725';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Widened in place: the generator's DROP and ADD would lose every ending's reason.
    await queryRunner.query(`ALTER TABLE "placements" ALTER COLUMN "end_reason" TYPE character varying(8)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placements" ALTER COLUMN "end_reason" TYPE character varying(5)`);
  }
}
