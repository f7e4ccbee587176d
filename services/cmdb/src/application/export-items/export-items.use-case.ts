import { CmdbError, CmdbErrorCode } from '../../domain/cmdb-error';
import { toCsv, toJson } from '../../domain/import-rows';
import type { DataFormat } from '../import-items/import-items.command';
import type { CmdbTransactions, ItemCursor, StoredItem } from '../ports/cmdb-store';
import { notFound } from '../references';

const READ_BATCH = 1_000;

/** The attribute columns of an export: the schema's properties in order, then any others found. */
function attributeNamesOf(schema: Record<string, unknown>, items: readonly StoredItem[]): string[] {
  const properties = schema['properties'];
  const declared =
    typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
  const found = new Set<string>();
  for (const item of items) for (const name of Object.keys(item.attributes)) found.add(name);
  const known = new Set(declared);
  return [...declared, ...[...found].filter((name) => !known.has(name)).sort()];
}

/**
 * The items of a type as CSV or JSON in the import's own format, by name: importing the export
 * again changes nothing. At most as many items as one import takes.
 */
export class ExportItemsUseCase {
  constructor(
    private readonly transactions: CmdbTransactions,
    private readonly maxItems: number,
  ) {}

  async execute(typeKey: string, format: DataFormat): Promise<{ content: string; items: number }> {
    const key = typeKey.trim().toLowerCase();
    if (key.length === 0) {
      const message = 'name the type to export';
      throw new CmdbError(CmdbErrorCode.ValidationFailed, message, [{ field: 'typeKey', message }]);
    }
    const store = this.transactions.reader();
    const type = await store.typeByKey(key);
    if (!type) throw notFound('CI type', key);
    const items: StoredItem[] = [];
    let after: ItemCursor | null = null;
    for (;;) {
      const batch = await store.items({ typeId: type.id }, after, READ_BATCH);
      items.push(...batch);
      if (items.length > this.maxItems) {
        throw new CmdbError(
          CmdbErrorCode.FailedPrecondition,
          `${type.key} has more than ${this.maxItems} items, more than one import takes`,
          [],
          { maxItems: this.maxItems },
        );
      }
      const last = batch[batch.length - 1];
      if (batch.length < READ_BATCH || !last) break;
      after = { name: last.name, id: last.id };
    }
    const rows = items.map((fields) => ({ fields }));
    const content =
      format === 'json' ? toJson(rows) : toCsv(rows, attributeNamesOf(type.attributeSchema, items));
    return { content, items: items.length };
  }
}
