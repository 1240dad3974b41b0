import { MigrationInterface, QueryRunner } from 'typeorm';

export class SufficiencyRollups1795492771645 implements MigrationInterface {
  name = 'SufficiencyRollups1795492771645';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sufficiency_rollup" ("id" BIGSERIAL NOT NULL, "local_authority_code" character varying(9) NOT NULL, "month" date NOT NULL, "placed_month" date, "setting_local_authority_code" character varying(9), "out_of_area" boolean NOT NULL, "over20_miles" boolean NOT NULL, "referrals" integer NOT NULL, "cost_sum" numeric, "cost_count" integer NOT NULL, "days_to_place" integer array NOT NULL, "placement_type" character varying(2) NOT NULL, "age_band" text NOT NULL, CONSTRAINT "PK_2207feaa93e72a473ae2155eb9a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "sufficiency_rollup_la_month" ON "sufficiency_rollup"  ("local_authority_code", "month") `);
    await queryRunner.query(`CREATE TABLE "sufficiency_need_rollup" ("id" BIGSERIAL NOT NULL, "local_authority_code" character varying(9) NOT NULL, "month" date NOT NULL, "placed_month" date, "setting_local_authority_code" character varying(9), "out_of_area" boolean NOT NULL, "over20_miles" boolean NOT NULL, "referrals" integer NOT NULL, "cost_sum" numeric, "cost_count" integer NOT NULL, "days_to_place" integer array NOT NULL, "need_code" text NOT NULL, CONSTRAINT "PK_edca2f6669e238cd7f4d35d432e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "sufficiency_need_rollup_la_month" ON "sufficiency_need_rollup"  ("local_authority_code", "month") `);
    await queryRunner.query(`CREATE TABLE "sufficiency_stale_months" ("local_authority_code" character varying(9) NOT NULL, "month" date NOT NULL, "version" bigint NOT NULL DEFAULT '1', CONSTRAINT "PK_8c6458b4e5f998a9e284c17a8cd" PRIMARY KEY ("local_authority_code", "month"))`);
    await queryRunner.query(`CREATE INDEX "referrals_la_created" ON "referrals"  ("local_authority_code", "created_at") `);
    await queryRunner.query(`CREATE INDEX "placements_la_start" ON "placements"  ("local_authority_code", "start_date") `);
    await queryRunner.query(`CREATE INDEX "placements_referral_start" ON "placements"  ("referral_id", "start_date") `);
    // Marks the LA-months whose rollup rows a write makes wrong, in the writer's transaction. The
    // version bump takes the row's lock, so a rebuild racing the write cannot clear the mark.
    await queryRunner.query(`CREATE FUNCTION sufficiency_mark_stale(las text[], months date[]) RETURNS void LANGUAGE sql AS $$
      INSERT INTO sufficiency_stale_months (local_authority_code, month)
      SELECT DISTINCT la, month FROM unnest(las, months) AS m(la, month) WHERE la IS NOT NULL ORDER BY 1, 2
      ON CONFLICT (local_authority_code, month) DO UPDATE SET version = sufficiency_stale_months.version + 1
    $$`);
    await queryRunner.query(`CREATE FUNCTION sufficiency_referral_month(created timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
      SELECT date_trunc('month', created AT TIME ZONE 'Europe/London')::date
    $$`);
    await queryRunner.query(`CREATE FUNCTION sufficiency_stale_referrals() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM sufficiency_mark_stale(array_agg(local_authority_code), array_agg(sufficiency_referral_month(created_at))) FROM changed_rows;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE FUNCTION sufficiency_stale_placements() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM sufficiency_mark_stale(array_agg(r.local_authority_code), array_agg(sufficiency_referral_month(r.created_at)))
           FROM changed_rows p JOIN referrals r ON r.id = p.referral_id;
        RETURN NULL;
      END $$`);
    for (const [table, fn] of [['referrals', 'sufficiency_stale_referrals'], ['placements', 'sufficiency_stale_placements']]) {
      for (const event of ['INSERT', 'DELETE']) {
        const transition = event === 'INSERT' ? 'NEW' : 'OLD';
        await queryRunner.query(
          `CREATE TRIGGER ${table}_${event.toLowerCase()}_sufficiency AFTER ${event} ON ${table}
           REFERENCING ${transition} TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
        );
      }
    }
    // Changes to the columns a rollup is grouped by (rare: corrections), one row at a time.
    await queryRunner.query(`CREATE FUNCTION sufficiency_stale_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'referrals' THEN
          PERFORM sufficiency_mark_stale(ARRAY[OLD.local_authority_code, NEW.local_authority_code],
                                         ARRAY[sufficiency_referral_month(OLD.created_at), sufficiency_referral_month(NEW.created_at)]);
        ELSIF TG_TABLE_NAME = 'placements' THEN
          PERFORM sufficiency_mark_stale(array_agg(r.local_authority_code), array_agg(sufficiency_referral_month(r.created_at)))
             FROM referrals r WHERE r.id IN (OLD.referral_id, NEW.referral_id);
        ELSIF TG_TABLE_NAME = 'children' THEN
          PERFORM sufficiency_mark_stale(array_agg(r.local_authority_code), array_agg(sufficiency_referral_month(r.created_at)))
             FROM referrals r WHERE r.child_id = NEW.id;
        ELSIF TG_TABLE_NAME = 'settings' THEN
          PERFORM sufficiency_mark_stale(array_agg(r.local_authority_code), array_agg(sufficiency_referral_month(r.created_at)))
             FROM placements p JOIN referrals r ON r.id = p.referral_id WHERE p.setting_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER referrals_update_sufficiency AFTER UPDATE OF local_authority_code, created_at, placement_types, child_id ON referrals
      FOR EACH ROW WHEN (OLD.local_authority_code IS DISTINCT FROM NEW.local_authority_code OR OLD.created_at IS DISTINCT FROM NEW.created_at
        OR OLD.placement_types IS DISTINCT FROM NEW.placement_types OR OLD.child_id IS DISTINCT FROM NEW.child_id)
      EXECUTE FUNCTION sufficiency_stale_row()`);
    await queryRunner.query(`CREATE TRIGGER placements_update_sufficiency AFTER UPDATE OF referral_id, start_date, setting_id, weekly_cost ON placements
      FOR EACH ROW WHEN (OLD.referral_id IS DISTINCT FROM NEW.referral_id OR OLD.start_date IS DISTINCT FROM NEW.start_date
        OR OLD.setting_id IS DISTINCT FROM NEW.setting_id OR OLD.weekly_cost IS DISTINCT FROM NEW.weekly_cost)
      EXECUTE FUNCTION sufficiency_stale_row()`);
    await queryRunner.query(`CREATE TRIGGER children_update_sufficiency AFTER UPDATE OF local_authority_code, date_of_birth, home_district, needs ON children
      FOR EACH ROW WHEN (OLD.local_authority_code IS DISTINCT FROM NEW.local_authority_code OR OLD.date_of_birth IS DISTINCT FROM NEW.date_of_birth
        OR OLD.home_district IS DISTINCT FROM NEW.home_district OR OLD.needs IS DISTINCT FROM NEW.needs)
      EXECUTE FUNCTION sufficiency_stale_row()`);
    await queryRunner.query(`CREATE TRIGGER settings_update_sufficiency AFTER UPDATE OF local_authority_code, latitude, longitude ON settings
      FOR EACH ROW WHEN (OLD.local_authority_code IS DISTINCT FROM NEW.local_authority_code OR OLD.latitude IS DISTINCT FROM NEW.latitude
        OR OLD.longitude IS DISTINCT FROM NEW.longitude)
      EXECUTE FUNCTION sufficiency_stale_row()`);
    // History already written is built by the worker's first rebuild.
    await queryRunner.query(`INSERT INTO sufficiency_stale_months (local_authority_code, month)
      SELECT DISTINCT local_authority_code, sufficiency_referral_month(created_at) FROM referrals`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of ['referrals_insert', 'referrals_delete', 'referrals_update', 'placements_insert', 'placements_delete', 'placements_update']) {
      await queryRunner.query(`DROP TRIGGER ${trigger}_sufficiency ON ${trigger.split('_')[0]}`);
    }
    await queryRunner.query(`DROP TRIGGER children_update_sufficiency ON children`);
    await queryRunner.query(`DROP TRIGGER settings_update_sufficiency ON settings`);
    await queryRunner.query(`DROP FUNCTION sufficiency_stale_row()`);
    await queryRunner.query(`DROP FUNCTION sufficiency_stale_placements()`);
    await queryRunner.query(`DROP FUNCTION sufficiency_stale_referrals()`);
    await queryRunner.query(`DROP FUNCTION sufficiency_referral_month(timestamptz)`);
    await queryRunner.query(`DROP FUNCTION sufficiency_mark_stale(text[], date[])`);
    await queryRunner.query(`DROP INDEX "public"."placements_referral_start"`);
    await queryRunner.query(`DROP INDEX "public"."placements_la_start"`);
    await queryRunner.query(`DROP INDEX "public"."referrals_la_created"`);
    await queryRunner.query(`DROP TABLE "sufficiency_stale_months"`);
    await queryRunner.query(`DROP INDEX "public"."sufficiency_need_rollup_la_month"`);
    await queryRunner.query(`DROP TABLE "sufficiency_need_rollup"`);
    await queryRunner.query(`DROP INDEX "public"."sufficiency_rollup_la_month"`);
    await queryRunner.query(`DROP TABLE "sufficiency_rollup"`);
  }
}
