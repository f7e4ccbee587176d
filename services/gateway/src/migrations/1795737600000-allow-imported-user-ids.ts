import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * User ids become text, so a directory import can keep the ids other systems already reference
 * (`emp-1001`); new users still get UUIDs, which the check admits too. The references to
 * users change with them: a foreign key needs both ends of one type.
 */
export class AllowImportedUserIds1795737600000 implements MigrationInterface {
  name = 'AllowImportedUserIds1795737600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sessions DROP CONSTRAINT sessions_user_id_fkey`);
    await queryRunner.query(
      `ALTER TABLE user_external_identities DROP CONSTRAINT user_external_identities_user_id_fkey`,
    );
    await queryRunner.query(`
      ALTER TABLE users
        ALTER COLUMN id TYPE text,
        ADD CONSTRAINT users_id_check CHECK (id ~ '^[A-Za-z0-9._:@-]{1,100}$')`);
    await queryRunner.query(`ALTER TABLE sessions ALTER COLUMN user_id TYPE text`);
    await queryRunner.query(`ALTER TABLE user_external_identities ALTER COLUMN user_id TYPE text`);
    await queryRunner.query(`
      ALTER TABLE sessions ADD CONSTRAINT sessions_user_id_fkey
        FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE`);
    await queryRunner.query(`
      ALTER TABLE user_external_identities ADD CONSTRAINT user_external_identities_user_id_fkey
        FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE`);
  }

  /** Fails while a user has an id that is no UUID: those users would have to go first. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sessions DROP CONSTRAINT sessions_user_id_fkey`);
    await queryRunner.query(
      `ALTER TABLE user_external_identities DROP CONSTRAINT user_external_identities_user_id_fkey`,
    );
    await queryRunner.query(`
      ALTER TABLE users
        DROP CONSTRAINT users_id_check,
        ALTER COLUMN id TYPE uuid USING id::uuid`);
    await queryRunner.query(
      `ALTER TABLE sessions ALTER COLUMN user_id TYPE uuid USING user_id::uuid`,
    );
    await queryRunner.query(
      `ALTER TABLE user_external_identities ALTER COLUMN user_id TYPE uuid USING user_id::uuid`,
    );
    await queryRunner.query(`
      ALTER TABLE sessions ADD CONSTRAINT sessions_user_id_fkey
        FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE`);
    await queryRunner.query(`
      ALTER TABLE user_external_identities ADD CONSTRAINT user_external_identities_user_id_fkey
        FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE`);
  }
}
