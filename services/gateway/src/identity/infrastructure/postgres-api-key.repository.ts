import { type IntegrationScope, isIntegrationScope } from '@itsm/auth';
import type { ApiKeyRepository } from '../application/ports/identity-store';
import type { ApiKey } from '../domain/api-key';
import type { ServiceAccount } from '../domain/service-account';
import { UUID_PATTERN } from '../domain/page-cursor';
import { rowsOf, type SqlExecutor } from './sql-rows';

interface ApiKeyRow {
  id: string;
  service_account_id: string;
  name: string;
  secret_digest: string;
  scopes: string[];
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  created_by: string;
  created_at: Date;
}

const COLUMNS = `id, service_account_id, name, secret_digest, scopes, expires_at, revoked_at,
  last_used_at, created_by, created_at`;

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    serviceAccountId: row.service_account_id,
    name: row.name,
    secretDigest: row.secret_digest,
    scopes: row.scopes.filter((scope): scope is IntegrationScope => isIntegrationScope(scope)),
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** API keys: their digests, scopes and lifecycle; never the secrets. */
export class PostgresApiKeyRepository implements ApiKeyRepository {
  constructor(private readonly sql: SqlExecutor) {}

  async findById(
    keyId: string,
  ): Promise<{ key: ApiKey; serviceAccount: ServiceAccount } | undefined> {
    const [row] = await rowsOf<
      ApiKeyRow & {
        account_name: string;
        account_description: string;
        account_disabled: boolean;
        account_created_by: string;
        account_created_at: Date;
        account_updated_at: Date;
      }
    >(
      this.sql,
      `SELECT ${COLUMNS.replace(/(\w+)/g, 'k.$1')}, a.name AS account_name,
              a.description AS account_description, a.disabled AS account_disabled,
              a.created_by AS account_created_by, a.created_at AS account_created_at,
              a.updated_at AS account_updated_at
       FROM api_keys k JOIN service_accounts a ON a.id = k.service_account_id
       WHERE k.id = $1`,
      [keyId],
    );
    if (!row) return undefined;
    return {
      key: toApiKey(row),
      serviceAccount: {
        id: row.service_account_id,
        name: row.account_name,
        description: row.account_description,
        disabled: row.account_disabled,
        createdBy: row.account_created_by,
        createdAt: row.account_created_at,
        updatedAt: row.account_updated_at,
      },
    };
  }

  async insert(key: ApiKey): Promise<void> {
    await this.sql.query(
      `INSERT INTO api_keys (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        key.id,
        key.serviceAccountId,
        key.name,
        key.secretDigest,
        key.scopes,
        key.expiresAt,
        key.revokedAt,
        key.lastUsedAt,
        key.createdBy,
        key.createdAt,
      ],
    );
  }

  async listOf(serviceAccountId: string): Promise<ApiKey[]> {
    if (!UUID_PATTERN.test(serviceAccountId)) return [];
    const rows = await rowsOf<ApiKeyRow>(
      this.sql,
      `SELECT ${COLUMNS} FROM api_keys WHERE service_account_id = $1 ORDER BY created_at, id`,
      [serviceAccountId],
    );
    return rows.map(toApiKey);
  }

  async revoke(
    serviceAccountId: string,
    keyId: string,
    at: Date,
  ): Promise<{ key: ApiKey; revokedNow: boolean } | undefined> {
    if (!UUID_PATTERN.test(serviceAccountId)) return undefined;
    const [row] = await rowsOf<ApiKeyRow & { revoked_now: boolean }>(
      this.sql,
      `WITH target AS (
         SELECT id, revoked_at IS NULL AS revoked_now FROM api_keys
         WHERE id = $1 AND service_account_id = $2 FOR UPDATE
       )
       UPDATE api_keys k SET revoked_at = coalesce(k.revoked_at, $3)
       FROM target WHERE k.id = target.id
       RETURNING ${COLUMNS.replace(/(\w+)/g, 'k.$1')}, target.revoked_now`,
      [keyId, serviceAccountId, at],
    );
    return row && { key: toApiKey(row), revokedNow: row.revoked_now };
  }

  async recordUse(keyId: string, at: Date, olderThan: Date): Promise<boolean> {
    const updated = await rowsOf<{ id: string }>(
      this.sql,
      `UPDATE api_keys SET last_used_at = $2
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= $3) RETURNING id`,
      [keyId, at, olderThan],
    );
    return updated.length > 0;
  }
}
