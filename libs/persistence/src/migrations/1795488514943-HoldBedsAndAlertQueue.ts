import { MigrationInterface, QueryRunner } from 'typeorm';

export class HoldBedsAndAlertQueue1795488514943 implements MigrationInterface {
  name = 'HoldBedsAndAlertQueue1795488514943';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vacancy_holds" ADD "beds" smallint NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "provider_notifications" ADD "queued_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "provider_notifications" ADD "failed_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "provider_notifications" DROP COLUMN "failed_at"`);
    await queryRunner.query(`ALTER TABLE "provider_notifications" DROP COLUMN "queued_at"`);
    await queryRunner.query(`ALTER TABLE "vacancy_holds" DROP COLUMN "beds"`);
  }
}
