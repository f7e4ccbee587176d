import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTablesSql, dropMessagingTablesSql } from '@itsm/messaging';

export class CreateOutboxAndInbox1766880000000 implements MigrationInterface {
  name = 'CreateOutboxAndInbox1766880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of createMessagingTablesSql) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of dropMessagingTablesSql) await queryRunner.query(statement);
  }
}
