import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateServiceAccountsAndApiKeys1767225600002 implements MigrationInterface {
  name = 'CreateServiceAccountsAndApiKeys1767225600002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE service_accounts (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
        disabled boolean NOT NULL DEFAULT false,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX service_accounts_name_key ON service_accounts (lower(name))`,
    );
    await queryRunner.query(`
      CREATE TABLE api_keys (
        id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{16}$'),
        service_account_id uuid NOT NULL REFERENCES service_accounts (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        -- SHA-256 of the secret, base64url; the secret is shown once and never stored.
        secret_digest text NOT NULL,
        scopes text[] NOT NULL CHECK (
          cardinality(scopes) >= 1 AND scopes <@ ARRAY['tickets:read', 'tickets:write',
            'catalog:read', 'catalog:write', 'knowledge:read', 'knowledge:write', 'sla:read',
            'sla:write', 'routing:read', 'routing:write', 'cmdb:read', 'cmdb:write',
            'settings:write', 'identity:admin']::text[]
        ),
        expires_at timestamptz,
        revoked_at timestamptz,
        last_used_at timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX api_keys_service_account_idx ON api_keys (service_account_id, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE api_keys`);
    await queryRunner.query(`DROP TABLE service_accounts`);
  }
}
