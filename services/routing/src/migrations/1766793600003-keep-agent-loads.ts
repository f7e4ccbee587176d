import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every routing decision reads the open work of its group's agents. Adding it up from the tracked
 * tickets on each decision costs an aggregate per call; kept per agent, in the same transaction as
 * each tracked ticket changes, it is a primary-key read.
 */
export class KeepAgentLoads1766793600003 implements MigrationInterface {
  name = 'KeepAgentLoads1766793600003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE agent_loads (
       user_id text COLLATE "C" PRIMARY KEY,
       open_tickets integer NOT NULL CHECK (open_tickets >= 0),
       weighted_load integer NOT NULL CHECK (weighted_load >= 0)
     )`);
    await queryRunner.query(`INSERT INTO agent_loads (user_id, open_tickets, weighted_load)
       SELECT assignee_id, count(*), sum(weight) FROM routed_tickets
        WHERE open AND assignee_id IS NOT NULL GROUP BY assignee_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE agent_loads');
  }
}
