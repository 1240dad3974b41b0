import { MigrationInterface, QueryRunner } from 'typeorm';

export class OfferClosedReasons1796306484601 implements MigrationInterface {
  name = 'OfferClosedReasons1796306484601';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offers" ADD "closed_reasons" text array`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offers" DROP COLUMN "closed_reasons"`);
  }
}
