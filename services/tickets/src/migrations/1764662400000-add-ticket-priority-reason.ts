import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddTicketPriorityReason1764662400000 implements MigrationInterface {
  name = 'AddTicketPriorityReason1764662400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE tickets ADD COLUMN priority_reason text CHECK (length(priority_reason) BETWEEN 1 AND 500)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tickets DROP COLUMN priority_reason`);
  }
}
