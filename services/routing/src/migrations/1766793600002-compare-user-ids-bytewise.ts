import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * User ids are identifiers, not words: compared byte by byte ("C" collation) they are matched
 * against the hundred members of a group in a fraction of the time a linguistic collation takes,
 * and the planner uses the unique index on agents.user_id for `= ANY(...)`. Every routing decision
 * reads the loads of its group's agents this way.
 */
export class CompareUserIdsBytewise1766793600002 implements MigrationInterface {
  name = 'CompareUserIdsBytewise1766793600002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE agents ALTER COLUMN user_id TYPE text COLLATE "C"');
    await queryRunner.query(
      'ALTER TABLE routed_tickets ALTER COLUMN assignee_id TYPE text COLLATE "C"',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE routed_tickets ALTER COLUMN assignee_id TYPE text COLLATE "default"',
    );
    await queryRunner.query('ALTER TABLE agents ALTER COLUMN user_id TYPE text COLLATE "default"');
  }
}
