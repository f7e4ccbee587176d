import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTablesSql, dropMessagingTablesSql } from '@itsm/messaging';

export class CreateOutboxAndInbox1798761600000 implements MigrationInterface {
  name = 'CreateOutboxAndInbox1798761600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of createMessagingTablesSql) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of dropMessagingTablesSql) await queryRunner.query(statement);
  }
}
