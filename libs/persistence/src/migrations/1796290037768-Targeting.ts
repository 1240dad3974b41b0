import { MigrationInterface, QueryRunner } from 'typeorm';

export class Targeting1796290037768 implements MigrationInterface {
  name = 'Targeting1796290037768';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "referral_recipients" ("referral_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_by_user_id" uuid, "vacancy_ids" uuid array NOT NULL, "best_rank" smallint NOT NULL, CONSTRAINT "PK_0a28b7556f8ab9f5c98efea095c" PRIMARY KEY ("referral_id", "provider_id"))`);
    await queryRunner.query(`ALTER TABLE "alliances" ADD "auto_send_top_providers" smallint NOT NULL DEFAULT '5'`);
    await queryRunner.query(`ALTER TABLE "alliances" ADD CONSTRAINT "alliances_auto_send_top_providers_range" CHECK (auto_send_top_providers BETWEEN 0 AND 50)`);
    await queryRunner.query(`ALTER TABLE "referral_recipients" ADD CONSTRAINT "FK_9039c37c72bd0fd99321cc73a7f" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referral_recipients" ADD CONSTRAINT "FK_9052a5e7688b854cbc27a0068e0" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "referral_recipients" ADD CONSTRAINT "FK_2febfdc5e6faf0c2daee600dd18" FOREIGN KEY ("sent_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // What a provider was sent cannot be unsent: sends are only ever added, whatever the role.
    await queryRunner.query(`CREATE FUNCTION referral_recipients_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'referral_recipients is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER referral_recipients_no_change BEFORE UPDATE OR DELETE ON "referral_recipients"
      FOR EACH ROW EXECUTE FUNCTION referral_recipients_append_only()`);
    await queryRunner.query(`CREATE TRIGGER referral_recipients_no_truncate BEFORE TRUNCATE ON "referral_recipients"
      FOR EACH STATEMENT EXECUTE FUNCTION referral_recipients_append_only()`);
    // Until now every provider on a shortlist saw the referral: those on today's shortlists were
    // sent it, automatically, when first shortlisted, so referrals in flight stay as their
    // providers see them. Providers a re-match has since dropped are not known to have looked.
    await queryRunner.query(`INSERT INTO referral_recipients (referral_id, provider_id, sent_at, vacancy_ids, best_rank)
      SELECT m.referral_id, m.provider_id, coalesce(s.first_shortlisted_at, r.created_at),
             array_agg(m.vacancy_id ORDER BY m.rank), min(m.rank)
        FROM referral_matches m
        JOIN referrals r ON r.id = m.referral_id
        JOIN providers p ON p.id = m.provider_id
        LEFT JOIN referral_shortlistings s ON s.referral_id = m.referral_id AND s.provider_id = m.provider_id
       GROUP BY m.referral_id, m.provider_id, s.first_shortlisted_at, r.created_at`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER referral_recipients_no_truncate ON "referral_recipients"`);
    await queryRunner.query(`DROP TRIGGER referral_recipients_no_change ON "referral_recipients"`);
    await queryRunner.query(`DROP FUNCTION referral_recipients_append_only()`);
    await queryRunner.query(`ALTER TABLE "referral_recipients" DROP CONSTRAINT "FK_2febfdc5e6faf0c2daee600dd18"`);
    await queryRunner.query(`ALTER TABLE "referral_recipients" DROP CONSTRAINT "FK_9052a5e7688b854cbc27a0068e0"`);
    await queryRunner.query(`ALTER TABLE "referral_recipients" DROP CONSTRAINT "FK_9039c37c72bd0fd99321cc73a7f"`);
    await queryRunner.query(`ALTER TABLE "alliances" DROP CONSTRAINT "alliances_auto_send_top_providers_range"`);
    await queryRunner.query(`ALTER TABLE "alliances" DROP COLUMN "auto_send_top_providers"`);
    await queryRunner.query(`DROP TABLE "referral_recipients"`);
  }
}
