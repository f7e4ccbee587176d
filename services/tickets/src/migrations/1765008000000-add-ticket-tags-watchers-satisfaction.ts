import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tags (with a GIN index for "every ticket tagged X"), watchers and the requester's rating. */
export class AddTicketTagsWatchersSatisfaction1765008000000 implements MigrationInterface {
  name = 'AddTicketTagsWatchersSatisfaction1765008000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE tickets
        ADD COLUMN tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 20),
        ADD COLUMN watcher_ids text[] NOT NULL DEFAULT '{}',
        ADD COLUMN satisfaction_rating smallint CHECK (satisfaction_rating BETWEEN 1 AND 5),
        ADD COLUMN satisfaction_comment text NOT NULL DEFAULT ''
          CHECK (length(satisfaction_comment) <= 20000),
        ADD COLUMN rated_at timestamptz,
        ADD CONSTRAINT tickets_rated_at_with_rating_check
          CHECK ((satisfaction_rating IS NULL) = (rated_at IS NULL))`);
    await queryRunner.query(`CREATE INDEX tickets_tags_idx ON tickets USING gin (tags)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX tickets_tags_idx`);
    await queryRunner.query(`
      ALTER TABLE tickets
        DROP CONSTRAINT tickets_rated_at_with_rating_check,
        DROP COLUMN tags, DROP COLUMN watcher_ids, DROP COLUMN satisfaction_rating,
        DROP COLUMN satisfaction_comment, DROP COLUMN rated_at`);
  }
}
