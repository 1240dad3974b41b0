import { MigrationInterface, QueryRunner } from 'typeorm';

export class MarketPositions1796295489191 implements MigrationInterface {
  name = 'MarketPositions1796295489191';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "market_positions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "alliance_id" uuid NOT NULL, "published_by_user_id" uuid NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "period_from" date NOT NULL, "period_to" date NOT NULL, "content" jsonb NOT NULL, CONSTRAINT "PK_36d4f8ec6acf50f196d9f621105" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "market_positions_latest" ON "market_positions"  ("alliance_id", "published_at") `);
    await queryRunner.query(`ALTER TABLE "market_positions" ADD CONSTRAINT "FK_bdef26e09abe16fe53f5035802b" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "market_positions" ADD CONSTRAINT "FK_b7f083a987e9439238f89a39b24" FOREIGN KEY ("published_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "market_positions" DROP CONSTRAINT "FK_b7f083a987e9439238f89a39b24"`);
    await queryRunner.query(`ALTER TABLE "market_positions" DROP CONSTRAINT "FK_bdef26e09abe16fe53f5035802b"`);
    await queryRunner.query(`DROP INDEX "public"."market_positions_latest"`);
    await queryRunner.query(`DROP TABLE "market_positions"`);
  }
}
