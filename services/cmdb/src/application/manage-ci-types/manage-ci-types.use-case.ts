import {
  type AttributeValidator,
  type CiTypeDefinition,
  validateCiTypeDefinition,
} from '../../domain/ci-type';
import { CmdbError, CmdbErrorCode, throwIfInvalid } from '../../domain/cmdb-error';
import { canonicalJson, validateItemFields } from '../../domain/configuration-item';
import type { Clock, IdGenerator } from '../ports/clock';
import type { CmdbStore, CmdbTransactions, StoredCiType } from '../ports/cmdb-store';
import { notFound, requireUuid, requireVersion } from '../references';

/** Items named when a new schema refuses some: enough to act on, few enough to read. */
export const REFUSED_ITEMS_NAMED = 10;
const SCAN_BATCH = 1_000;

function trimmed(definition: CiTypeDefinition): CiTypeDefinition {
  return {
    ...definition,
    key: definition.key.trim(),
    nameEn: definition.nameEn.trim(),
    nameRu: definition.nameRu.trim(),
  };
}

/** Whether items valid under `before` could be refused under `after`. */
function mayRefuseItems(before: CiTypeDefinition, after: CiTypeDefinition): boolean {
  return (
    before.asset !== after.asset ||
    before.licence !== after.licence ||
    canonicalJson(before.attributeSchema) !== canonicalJson(after.attributeSchema)
  );
}

/** Types of configuration items as administrators define them: key, names, attribute schema. */
export class ManageCiTypesUseCase {
  constructor(
    private readonly transactions: CmdbTransactions,
    private readonly validator: AttributeValidator,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  list(): Promise<StoredCiType[]> {
    return this.transactions.reader().types();
  }

  async create(draft: CiTypeDefinition): Promise<StoredCiType> {
    const definition = trimmed(draft);
    throwIfInvalid('the CI type is invalid', validateCiTypeDefinition(definition, this.validator));
    return this.transactions.run(async (store) => {
      await this.requireFreeKey(store, definition.key, null);
      const at = this.clock.now();
      const type: StoredCiType = {
        ...definition,
        id: this.ids.newId(),
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      await store.insertType(type);
      return type;
    });
  }

  /**
   * Replaces a type's definition. Items are checked against the new one first: when it refuses
   * some, nothing changes and FAILED_PRECONDITION names the first of them.
   */
  async update(
    id: string,
    draft: CiTypeDefinition,
    expectedVersion: number | null,
  ): Promise<StoredCiType> {
    requireUuid('CI type', id);
    const definition = trimmed(draft);
    throwIfInvalid('the CI type is invalid', validateCiTypeDefinition(definition, this.validator));
    return this.transactions.run(async (store) => {
      // Locked: items written meanwhile wait, so none escapes the check below.
      const current = await store.type(id, 'update');
      if (!current) throw notFound('CI type', id);
      requireVersion('CI type', id, current.version, expectedVersion);
      if (definition.key !== current.key) await this.requireFreeKey(store, definition.key, id);
      const next: StoredCiType = {
        ...definition,
        id,
        version: current.version + 1,
        createdAt: current.createdAt,
        updatedAt: this.clock.now(),
      };
      if (mayRefuseItems(current, next)) await this.requireItemsFit(store, next);
      await store.updateType(next);
      return next;
    });
  }

  private async requireFreeKey(store: CmdbStore, key: string, id: string | null): Promise<void> {
    const holder = await store.typeByKey(key);
    if (holder && holder.id !== id) {
      throw new CmdbError(
        CmdbErrorCode.AlreadyExists,
        `the CI type key ${key} is taken`,
        [{ field: 'key', message: `${key} is the key of another type` }],
        { typeId: holder.id },
      );
    }
  }

  private async requireItemsFit(store: CmdbStore, type: StoredCiType): Promise<void> {
    const refused: Array<{ id: string; name: string; problems: string[] }> = [];
    let refusedCount = 0;
    let afterId: string | null = null;
    for (;;) {
      const batch = await store.itemsOfType(type.id, afterId, SCAN_BATCH);
      for (const item of batch) {
        const violations = validateItemFields({ ...item, typeKey: type.key }, type, this.validator);
        if (violations.length === 0) continue;
        refusedCount += 1;
        if (refused.length < REFUSED_ITEMS_NAMED) {
          refused.push({
            id: item.id,
            name: item.name,
            problems: violations.map(({ field, message }) => `${field}: ${message}`),
          });
        }
      }
      if (batch.length < SCAN_BATCH) break;
      afterId = batch[batch.length - 1]?.id ?? null;
    }
    if (refusedCount === 0) return;
    throw new CmdbError(
      CmdbErrorCode.FailedPrecondition,
      `the new definition of ${type.key} refuses ${refusedCount} of its items; change them first`,
      refused.map(({ id, name, problems }) => ({
        field: `items/${id}`,
        message: `${name}: ${problems.join('; ')}`,
      })),
      { refusedItems: refusedCount, itemIds: refused.map(({ id }) => id) },
    );
  }
}
