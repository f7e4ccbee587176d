import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTicketComments1764576000000 implements MigrationInterface {
  name = 'CreateTicketComments1764576000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tickets ADD COLUMN first_responded_at timestamptz`);
    await queryRunner.query(`
      CREATE TABLE ticket_comments (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES tickets (id),
        author_id text NOT NULL,
        visibility text NOT NULL CHECK (visibility IN ('public', 'internal')),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        created_at timestamptz NOT NULL,
        idempotency_key text,
        CONSTRAINT ticket_comments_idempotency_key UNIQUE (ticket_id, author_id, idempotency_key)
      )`);
    await queryRunner.query(
      `CREATE INDEX ticket_comments_ticket_created_idx ON ticket_comments (ticket_id, created_at, id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ticket_comments`);
    await queryRunner.query(`ALTER TABLE tickets DROP COLUMN first_responded_at`);
  }
}
