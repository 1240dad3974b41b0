import { MigrationInterface, QueryRunner } from 'typeorm';

export class PlacementPlacedBy1796290535742 implements MigrationInterface {
  name = 'PlacementPlacedBy1796290535742';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placements" ADD "placed_by_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "placements" ADD CONSTRAINT "FK_cd1a0817f517c647b21a6419515" FOREIGN KEY ("placed_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placements" DROP CONSTRAINT "FK_cd1a0817f517c647b21a6419515"`);
    await queryRunner.query(`ALTER TABLE "placements" DROP COLUMN "placed_by_user_id"`);
  }
}
