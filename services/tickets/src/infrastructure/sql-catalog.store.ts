import type { DataSource } from 'typeorm';
import type { Impact, Urgency } from '../domain/priority-matrix';
import type { BusinessService, CatalogItem, Category, FormSchema } from '../domain/service-catalog';
import type { CatalogStore } from '../application/ports/catalog-store';
import { isUuid } from '../domain/identifiers';

interface ServiceRow {
  id: string;
  name: string;
  description: string;
  owner_group_id: string | null;
  created_at: Date;
}

interface CategoryRow {
  id: string;
  parent_id: string | null;
  name: string;
  form_schema: FormSchema | null;
  created_at: Date;
}

interface ItemRow {
  id: string;
  service_id: string;
  name: string;
  description: string;
  form_schema: FormSchema;
  default_category_id: string | null;
  default_impact: string;
  default_urgency: string;
  fulfilment_group_id: string | null;
  active: boolean;
  created_at: Date;
  version: number;
  updated_at: Date;
}

const toService = (row: ServiceRow): BusinessService => ({
  id: row.id,
  name: row.name,
  description: row.description,
  ownerGroupId: row.owner_group_id,
  createdAt: row.created_at,
});

const toCategory = (row: CategoryRow): Category => ({
  id: row.id,
  parentId: row.parent_id,
  name: row.name,
  formSchema: row.form_schema,
  createdAt: row.created_at,
});

const toItem = (row: ItemRow): CatalogItem => ({
  id: row.id,
  serviceId: row.service_id,
  name: row.name,
  description: row.description,
  formSchema: row.form_schema,
  defaultCategoryId: row.default_category_id,
  defaultImpact: row.default_impact as Impact,
  defaultUrgency: row.default_urgency as Urgency,
  fulfilmentGroupId: row.fulfilment_group_id,
  active: row.active,
  createdAt: row.created_at,
  version: row.version,
  updatedAt: row.updated_at,
});

/** An item's columns as $1…$12 of its INSERT and UPDATE: id first, then what may change. */
const itemValues = (item: CatalogItem): unknown[] => [
  item.id,
  item.serviceId,
  item.name,
  item.description,
  JSON.stringify(item.formSchema),
  item.defaultCategoryId,
  item.defaultImpact,
  item.defaultUrgency,
  item.fulfilmentGroupId,
  item.active,
  item.version,
  item.updatedAt,
];

/** The catalog in PostgreSQL; small tables read whole (a catalog has hundreds of rows, not millions). */
export class SqlCatalogStore implements CatalogStore {
  constructor(private readonly dataSource: DataSource) {}

  async insertService(service: BusinessService): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO business_services (id, name, description, owner_group_id, created_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [service.id, service.name, service.description, service.ownerGroupId, service.createdAt],
    );
  }

  async services(): Promise<BusinessService[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM business_services ORDER BY lower(name)`,
    )) as ServiceRow[];
    return rows.map(toService);
  }

  async findService(id: string): Promise<BusinessService | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = (await this.dataSource.query(`SELECT * FROM business_services WHERE id = $1`, [
      id,
    ])) as ServiceRow[];
    return row ? toService(row) : undefined;
  }

  async findServiceByName(name: string): Promise<BusinessService | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT * FROM business_services WHERE lower(name) = lower($1)`,
      [name],
    )) as ServiceRow[];
    return row ? toService(row) : undefined;
  }

  async insertCategory(category: Category): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ticket_categories (id, parent_id, name, form_schema, created_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        category.id,
        category.parentId,
        category.name,
        category.formSchema === null ? null : JSON.stringify(category.formSchema),
        category.createdAt,
      ],
    );
  }

  async categories(): Promise<Category[]> {
    const rows = (await this.dataSource.query(`
      WITH RECURSIVE tree AS (
        SELECT c.*, ARRAY[lower(c.name)] AS path FROM ticket_categories c WHERE parent_id IS NULL
        UNION ALL
        SELECT c.*, tree.path || lower(c.name) FROM ticket_categories c JOIN tree ON c.parent_id = tree.id
      )
      SELECT id, parent_id, name, form_schema, created_at FROM tree ORDER BY path`)) as CategoryRow[];
    return rows.map(toCategory);
  }

  async findCategory(id: string): Promise<Category | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = (await this.dataSource.query(`SELECT * FROM ticket_categories WHERE id = $1`, [
      id,
    ])) as CategoryRow[];
    return row ? toCategory(row) : undefined;
  }

  async insertItem(item: CatalogItem): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO catalog_items (id, service_id, name, description, form_schema, default_category_id,
         default_impact, default_urgency, fulfilment_group_id, active, version, updated_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [...itemValues(item), item.createdAt],
    );
  }

  async updateItem(item: CatalogItem): Promise<boolean> {
    const [, updated] = (await this.dataSource.query(
      `UPDATE catalog_items
          SET service_id = $2, name = $3, description = $4, form_schema = $5,
              default_category_id = $6, default_impact = $7, default_urgency = $8,
              fulfilment_group_id = $9, active = $10, version = $11, updated_at = $12
        WHERE id = $1 AND version = $13`,
      [...itemValues(item), item.version - 1],
    )) as [unknown, number];
    return updated === 1;
  }

  async items(filter: {
    serviceId: string | undefined;
    includeInactive: boolean;
  }): Promise<CatalogItem[]> {
    if (filter.serviceId !== undefined && !isUuid(filter.serviceId)) return [];
    const rows = (await this.dataSource.query(
      `SELECT * FROM catalog_items
        WHERE ($1::uuid IS NULL OR service_id = $1) AND ($2 OR active)
        ORDER BY lower(name)`,
      [
        filter.serviceId && isUuid(filter.serviceId) ? filter.serviceId : null,
        filter.includeInactive,
      ],
    )) as ItemRow[];
    return rows.map(toItem);
  }

  async findItem(id: string): Promise<CatalogItem | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = (await this.dataSource.query(`SELECT * FROM catalog_items WHERE id = $1`, [
      id,
    ])) as ItemRow[];
    return row ? toItem(row) : undefined;
  }
}
