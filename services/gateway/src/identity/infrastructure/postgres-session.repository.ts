import type { SessionRepository } from '../application/ports/identity-store';
import type { RefreshTokenRecord, Session, SessionEndReason } from '../domain/session';
import { UUID_PATTERN } from '../domain/page-cursor';
import { rowsOf, type SqlExecutor } from './sql-rows';

interface SessionRow {
  id: string;
  user_id: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  group_ids: string[];
}

interface RefreshTokenRow {
  digest: string;
  session_id: string;
  issued_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

interface RefreshTokenWithSessionRow extends RefreshTokenRow {
  user_id: string;
  session_created_at: Date;
  session_expires_at: Date;
  session_revoked_at: Date | null;
  group_ids: string[];
}

const SESSION_COLUMNS = 'id, user_id, created_at, expires_at, revoked_at, group_ids';

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    userId: row.user_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    groupIds: row.group_ids,
  };
}

function toRefreshToken(row: RefreshTokenRow): RefreshTokenRecord {
  return {
    digest: row.digest,
    sessionId: row.session_id,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  };
}

/** Sessions and their refresh tokens (digests only). */
export class PostgresSessionRepository implements SessionRepository {
  constructor(private readonly sql: SqlExecutor) {}

  async create(session: Session, refreshToken: RefreshTokenRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO sessions (${SESSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        session.id,
        session.userId,
        session.createdAt,
        session.expiresAt,
        session.revokedAt,
        session.groupIds,
      ],
    );
    await this.addRefreshToken(refreshToken);
  }

  async findRefreshToken(
    digest: string,
  ): Promise<{ token: RefreshTokenRecord; session: Session } | undefined> {
    const [row] = await rowsOf<RefreshTokenWithSessionRow>(
      this.sql,
      `SELECT t.digest, t.session_id, t.issued_at, t.expires_at, t.used_at,
              s.user_id, s.created_at AS session_created_at, s.expires_at AS session_expires_at,
              s.revoked_at AS session_revoked_at, s.group_ids
       FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
       WHERE t.digest = $1`,
      [digest],
    );
    if (!row) return undefined;
    return {
      token: toRefreshToken(row),
      session: toSession({
        id: row.session_id,
        user_id: row.user_id,
        created_at: row.session_created_at,
        expires_at: row.session_expires_at,
        revoked_at: row.session_revoked_at,
        group_ids: row.group_ids,
      }),
    };
  }

  async markRefreshTokenUsed(digest: string, at: Date): Promise<boolean> {
    const used = await rowsOf<{ digest: string }>(
      this.sql,
      `UPDATE refresh_tokens SET used_at = $2 WHERE digest = $1 AND used_at IS NULL
       RETURNING digest`,
      [digest, at],
    );
    return used.length > 0;
  }

  async addRefreshToken(token: RefreshTokenRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO refresh_tokens (digest, session_id, issued_at, expires_at, used_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [token.digest, token.sessionId, token.issuedAt, token.expiresAt, token.usedAt],
    );
  }

  async saveGroups(sessionId: string, groupIds: readonly string[]): Promise<void> {
    await this.sql.query(`UPDATE sessions SET group_ids = $2 WHERE id = $1`, [
      sessionId,
      [...groupIds],
    ]);
  }

  async findById(sessionId: string): Promise<Session | undefined> {
    if (!UUID_PATTERN.test(sessionId)) return undefined;
    const [row] = await rowsOf<SessionRow>(
      this.sql,
      `SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = $1`,
      [sessionId],
    );
    return row && toSession(row);
  }

  async revoke(sessionId: string, reason: SessionEndReason, at: Date): Promise<boolean> {
    const revoked = await rowsOf<{ id: string }>(
      this.sql,
      `UPDATE sessions SET revoked_at = $2, revoked_reason = $3
       WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [sessionId, at, reason],
    );
    return revoked.length > 0;
  }

  async revokeAllOfUser(
    userId: string,
    reason: SessionEndReason,
    at: Date,
    exceptSessionId: string | null,
  ): Promise<string[]> {
    const revoked = await rowsOf<{ id: string }>(
      this.sql,
      `UPDATE sessions SET revoked_at = $2, revoked_reason = $3
       WHERE user_id = $1 AND revoked_at IS NULL AND ($4::uuid IS NULL OR id <> $4::uuid)
       RETURNING id`,
      [userId, at, reason, exceptSessionId],
    );
    return revoked.map((row) => row.id);
  }
}
