import { isRole, type Role } from '@itsm/auth';
import type { UserListQuery, UserRepository } from '../application/ports/identity-store';
import type { SignInAttempts } from '../domain/lockout';
import type { Language, User, UserStatus } from '../domain/user';
import { likeContaining, rowsOf, type SqlExecutor } from './sql-rows';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  roles: string[];
  organization_id: string | null;
  organization_wide: boolean;
  language: Language;
  time_zone: string;
  status: UserStatus;
  failed_sign_ins: number;
  locked_until: Date | null;
  last_sign_in_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const COLUMNS = `id, email, display_name, password_hash, roles, organization_id, organization_wide,
  language, time_zone, status, failed_sign_ins, locked_until, last_sign_in_at, created_at,
  updated_at, version`;

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    // The table's check constraint admits known roles only; the filter narrows the type.
    roles: row.roles.filter((role): role is Role => isRole(role)),
    organizationId: row.organization_id,
    organizationWide: row.organization_wide,
    language: row.language,
    timeZone: row.time_zone,
    status: row.status,
    failedSignIns: row.failed_sign_ins,
    lockedUntil: row.locked_until,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** Users in PostgreSQL; emails are stored lower case and unique. */
export class PostgresUserRepository implements UserRepository {
  constructor(private readonly sql: SqlExecutor) {}

  async findById(id: string): Promise<User | undefined> {
    const [row] = await rowsOf<UserRow>(this.sql, `SELECT ${COLUMNS} FROM users WHERE id = $1`, [
      id,
    ]);
    return row && toUser(row);
  }

  async findByIdForUpdate(id: string): Promise<User | undefined> {
    const [row] = await rowsOf<UserRow>(
      this.sql,
      `SELECT ${COLUMNS} FROM users WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row && toUser(row);
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const [row] = await rowsOf<UserRow>(this.sql, `SELECT ${COLUMNS} FROM users WHERE email = $1`, [
      email,
    ]);
    return row && toUser(row);
  }

  async insert(user: User): Promise<'inserted' | 'email-taken' | 'id-taken'> {
    // No conflict target, so a taken id inserts nothing as a taken email does; one look at the
    // email then says which of the two it was.
    const inserted = await rowsOf<{ id: string }>(
      this.sql,
      `INSERT INTO users (${COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        user.id,
        user.email,
        user.displayName,
        user.passwordHash,
        user.roles,
        user.organizationId,
        user.organizationWide,
        user.language,
        user.timeZone,
        user.status,
        user.failedSignIns,
        user.lockedUntil,
        user.lastSignInAt,
        user.createdAt,
        user.updatedAt,
        user.version,
      ],
    );
    if (inserted.length > 0) return 'inserted';
    const [emailTaken] = await rowsOf<{ id: string }>(
      this.sql,
      `SELECT id FROM users WHERE email = $1`,
      [user.email],
    );
    return emailTaken ? 'email-taken' : 'id-taken';
  }

  async update(user: User, expectedVersion: number): Promise<User | undefined> {
    const [row] = await rowsOf<UserRow>(
      this.sql,
      `UPDATE users SET display_name = $3, password_hash = $4, roles = $5, organization_id = $6,
         organization_wide = $7, language = $8, time_zone = $9, status = $10, updated_at = $11,
         version = version + 1
       WHERE id = $1 AND version = $2
       RETURNING ${COLUMNS}`,
      [
        user.id,
        expectedVersion,
        user.displayName,
        user.passwordHash,
        user.roles,
        user.organizationId,
        user.organizationWide,
        user.language,
        user.timeZone,
        user.status,
        user.updatedAt,
      ],
    );
    return row && toUser(row);
  }

  async listInIdOrderForShare(afterId: string | null, limit: number): Promise<User[]> {
    const rows = await rowsOf<UserRow>(
      this.sql,
      `SELECT ${COLUMNS} FROM users WHERE $1::text IS NULL OR id > $1
       ORDER BY id LIMIT $2 FOR SHARE`,
      [afterId, limit],
    );
    return rows.map(toUser);
  }

  async saveSignInState(
    userId: string,
    attempts: SignInAttempts,
    lastSignInAt?: Date,
  ): Promise<void> {
    await this.sql.query(
      `UPDATE users SET failed_sign_ins = $2, locked_until = $3,
         last_sign_in_at = coalesce($4, last_sign_in_at)
       WHERE id = $1`,
      [userId, attempts.failedSignIns, attempts.lockedUntil, lastSignInAt ?? null],
    );
  }

  async list(query: UserListQuery): Promise<User[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const where = (condition: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      conditions.push(condition(`$${parameters.length}`));
    };
    if (query.after !== null) where((p) => `email > ${p}`, query.after);
    if (query.role !== null) where((p) => `${p} = ANY (roles)`, query.role);
    if (query.organizationId !== null) where((p) => `organization_id = ${p}`, query.organizationId);
    if (query.status !== null) where((p) => `status = ${p}`, query.status);
    if (query.text !== null)
      where((p) => `(email ILIKE ${p} OR display_name ILIKE ${p})`, likeContaining(query.text));
    parameters.push(query.limit);
    const rows = await rowsOf<UserRow>(
      this.sql,
      `SELECT ${COLUMNS} FROM users
       ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY email LIMIT $${parameters.length}`,
      parameters,
    );
    return rows.map(toUser);
  }

  async findByExternalIdentity(issuer: string, subject: string): Promise<User | undefined> {
    const [row] = await rowsOf<UserRow>(
      this.sql,
      `SELECT ${COLUMNS.replace(/(\w+)/g, 'u.$1')} FROM users u
       JOIN user_external_identities i ON i.user_id = u.id
       WHERE i.issuer = $1 AND i.subject = $2`,
      [issuer, subject],
    );
    return row && toUser(row);
  }

  async linkExternalIdentity(
    userId: string,
    issuer: string,
    subject: string,
    at: Date,
  ): Promise<void> {
    await this.sql.query(
      `INSERT INTO user_external_identities (issuer, subject, user_id, linked_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT (issuer, subject) DO NOTHING`,
      [issuer, subject, userId, at],
    );
  }
}
