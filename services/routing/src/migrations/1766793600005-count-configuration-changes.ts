import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What routing decides from. Decisions write none of them (agents' loads are agent_loads). */
const CONFIGURATION_TABLES = [
  'support_lines',
  'support_groups',
  'agents',
  'agent_group_members',
  'category_skills',
  'routing_rules',
  'routing_settings',
  'classifier_models',
] as const;

const triggerOf = (table: string) => `${table}_configuration_changed`;

/**
 * Every replica keeps the organisation it routes by in memory (10,000 agents, 1,000 compiled
 * rules) and used to read all of it again every couple of seconds. With a counter of committed
 * changes it reads one row instead, and everything only when the counter moved. The counter moves
 * at commit (deferred triggers), once per transaction: a replica that reads it before reading the
 * organisation can only see it too low, never miss a change, and a transaction holding the row
 * lock is committing, so no one waits on it in a cycle.
 */
export class CountConfigurationChanges1766793600005 implements MigrationInterface {
  name = 'CountConfigurationChanges1766793600005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE routing_configuration_version (
       id smallint PRIMARY KEY CHECK (id = 1),
       version bigint NOT NULL,
       changed_by xid8
     )`);
    await queryRunner.query(
      'INSERT INTO routing_configuration_version (id, version, changed_by) VALUES (1, 1, NULL)',
    );
    await queryRunner.query(`CREATE FUNCTION count_routing_configuration_change() RETURNS trigger
       LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE routing_configuration_version SET version = version + 1, changed_by = pg_current_xact_id()
          WHERE id = 1 AND changed_by IS DISTINCT FROM pg_current_xact_id();
         RETURN NULL;
       END $$`);
    for (const table of CONFIGURATION_TABLES) {
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER ${triggerOf(table)} AFTER INSERT OR UPDATE OR DELETE ON ${table}
           DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
           EXECUTE FUNCTION count_routing_configuration_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of CONFIGURATION_TABLES) {
      await queryRunner.query(`DROP TRIGGER ${triggerOf(table)} ON ${table}`);
    }
    await queryRunner.query('DROP FUNCTION count_routing_configuration_change()');
    await queryRunner.query('DROP TABLE routing_configuration_version');
  }
}
