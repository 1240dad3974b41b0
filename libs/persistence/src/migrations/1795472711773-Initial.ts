import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795472711773 implements MigrationInterface {
  name = 'Initial1795472711773';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "local_authorities" ("code" character varying(9) NOT NULL, "dfe_code" integer NOT NULL, "name" text NOT NULL, "la_type" text NOT NULL, "region" text NOT NULL, "latitude" double precision NOT NULL, "longitude" double precision NOT NULL, "population" integer, "children_looked_after" integer, CONSTRAINT "UQ_6e1ec318ce85b61d46c55b798a4" UNIQUE ("dfe_code"), CONSTRAINT "PK_e5e29f343120c70cef30a806e3e" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE TABLE "postcode_districts" ("district" character varying(4) NOT NULL, "latitude" double precision NOT NULL, "longitude" double precision NOT NULL, "local_authority_code" character varying(9), "region" text NOT NULL, "district_name" text NOT NULL, "post_town" text, CONSTRAINT "PK_5a18301404ff5943d7c6d725b51" PRIMARY KEY ("district"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0e06d3ffd45b18e0ad1675e059" ON "postcode_districts"  ("local_authority_code") `);
    await queryRunner.query(`CREATE TABLE "alliances" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_6de0494750b3d494660c9e1a8c6" UNIQUE ("name"), CONSTRAINT "PK_399af2ac4eb985fd426454df023" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "providers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "sector" text NOT NULL, "ofsted_urn" character varying(16), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_af13fc2ebf382fe0dad2e4793aa" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_24a6fcb6aed6f1afc467f04ef8" ON "providers"  ("ofsted_urn") `);
    await queryRunner.query(`CREATE TABLE "settings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider_id" uuid NOT NULL, "name" text NOT NULL, "placement_type" character varying(2) NOT NULL, "ofsted_urn" character varying(16), "ofsted_grade" text NOT NULL, "postcode" character varying(8) NOT NULL, "postcode_district" character varying(4) NOT NULL, "local_authority_code" character varying(9), "latitude" double precision NOT NULL, "longitude" double precision NOT NULL, "registered_places" integer NOT NULL, "age_min" smallint NOT NULL, "age_max" smallint NOT NULL, "genders" text array NOT NULL, "needs_supported" jsonb NOT NULL, "needs_excluded" text array NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0669fe20e252eb692bf4d344975" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0accc25c63c643eb95eb6bd152" ON "settings"  ("provider_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_0a312e2f509edd395ae6dc4cc4" ON "settings"  ("local_authority_code") `);
    await queryRunner.query(`CREATE TABLE "vacancies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "setting_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "beds" integer NOT NULL, "available_from" date NOT NULL, "available_until" date, "weekly_cost" integer NOT NULL, "emergency_ready" boolean NOT NULL DEFAULT false, "reserved_for" jsonb, "status" text NOT NULL DEFAULT 'open', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "vacancies_status_known" CHECK (status IN ('open', 'filled', 'withdrawn')), CONSTRAINT "vacancies_beds_not_negative" CHECK (beds >= 0), CONSTRAINT "PK_3b45154a366568190cc15be2906" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_60056d64af93fa0b7308ec3a33" ON "vacancies"  ("setting_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_6bc69ead9a527ec19ab2647faf" ON "vacancies"  ("provider_id") `);
    await queryRunner.query(`CREATE INDEX "vacancies_status_available_from" ON "vacancies"  ("status", "available_from") `);
    await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "password_hash" text NOT NULL, "role" text NOT NULL, "local_authority_code" character varying(9), "provider_id" uuid, "alliance_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "users_role_bound_to_organisation" CHECK ((role = 'placement_officer' AND local_authority_code IS NOT NULL AND provider_id IS NULL AND alliance_id IS NULL)
    OR (role = 'provider_user' AND provider_id IS NOT NULL AND local_authority_code IS NULL AND alliance_id IS NULL)
    OR (role = 'commissioner' AND alliance_id IS NOT NULL AND local_authority_code IS NULL AND provider_id IS NULL)
    OR (role = 'admin' AND local_authority_code IS NULL AND provider_id IS NULL AND alliance_id IS NULL)), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_71df96d6f4543c54ca5baa26da" ON "users"  ("local_authority_code") `);
    await queryRunner.query(`CREATE INDEX "IDX_6425135effde2ab8322f846493" ON "users"  ("provider_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_63ddc3159c90471f11817264e8" ON "users"  ("alliance_id") `);
    await queryRunner.query(`CREATE TABLE "children" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "local_authority_code" character varying(9) NOT NULL, "local_reference" text NOT NULL, "date_of_birth" date NOT NULL, "gender" text NOT NULL, "home_postcode" character varying(8) NOT NULL, "home_district" character varying(4) NOT NULL, "legal_status" character varying(2) NOT NULL, "category_of_need" character varying(2) NOT NULL, "needs" jsonb NOT NULL, "sibling_group_size" smallint NOT NULL DEFAULT '1', "ehcp" boolean NOT NULL DEFAULT false, "preferences" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8c5a7cbebf2c702830ef38d22b0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_bcee409ee3cd8b1b6c14c90049" ON "children"  ("local_authority_code") `);
    await queryRunner.query(`CREATE TABLE "referrals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "child_id" uuid NOT NULL, "local_authority_code" character varying(9) NOT NULL, "created_by_user_id" uuid NOT NULL, "idempotency_key" character varying(200) NOT NULL, "request_hash" character(64) NOT NULL, "urgency" text NOT NULL, "required_by" date NOT NULL, "placement_types" text array NOT NULL, "max_distance_miles" integer, "weekly_budget" integer, "notes" text, "status" text NOT NULL DEFAULT 'submitted', "follows_referral_id" uuid, "shortlisted_at" TIMESTAMP WITH TIME ZONE, "placement_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "referrals_idempotency_key_per_la" UNIQUE ("local_authority_code", "idempotency_key"), CONSTRAINT "referrals_urgency_known" CHECK (urgency IN ('emergency', 'urgent', 'planned')), CONSTRAINT "referrals_status_known" CHECK (status IN ('submitted', 'matching', 'shortlisted', 'no_match', 'match_failed', 'placed', 'withdrawn', 'closed')), CONSTRAINT "PK_ea9980e34f738b6252817326c08" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_cd48fb2f472df8fbbdedf5998d" ON "referrals"  ("child_id") `);
    await queryRunner.query(`CREATE INDEX "referrals_la_status_created" ON "referrals"  ("local_authority_code", "status", "created_at") `);
    await queryRunner.query(`CREATE TABLE "outbox" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "queue_name" text NOT NULL, "job_name" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "outbox_unsent" ON "outbox"  ("id") WHERE sent_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "audit_log" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid, "role" text NOT NULL, "organisation" text NOT NULL, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text NOT NULL, "request_id" text, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "audit_log_entity" ON "audit_log"  ("entity_type", "entity_id") `);
    await queryRunner.query(`CREATE TABLE "alliance_members" ("alliance_id" uuid NOT NULL, "local_authority_code" character varying(9) NOT NULL, CONSTRAINT "PK_6c165a64b4cf887b7668cbe4195" PRIMARY KEY ("alliance_id", "local_authority_code"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8621b753601984e6fb3ced8846" ON "alliance_members"  ("alliance_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_e7a675c4ced1ebeff3a21c6471" ON "alliance_members"  ("local_authority_code") `);
    await queryRunner.query(`ALTER TABLE "postcode_districts" ADD CONSTRAINT "FK_0e06d3ffd45b18e0ad1675e0599" FOREIGN KEY ("local_authority_code") REFERENCES "local_authorities"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "settings" ADD CONSTRAINT "FK_0accc25c63c643eb95eb6bd1525" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "settings" ADD CONSTRAINT "FK_3ff3e7025a9493027a259ea0761" FOREIGN KEY ("postcode_district") REFERENCES "postcode_districts"("district") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "settings" ADD CONSTRAINT "FK_0a312e2f509edd395ae6dc4cc45" FOREIGN KEY ("local_authority_code") REFERENCES "local_authorities"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "vacancies" ADD CONSTRAINT "FK_60056d64af93fa0b7308ec3a33a" FOREIGN KEY ("setting_id") REFERENCES "settings"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "vacancies" ADD CONSTRAINT "FK_6bc69ead9a527ec19ab2647faf0" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_71df96d6f4543c54ca5baa26da4" FOREIGN KEY ("local_authority_code") REFERENCES "local_authorities"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_6425135effde2ab8322f8464932" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_63ddc3159c90471f11817264e81" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "children" ADD CONSTRAINT "FK_bcee409ee3cd8b1b6c14c90049c" FOREIGN KEY ("local_authority_code") REFERENCES "local_authorities"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "children" ADD CONSTRAINT "FK_dcfb79d2d06b825c8c799520f5b" FOREIGN KEY ("home_district") REFERENCES "postcode_districts"("district") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD CONSTRAINT "FK_cd48fb2f472df8fbbdedf5998d1" FOREIGN KEY ("child_id") REFERENCES "children"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD CONSTRAINT "FK_8ee0ce3fc2cf424a32339010875" FOREIGN KEY ("local_authority_code") REFERENCES "local_authorities"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD CONSTRAINT "FK_14a61372b0d4c7bc4a6fa63c21f" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referrals" ADD CONSTRAINT "FK_51ed169b3c90f23c20411e8727b" FOREIGN KEY ("follows_referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "alliance_members" ADD CONSTRAINT "FK_8621b753601984e6fb3ced8846c" FOREIGN KEY ("alliance_id") REFERENCES "alliances"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE "alliance_members" ADD CONSTRAINT "FK_e7a675c4ced1ebeff3a21c64716" FOREIGN KEY ("local_authority_code") REFERENCES "local_authorities"("code") ON DELETE CASCADE ON UPDATE CASCADE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alliance_members" DROP CONSTRAINT "FK_e7a675c4ced1ebeff3a21c64716"`);
    await queryRunner.query(`ALTER TABLE "alliance_members" DROP CONSTRAINT "FK_8621b753601984e6fb3ced8846c"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP CONSTRAINT "FK_51ed169b3c90f23c20411e8727b"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP CONSTRAINT "FK_14a61372b0d4c7bc4a6fa63c21f"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP CONSTRAINT "FK_8ee0ce3fc2cf424a32339010875"`);
    await queryRunner.query(`ALTER TABLE "referrals" DROP CONSTRAINT "FK_cd48fb2f472df8fbbdedf5998d1"`);
    await queryRunner.query(`ALTER TABLE "children" DROP CONSTRAINT "FK_dcfb79d2d06b825c8c799520f5b"`);
    await queryRunner.query(`ALTER TABLE "children" DROP CONSTRAINT "FK_bcee409ee3cd8b1b6c14c90049c"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_63ddc3159c90471f11817264e81"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_6425135effde2ab8322f8464932"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_71df96d6f4543c54ca5baa26da4"`);
    await queryRunner.query(`ALTER TABLE "vacancies" DROP CONSTRAINT "FK_6bc69ead9a527ec19ab2647faf0"`);
    await queryRunner.query(`ALTER TABLE "vacancies" DROP CONSTRAINT "FK_60056d64af93fa0b7308ec3a33a"`);
    await queryRunner.query(`ALTER TABLE "settings" DROP CONSTRAINT "FK_0a312e2f509edd395ae6dc4cc45"`);
    await queryRunner.query(`ALTER TABLE "settings" DROP CONSTRAINT "FK_3ff3e7025a9493027a259ea0761"`);
    await queryRunner.query(`ALTER TABLE "settings" DROP CONSTRAINT "FK_0accc25c63c643eb95eb6bd1525"`);
    await queryRunner.query(`ALTER TABLE "postcode_districts" DROP CONSTRAINT "FK_0e06d3ffd45b18e0ad1675e0599"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e7a675c4ced1ebeff3a21c6471"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8621b753601984e6fb3ced8846"`);
    await queryRunner.query(`DROP TABLE "alliance_members"`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_entity"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_unsent"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP INDEX "public"."referrals_la_status_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cd48fb2f472df8fbbdedf5998d"`);
    await queryRunner.query(`DROP TABLE "referrals"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bcee409ee3cd8b1b6c14c90049"`);
    await queryRunner.query(`DROP TABLE "children"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_63ddc3159c90471f11817264e8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6425135effde2ab8322f846493"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_71df96d6f4543c54ca5baa26da"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."vacancies_status_available_from"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6bc69ead9a527ec19ab2647faf"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_60056d64af93fa0b7308ec3a33"`);
    await queryRunner.query(`DROP TABLE "vacancies"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0a312e2f509edd395ae6dc4cc4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0accc25c63c643eb95eb6bd152"`);
    await queryRunner.query(`DROP TABLE "settings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_24a6fcb6aed6f1afc467f04ef8"`);
    await queryRunner.query(`DROP TABLE "providers"`);
    await queryRunner.query(`DROP TABLE "alliances"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0e06d3ffd45b18e0ad1675e059"`);
    await queryRunner.query(`DROP TABLE "postcode_districts"`);
    await queryRunner.query(`DROP TABLE "local_authorities"`);
  }
}
