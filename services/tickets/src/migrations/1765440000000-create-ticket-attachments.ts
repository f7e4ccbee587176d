import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments: metadata beside the ticket, contents in a table of their own so lists of
 * metadata never read file bytes (and contents can move to object storage alone).
 */
export class CreateTicketAttachments1765440000000 implements MigrationInterface {
  name = 'CreateTicketAttachments1765440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ticket_attachments (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES tickets (id),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL,
        CONSTRAINT ticket_attachments_same_file UNIQUE (ticket_id, uploaded_by, sha256, file_name)
      )`);
    await queryRunner.query(
      `CREATE INDEX ticket_attachments_ticket_idx ON ticket_attachments (ticket_id, uploaded_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE attachment_contents (
        attachment_id uuid PRIMARY KEY,
        content bytea NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE attachment_contents`);
    await queryRunner.query(`DROP TABLE ticket_attachments`);
  }
}
