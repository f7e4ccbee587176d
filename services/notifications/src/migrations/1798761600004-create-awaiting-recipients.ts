import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events that named someone the directory did not know yet: a person created a moment ago
 * (first sign-in through an identity provider, an import) may file a ticket before their
 * directory entry arrives on its own topic. The event is handled again when it does.
 */
export class CreateAwaitingRecipients1798761600004 implements MigrationInterface {
  name = 'CreateAwaitingRecipients1798761600004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE awaiting_recipients (
         user_id text NOT NULL,
         event_id text NOT NULL,
         event jsonb NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (user_id, event_id)
       )`,
    );
    await queryRunner.query(
      `CREATE INDEX awaiting_recipients_age ON awaiting_recipients (created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE awaiting_recipients`);
  }
}
