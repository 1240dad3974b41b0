import { MigrationInterface, QueryRunner } from 'typeorm';

export class ShortlistingsAndNeedReadiness1796223096827 implements MigrationInterface {
  name = 'ShortlistingsAndNeedReadiness1796223096827';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "referral_shortlistings" ("referral_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "first_shortlisted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_37a74bbe2238bf4164f33b42c06" PRIMARY KEY ("referral_id", "provider_id"))`);
    await queryRunner.query(`ALTER TABLE "referral_shortlistings" ADD CONSTRAINT "FK_1e2784c55891df8d2141c5b2945" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // The providers on today's shortlists, as first shortlisted when the referral last was; who
    // dropped off a shortlist before now is not known.
    await queryRunner.query(`INSERT INTO referral_shortlistings (referral_id, provider_id, first_shortlisted_at)
      SELECT DISTINCT m.referral_id, m.provider_id, coalesce(r.shortlisted_at, r.matched_at, r.created_at)
        FROM referral_matches m JOIN referrals r ON r.id = m.referral_id`);

    // Snapshots taken before readiness was recorded by need count as not emergency-ready.
    await queryRunner.query(`ALTER TABLE "supply_need_snapshots" ADD "emergency_ready" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "supply_need_snapshots" ALTER COLUMN "emergency_ready" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "supply_need_snapshots" DROP CONSTRAINT "PK_ca9a50b9a823936c40e67e6ead9"`);
    await queryRunner.query(`ALTER TABLE "supply_need_snapshots" ADD CONSTRAINT "PK_973c2215db79437e130b4a9b904" PRIMARY KEY ("day", "local_authority_code", "placement_type", "need_code", "emergency_ready")`);

    // A postcode district moved (a reference-data update): the distances from its children's homes
    // change, and with them the over-20-miles figures of their referrals' months.
    await queryRunner.query(`CREATE FUNCTION sufficiency_stale_district() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM sufficiency_mark_stale(array_agg(r.local_authority_code), array_agg(sufficiency_referral_month(r.created_at)))
           FROM children c JOIN referrals r ON r.child_id = c.id WHERE c.home_district = NEW.district;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER postcode_districts_update_sufficiency AFTER UPDATE OF latitude, longitude ON postcode_districts
      FOR EACH ROW WHEN (OLD.latitude IS DISTINCT FROM NEW.latitude OR OLD.longitude IS DISTINCT FROM NEW.longitude)
      EXECUTE FUNCTION sufficiency_stale_district()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER postcode_districts_update_sufficiency ON postcode_districts`);
    await queryRunner.query(`DROP FUNCTION sufficiency_stale_district()`);
    // Ready and not-ready beds of a need merge back into one row.
    await queryRunner.query(`CREATE TEMPORARY TABLE need_snapshots_merged ON COMMIT DROP AS
      SELECT day, local_authority_code, placement_type, need_code, sum(beds)::int AS beds FROM supply_need_snapshots GROUP BY 1, 2, 3, 4`);
    await queryRunner.query(`DELETE FROM supply_need_snapshots`);
    await queryRunner.query(`ALTER TABLE "supply_need_snapshots" DROP CONSTRAINT "PK_973c2215db79437e130b4a9b904"`);
    await queryRunner.query(`ALTER TABLE "supply_need_snapshots" ADD CONSTRAINT "PK_ca9a50b9a823936c40e67e6ead9" PRIMARY KEY ("day", "local_authority_code", "placement_type", "need_code")`);
    await queryRunner.query(`ALTER TABLE "supply_need_snapshots" DROP COLUMN "emergency_ready"`);
    await queryRunner.query(`INSERT INTO supply_need_snapshots (day, local_authority_code, placement_type, need_code, beds)
      SELECT day, local_authority_code, placement_type, need_code, beds FROM need_snapshots_merged`);
    await queryRunner.query(`ALTER TABLE "referral_shortlistings" DROP CONSTRAINT "FK_1e2784c55891df8d2141c5b2945"`);
    await queryRunner.query(`DROP TABLE "referral_shortlistings"`);
  }
}
