import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateArticleIndexQueue1765094400003 implements MigrationInterface {
  name = 'CreateArticleIndexQueue1765094400003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE article_index_queue_seq`);
    // One row per article however often it changes: the projector indexes its latest state.
    // No foreign key: a queued article may be deleted before the projector gets to it.
    await queryRunner.query(`
      CREATE TABLE article_index_queue (
        article_id uuid PRIMARY KEY,
        seq bigint NOT NULL DEFAULT nextval('article_index_queue_seq'),
        queued_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await queryRunner.query(
      `COMMENT ON TABLE article_index_queue IS 'The search index outbox: articles queued in the transaction of their change; the projector indexes them in seq order and deletes the rows it applied'`,
    );
    await queryRunner.query(
      `CREATE INDEX article_index_queue_seq_idx ON article_index_queue (seq)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE article_index_queue`);
    await queryRunner.query(`DROP SEQUENCE article_index_queue_seq`);
  }
}
