import type { DataSource } from 'typeorm';
import type { SavedView } from '../domain/saved-view';
import { TicketError, TicketErrorCode } from '../domain/ticket-error';
import type { SavedViewStore } from '../application/ports/saved-view-store';
import { isUuid } from '../domain/identifiers';

interface ViewRow {
  id: string;
  owner_id: string;
  name: string;
  shared: boolean;
  query: unknown;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/**
 * Two saves of one name at the same moment both pass the use case's check; the unique index
 * stops the second, which gets the same answer as if it had come later.
 */
async function namesOnce<T>(view: SavedView, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      throw new TicketError(TicketErrorCode.ValidationFailed, 'the view is invalid', [
        { field: 'name', message: `you already have a view named ${view.name}` },
      ]);
    }
    throw error;
  }
}

const UNIQUE_VIOLATION = '23505';

const toView = (row: ViewRow): SavedView => ({
  id: row.id,
  ownerId: row.owner_id,
  name: row.name,
  shared: row.shared,
  query: row.query,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

export class SqlSavedViewStore implements SavedViewStore {
  constructor(private readonly dataSource: DataSource) {}

  async insert(view: SavedView): Promise<void> {
    await namesOnce(view, () =>
      this.dataSource.query(
        `INSERT INTO saved_views (id, owner_id, name, shared, query, created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          view.id,
          view.ownerId,
          view.name,
          view.shared,
          JSON.stringify(view.query),
          view.createdAt,
          view.updatedAt,
          view.version,
        ],
      ),
    );
  }

  async update(view: SavedView, previousVersion: number): Promise<boolean> {
    const [, updated] = (await namesOnce(view, () =>
      this.dataSource.query(
        `UPDATE saved_views SET name = $2, shared = $3, query = $4, updated_at = $5, version = $6
        WHERE id = $1 AND version = $7`,
        [
          view.id,
          view.name,
          view.shared,
          JSON.stringify(view.query),
          view.updatedAt,
          view.version,
          previousVersion,
        ],
      ),
    )) as [unknown, number];
    return updated === 1;
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM saved_views WHERE id = $1`, [id]);
  }

  async find(id: string): Promise<SavedView | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = (await this.dataSource.query(`SELECT * FROM saved_views WHERE id = $1`, [
      id,
    ])) as ViewRow[];
    return row ? toView(row) : undefined;
  }

  async visibleTo(ownerId: string): Promise<SavedView[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM saved_views WHERE owner_id = $1 OR shared ORDER BY lower(name), id`,
      [ownerId],
    )) as ViewRow[];
    return rows.map(toView);
  }

  async namesOf(ownerId: string): Promise<string[]> {
    const rows = (await this.dataSource.query(`SELECT name FROM saved_views WHERE owner_id = $1`, [
      ownerId,
    ])) as { name: string }[];
    return rows.map((row) => row.name);
  }
}
