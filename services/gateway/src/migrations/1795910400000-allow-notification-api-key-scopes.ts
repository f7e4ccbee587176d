import type { MigrationInterface, QueryRunner } from 'typeorm';

const SCOPES_BEFORE = [
  'tickets:read',
  'tickets:write',
  'catalog:read',
  'catalog:write',
  'knowledge:read',
  'knowledge:write',
  'sla:read',
  'sla:write',
  'routing:read',
  'routing:write',
  'cmdb:read',
  'cmdb:write',
  'settings:write',
  'identity:admin',
];

/** Integrations may read the delivery log and manage webhook subscriptions. */
const SCOPES_AFTER = [...SCOPES_BEFORE, 'notifications:read', 'webhooks:manage'];

const scopesCheck = (scopes: readonly string[]) => `
  ALTER TABLE api_keys
    DROP CONSTRAINT api_keys_scopes_check,
    ADD CONSTRAINT api_keys_scopes_check CHECK (
      cardinality(scopes) >= 1 AND scopes <@ ARRAY[${scopes.map((scope) => `'${scope}'`).join(', ')}]::text[]
    )`;

export class AllowNotificationApiKeyScopes1795910400000 implements MigrationInterface {
  name = 'AllowNotificationApiKeyScopes1795910400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(scopesCheck(SCOPES_AFTER));
  }

  /** Fails while a key holds one of the new scopes: those keys would have to be revoked first. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(scopesCheck(SCOPES_BEFORE));
  }
}
