import { MigrationInterface, QueryRunner } from 'typeorm';

export class Matching1795479382357 implements MigrationInterface {
  name = 'Matching1795479382357';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "referral_matches" ("referral_id" uuid NOT NULL, "rank" smallint NOT NULL, "vacancy_id" uuid NOT NULL, "setting_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "score" double precision NOT NULL, "distance_miles" double precision NOT NULL, "weekly_cost" integer NOT NULL, "breakdown" jsonb NOT NULL, CONSTRAINT "PK_1af1a9a1745b18936e3e5617672" PRIMARY KEY ("referral_id", "rank"))`);
    await queryRunner.query(`CREATE INDEX "IDX_a7b033099d2443e153f96b2940" ON "referral_matches"  ("vacancy_id") `);
    await queryRunner.query(`CREATE TABLE "referral_exclusions" ("referral_id" uuid NOT NULL, "position" smallint NOT NULL, "vacancy_id" uuid NOT NULL, "distance_miles" double precision NOT NULL, "reasons" text array NOT NULL, CONSTRAINT "PK_b1318fb0ba3c88a880614c4e693" PRIMARY KEY ("referral_id", "position"))`);
    await queryRunner.query(`ALTER TABLE "alliances" ADD "matching_weights" jsonb`);
    // The setting's matching fields, copied onto each vacancy: added nullable, filled, then required.
    await queryRunner.query(`ALTER TABLE "vacancies" ADD "placement_type" character varying(2), ADD "age_min" smallint, ADD "age_max" smallint, ADD "genders" text array, ADD "needs_supported" jsonb, ADD "needs_excluded" text array, ADD "ofsted_grade" text, ADD "setting_local_authority_code" character varying(9), ADD "latitude" double precision, ADD "longitude" double precision`);
    await queryRunner.query(`UPDATE "vacancies" v SET placement_type = s.placement_type, age_min = s.age_min, age_max = s.age_max, genders = s.genders, needs_supported = s.needs_supported, needs_excluded = s.needs_excluded, ofsted_grade = s.ofsted_grade, setting_local_authority_code = s.local_authority_code, latitude = s.latitude, longitude = s.longitude FROM "settings" s WHERE s.id = v.setting_id`);
    for (const column of ['placement_type', 'age_min', 'age_max', 'genders', 'needs_supported', 'needs_excluded', 'ofsted_grade', 'latitude', 'longitude']) {
      await queryRunner.query(`ALTER TABLE "vacancies" ALTER COLUMN "${column}" SET NOT NULL`);
    }
    // Kept in step by the database, so no code path can leave a vacancy matching on stale setting data.
    await queryRunner.query(`CREATE FUNCTION vacancies_copy_setting() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT s.placement_type, s.age_min, s.age_max, s.genders, s.needs_supported, s.needs_excluded, s.ofsted_grade,
               s.local_authority_code, s.latitude, s.longitude
          INTO NEW.placement_type, NEW.age_min, NEW.age_max, NEW.genders, NEW.needs_supported, NEW.needs_excluded,
               NEW.ofsted_grade, NEW.setting_local_authority_code, NEW.latitude, NEW.longitude
          FROM settings s WHERE s.id = NEW.setting_id;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER vacancies_copy_setting BEFORE INSERT OR UPDATE OF setting_id ON "vacancies" FOR EACH ROW EXECUTE FUNCTION vacancies_copy_setting()`);
    await queryRunner.query(`CREATE FUNCTION settings_propagate_to_vacancies() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE vacancies SET placement_type = NEW.placement_type, age_min = NEW.age_min, age_max = NEW.age_max,
               genders = NEW.genders, needs_supported = NEW.needs_supported, needs_excluded = NEW.needs_excluded,
               ofsted_grade = NEW.ofsted_grade, setting_local_authority_code = NEW.local_authority_code,
               latitude = NEW.latitude, longitude = NEW.longitude
         WHERE setting_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER settings_propagate_to_vacancies AFTER UPDATE ON "settings" FOR EACH ROW WHEN ((OLD.placement_type, OLD.age_min, OLD.age_max, OLD.genders, OLD.needs_supported, OLD.needs_excluded, OLD.ofsted_grade, OLD.local_authority_code, OLD.latitude, OLD.longitude) IS DISTINCT FROM (NEW.placement_type, NEW.age_min, NEW.age_max, NEW.genders, NEW.needs_supported, NEW.needs_excluded, NEW.ofsted_grade, NEW.local_authority_code, NEW.latitude, NEW.longitude)) EXECUTE FUNCTION settings_propagate_to_vacancies()`);
    // Nearest open vacancies first (KNN): longitude scaled by cos(52.4°), England's middle, so plane
    // distance on the index tracks miles closely enough to order candidates that are then measured exactly.
    await queryRunner.query(`CREATE INDEX "vacancies_open_location" ON "vacancies" USING gist (point(longitude * 0.61, latitude)) WHERE status = 'open'`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD "matched_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD "match_error" text`);
    await queryRunner.query(`CREATE INDEX "vacancies_open_type_latitude" ON "vacancies"  ("placement_type", "latitude") WHERE status = 'open'`);
    await queryRunner.query(`CREATE INDEX "referrals_awaiting_placement" ON "referrals"  ("status") WHERE status IN ('shortlisted', 'no_match', 'match_failed')`);
    await queryRunner.query(`ALTER TABLE "referral_matches" ADD CONSTRAINT "FK_afdcc8d9695b724c1147054ed06" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referral_exclusions" ADD CONSTRAINT "FK_87c9d2d83f8893806dc25562ae7" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "referral_exclusions" DROP CONSTRAINT "FK_87c9d2d83f8893806dc25562ae7"`);
    await queryRunner.query(`ALTER TABLE "referral_matches" DROP CONSTRAINT "FK_afdcc8d9695b724c1147054ed06"`);
    await queryRunner.query(`DROP INDEX "public"."referrals_awaiting_placement"`);
    await queryRunner.query(`DROP INDEX "public"."vacancies_open_type_latitude"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "match_error"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "matched_at"`);
    await queryRunner.query(`DROP INDEX "public"."vacancies_open_location"`);
    await queryRunner.query(`DROP TRIGGER settings_propagate_to_vacancies ON "settings"`);
    await queryRunner.query(`DROP FUNCTION settings_propagate_to_vacancies()`);
    await queryRunner.query(`DROP TRIGGER vacancies_copy_setting ON "vacancies"`);
    await queryRunner.query(`DROP FUNCTION vacancies_copy_setting()`);
    await queryRunner.query(`ALTER TABLE "vacancies" DROP COLUMN "longitude"`);
    await queryRunner.query(`ALTER TABLE "vacancies" DROP COLUMN "latitude"`);
    await queryRunner.query(`ALTER TABLE "vacancies" DROP COLUMN "setting_local_authority_code"`);
    await queryRunner.query(`ALTER TABLE "vacancies" DROP COLUMN "ofsted_grade"`);
    await queryRunner.query(`ALTER TABLE "vacancies" DROP COLUMN "needs_excluded"`);
    await queryRunner.query(`ALTER TABLE "vacancies" DROP COLUMN "needs_supported"`);
    await queryRunner.query(`ALTER TABLE "vacancies" DROP COLUMN "genders"`);
    await queryRunner.query(`ALTER TABLE "vacancies" DROP COLUMN "age_max"`);
    await queryRunner.query(`ALTER TABLE "vacancies" DROP COLUMN "age_min"`);
    await queryRunner.query(`ALTER TABLE "vacancies" DROP COLUMN "placement_type"`);
    await queryRunner.query(`ALTER TABLE "alliances" DROP COLUMN "matching_weights"`);
    await queryRunner.query(`DROP TABLE "referral_exclusions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a7b033099d2443e153f96b2940"`);
    await queryRunner.query(`DROP TABLE "referral_matches"`);
  }
}
