import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTablesSql, dropMessagingTablesSql } from '@itsm/messaging';

/**
 * The outbox of the people directory's events. The inbox comes with it because the messaging
 * tables have one shape in every service, which the relay and consumers rely on.
 */
export class CreateOutboxAndInbox1795824000000 implements MigrationInterface {
  name = 'CreateOutboxAndInbox1795824000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of createMessagingTablesSql) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of dropMessagingTablesSql) await queryRunner.query(statement);
  }
}
