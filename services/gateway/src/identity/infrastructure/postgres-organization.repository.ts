import type { OrganizationRepository } from '../application/ports/identity-store';
import type { Organization } from '../domain/organization';
import { UUID_PATTERN } from '../domain/page-cursor';
import { rowsOf, type SqlExecutor } from './sql-rows';

interface OrganizationRow {
  id: string;
  name: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const COLUMNS = 'id, name, created_at, updated_at, version';

function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** Customer organisations; names are unique case aside (an index on lower(name)). */
export class PostgresOrganizationRepository implements OrganizationRepository {
  constructor(private readonly sql: SqlExecutor) {}

  async findById(id: string): Promise<Organization | undefined> {
    if (!UUID_PATTERN.test(id)) return undefined;
    const [row] = await rowsOf<OrganizationRow>(
      this.sql,
      `SELECT ${COLUMNS} FROM organizations WHERE id = $1`,
      [id],
    );
    return row && toOrganization(row);
  }

  async findByIdOrName(value: string): Promise<Organization | undefined> {
    const byId = await this.findById(value);
    if (byId) return byId;
    const [row] = await rowsOf<OrganizationRow>(
      this.sql,
      `SELECT ${COLUMNS} FROM organizations WHERE lower(name) = lower($1)`,
      [value],
    );
    return row && toOrganization(row);
  }

  async insert(organization: Organization): Promise<'inserted' | 'name-taken'> {
    const inserted = await rowsOf<{ id: string }>(
      this.sql,
      `INSERT INTO organizations (${COLUMNS}) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        organization.id,
        organization.name,
        organization.createdAt,
        organization.updatedAt,
        organization.version,
      ],
    );
    return inserted.length > 0 ? 'inserted' : 'name-taken';
  }

  async rename(
    id: string,
    name: string,
    expectedVersion: number | undefined,
    at: Date,
  ): Promise<Organization | 'not-found' | 'name-taken' | 'version-conflict'> {
    const [current] = await rowsOf<OrganizationRow>(
      this.sql,
      `SELECT ${COLUMNS} FROM organizations WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!current) return 'not-found';
    if (expectedVersion !== undefined && current.version !== expectedVersion)
      return 'version-conflict';
    const [clash] = await rowsOf<{ id: string }>(
      this.sql,
      `SELECT id FROM organizations WHERE lower(name) = lower($1) AND id <> $2`,
      [name, id],
    );
    if (clash) return 'name-taken';
    const [row] = await rowsOf<OrganizationRow>(
      this.sql,
      `UPDATE organizations SET name = $2, updated_at = $3, version = version + 1
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, name, at],
    );
    return row ? toOrganization(row) : 'not-found';
  }

  async list(limit: number, after: readonly [string, string] | null): Promise<Organization[]> {
    const rows = await rowsOf<OrganizationRow>(
      this.sql,
      after
        ? `SELECT ${COLUMNS} FROM organizations WHERE (lower(name), id) > (lower($2), $3::uuid)
           ORDER BY lower(name), id LIMIT $1`
        : `SELECT ${COLUMNS} FROM organizations ORDER BY lower(name), id LIMIT $1`,
      after ? [limit, after[0], after[1]] : [limit],
    );
    return rows.map(toOrganization);
  }
}
