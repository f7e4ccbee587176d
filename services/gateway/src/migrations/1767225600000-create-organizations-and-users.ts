import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrganizationsAndUsers1767225600000 implements MigrationInterface {
  name = 'CreateOrganizationsAndUsers1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL CHECK (version >= 1)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX organizations_name_key ON organizations (lower(name))`,
    );
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
        -- scrypt$N$r$p$salt$hash; null for people who sign in through an identity provider.
        password_hash text CHECK (password_hash LIKE 'scrypt$%'),
        roles text[] NOT NULL CHECK (
          roles <@ ARRAY['requester', 'agent', 'specialist', 'supervisor',
                         'service_desk_manager', 'administrator']::text[]
        ),
        organization_id uuid REFERENCES organizations (id),
        organization_wide boolean NOT NULL DEFAULT false,
        language text NOT NULL CHECK (language IN ('ru', 'en')),
        time_zone text NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
        status text NOT NULL CHECK (status IN ('active', 'disabled')),
        failed_sign_ins integer NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
        locked_until timestamptz,
        last_sign_in_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL CHECK (version >= 1)
      )`);
    // Stored lower case, so a plain unique index makes addresses unique case aside.
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await queryRunner.query(
      `CREATE INDEX users_organization_idx ON users (organization_id) WHERE organization_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX users_roles_idx ON users USING gin (roles)`);
    await queryRunner.query(`
      CREATE TABLE user_external_identities (
        issuer text NOT NULL,
        subject text NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        linked_at timestamptz NOT NULL,
        PRIMARY KEY (issuer, subject)
      )`);
    await queryRunner.query(
      `CREATE INDEX user_external_identities_user_idx ON user_external_identities (user_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE user_external_identities`);
    await queryRunner.query(`DROP TABLE users`);
    await queryRunner.query(`DROP TABLE organizations`);
  }
}
