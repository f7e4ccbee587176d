import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every decision reads, for each agent of the chosen group, the open work and when they were last
 * given a ticket, and stamps the one it chose. Kept in one row per agent (agent_loads, by user id)
 * that is one primary-key lookup instead of two, and the agents table changes only when the
 * organisation does. Every agent has a row, so a new agent reads as holding nothing.
 */
export class KeepLastAssignmentWithLoads1766793600004 implements MigrationInterface {
  name = 'KeepLastAssignmentWithLoads1766793600004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE agent_loads ADD COLUMN last_assigned_at timestamptz');
    await queryRunner.query(`INSERT INTO agent_loads (user_id, open_tickets, weighted_load, last_assigned_at)
       SELECT user_id, 0, 0, last_assigned_at FROM agents
       ON CONFLICT (user_id) DO UPDATE SET last_assigned_at = EXCLUDED.last_assigned_at`);
    await queryRunner.query('ALTER TABLE agents DROP COLUMN last_assigned_at');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE agents ADD COLUMN last_assigned_at timestamptz');
    await queryRunner.query(`UPDATE agents a SET last_assigned_at = l.last_assigned_at
       FROM agent_loads l WHERE l.user_id = a.user_id`);
    await queryRunner.query('ALTER TABLE agent_loads DROP COLUMN last_assigned_at');
  }
}
