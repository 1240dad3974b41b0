import { MigrationInterface, QueryRunner } from 'typeorm';

export class PlacementBedsAndAppRole1795487486154 implements MigrationInterface {
  name = 'PlacementBedsAndAppRole1795487486154';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placements" ADD "beds_taken" smallint NOT NULL DEFAULT '1'`);
    // The role the api and the worker should run as: every table's rows to read and write, but the
    // audit log's only to read and append. It owns nothing, so it cannot disable the audit log's
    // triggers, alter or drop it either. Migrations run as the owner.
    await queryRunner.query(`CREATE FUNCTION grant_application_role(app_role name) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app_role);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app_role);
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app_role);
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM %I', app_role);
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION grant_application_role(name)`);
    await queryRunner.query(`ALTER TABLE "placements" DROP COLUMN "beds_taken"`);
  }
}
