import type { MigrationInterface, QueryRunner } from 'typeorm';

/** "source <kind> target" between two tickets; the numbers are kept for readable lists. */
export class CreateTicketRelations1764921600000 implements MigrationInterface {
  name = 'CreateTicketRelations1764921600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ticket_relations (
        id uuid PRIMARY KEY,
        source_id uuid NOT NULL REFERENCES tickets (id),
        source_number text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('child_of', 'duplicate_of', 'caused_by', 'relates_to')),
        target_id uuid NOT NULL REFERENCES tickets (id),
        target_number text NOT NULL,
        actor_id text NOT NULL,
        created_at timestamptz NOT NULL,
        CHECK (source_id <> target_id),
        CONSTRAINT ticket_relations_unique UNIQUE (source_id, kind, target_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX ticket_relations_target_idx ON ticket_relations (target_id, kind)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ticket_relations`);
  }
}
