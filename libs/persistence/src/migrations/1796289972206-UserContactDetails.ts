import { MigrationInterface, QueryRunner } from 'typeorm';

export class UserContactDetails1796289972206 implements MigrationInterface {
  name = 'UserContactDetails1796289972206';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "display_name" text`);
    await queryRunner.query(`ALTER TABLE "users" ADD "phone" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "phone"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "display_name"`);
  }
}
