import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The impact × urgency matrix in force, one row, seeded with the ITIL default. */
export class CreatePriorityMatrix1765353600000 implements MigrationInterface {
  name = 'CreatePriorityMatrix1765353600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE priority_matrix (
        id smallint PRIMARY KEY CHECK (id = 1),
        matrix jsonb NOT NULL,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by text NOT NULL
      )`);
    await queryRunner.query(
      `INSERT INTO priority_matrix (id, matrix, version, updated_at, updated_by) VALUES (1, $1, 1, now(), 'system')`,
      [
        JSON.stringify({
          high: { high: 'critical', medium: 'high', low: 'medium' },
          medium: { high: 'high', medium: 'medium', low: 'low' },
          low: { high: 'medium', medium: 'low', low: 'planning' },
        }),
      ],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE priority_matrix`);
  }
}
