import { MigrationInterface, QueryRunner } from 'typeorm';

export class ShortlistingsAndNeedReadiness1796223096827 implements MigrationInterface {
  name = 'ShortlistingsAndNeedReadiness1796223096827';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "referral_shortlistings" ("referral_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "first_shortlisted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_37a74bbe2238bf4164f33b42c06" PRIMARY KEY ("referral_id", "provider_id"))`);
    await queryRunner.query(`ALTER TABLE "referral_shortlistings" ADD CONSTRAINT "FK_1e2784c55891df8d2141c5b2945" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // The providers on today's shortlists. When each was first shortlisted is not known (a
    // referral's shortlisted_at is its latest re-match, often after the answers), so their answers
    // are timed from the referral's making, as before; who dropped off a shortlist is not known.
    await queryRunner.query(`INSERT INTO referral_shortlistings (referral_id, provider_id, first_shortlisted_at)
      SELECT DISTINCT m.referral_id, m.provider_id, r.created_at
        FROM referral_matches m JOIN referrals r ON r.id = m.referral_id`);

    // Snapshots taken before readiness was recorded by need count as not emergency-ready.
    await queryRunner.query(`ALTER TABLE "supply_need_snapshots" ADD "emergency_ready" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "supply_need_snapshots" ALTER COLUMN "emergency_ready" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "supply_need_snapshots" DROP CONSTRAINT "PK_ca9a50b9a823936c40e67e6ead9"`);
    await queryRunner.query(`ALTER TABLE "supply_need_snapshots" ADD CONSTRAINT "PK_973c2215db79437e130b4a9b904" PRIMARY KEY ("day", "local_authority_code", "placement_type", "need_code", "emergency_ready")`);

    // Postcode districts moved (a reference-data update, which upserts them all in one statement):
    // the distances from their children's homes change, and with them the over-20-miles figures of
    // their referrals' months. Once per statement, over the districts whose coordinates changed.
    await queryRunner.query(`CREATE FUNCTION sufficiency_stale_districts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM sufficiency_mark_stale(array_agg(r.local_authority_code), array_agg(sufficiency_referral_month(r.created_at)))
           FROM old_districts o JOIN new_districts n ON n.district = o.district
           JOIN children c ON c.home_district = n.district
           JOIN referrals r ON r.child_id = c.id
          WHERE o.latitude IS DISTINCT FROM n.latitude OR o.longitude IS DISTINCT FROM n.longitude;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER postcode_districts_update_sufficiency AFTER UPDATE ON postcode_districts
      REFERENCING OLD TABLE AS old_districts NEW TABLE AS new_districts
      FOR EACH STATEMENT EXECUTE FUNCTION sufficiency_stale_districts()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER postcode_districts_update_sufficiency ON postcode_districts`);
    await queryRunner.query(`DROP FUNCTION sufficiency_stale_districts()`);
    // Ready and not-ready beds of a need merge back into one row, in one statement.
    await queryRunner.query(`ALTER TABLE "supply_need_snapshots" DROP CONSTRAINT "PK_973c2215db79437e130b4a9b904"`);
    await queryRunner.query(`WITH gone AS (DELETE FROM supply_need_snapshots RETURNING *)
      INSERT INTO supply_need_snapshots (day, local_authority_code, placement_type, need_code, emergency_ready, beds)
      SELECT day, local_authority_code, placement_type, need_code, false, sum(beds)::int FROM gone GROUP BY 1, 2, 3, 4`);
    await queryRunner.query(`ALTER TABLE "supply_need_snapshots" DROP COLUMN "emergency_ready"`);
    await queryRunner.query(`ALTER TABLE "supply_need_snapshots" ADD CONSTRAINT "PK_ca9a50b9a823936c40e67e6ead9" PRIMARY KEY ("day", "local_authority_code", "placement_type", "need_code")`);
    await queryRunner.query(`ALTER TABLE "referral_shortlistings" DROP CONSTRAINT "FK_1e2784c55891df8d2141c5b2945"`);
    await queryRunner.query(`DROP TABLE "referral_shortlistings"`);
  }
}
