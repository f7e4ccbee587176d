import type { ServiceAccountRepository } from '../application/ports/identity-store';
import type { ServiceAccount } from '../domain/service-account';
import { UUID_PATTERN } from '../domain/page-cursor';
import { rowsOf, type SqlExecutor } from './sql-rows';

export interface ServiceAccountRow {
  id: string;
  name: string;
  description: string;
  disabled: boolean;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export const SERVICE_ACCOUNT_COLUMNS =
  'id, name, description, disabled, created_by, created_at, updated_at';

export function toServiceAccount(row: ServiceAccountRow): ServiceAccount {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    disabled: row.disabled,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class PostgresServiceAccountRepository implements ServiceAccountRepository {
  constructor(private readonly sql: SqlExecutor) {}

  async findById(id: string): Promise<ServiceAccount | undefined> {
    if (!UUID_PATTERN.test(id)) return undefined;
    const [row] = await rowsOf<ServiceAccountRow>(
      this.sql,
      `SELECT ${SERVICE_ACCOUNT_COLUMNS} FROM service_accounts WHERE id = $1`,
      [id],
    );
    return row && toServiceAccount(row);
  }

  async insert(account: ServiceAccount): Promise<'inserted' | 'name-taken'> {
    const inserted = await rowsOf<{ id: string }>(
      this.sql,
      `INSERT INTO service_accounts (${SERVICE_ACCOUNT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        account.id,
        account.name,
        account.description,
        account.disabled,
        account.createdBy,
        account.createdAt,
        account.updatedAt,
      ],
    );
    return inserted.length > 0 ? 'inserted' : 'name-taken';
  }

  async list(): Promise<ServiceAccount[]> {
    const rows = await rowsOf<ServiceAccountRow>(
      this.sql,
      `SELECT ${SERVICE_ACCOUNT_COLUMNS} FROM service_accounts ORDER BY lower(name), id`,
    );
    return rows.map(toServiceAccount);
  }
}
