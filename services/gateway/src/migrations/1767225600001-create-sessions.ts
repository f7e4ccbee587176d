import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSessions1767225600001 implements MigrationInterface {
  name = 'CreateSessions1767225600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text CHECK (
          revoked_reason IN ('sign_out', 'refresh_token_reused', 'password_changed', 'user_disabled')
        ),
        -- The support groups of the last token issued, for when routing cannot answer.
        group_ids text[] NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(
      `CREATE INDEX sessions_active_user_idx ON sessions (user_id) WHERE revoked_at IS NULL`,
    );
    // Only the SHA-256 of a refresh token is kept; the token itself exists only at the client.
    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        digest text PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE refresh_tokens`);
    await queryRunner.query(`DROP TABLE sessions`);
  }
}
