import type { AttributeValidator } from '../../domain/ci-type';
import { CmdbError, CmdbErrorCode, throwIfInvalid } from '../../domain/cmdb-error';
import { validateItemFields } from '../../domain/configuration-item';
import {
  creationChanges,
  fittedToType,
  recordItemChange,
  requireFreeExternalId,
  requireFreeInventoryNumber,
  requireLocations,
} from '../item-changes';
import type { Clock, IdGenerator } from '../ports/clock';
import type { CmdbTransactions, StoredItem } from '../ports/cmdb-store';
import { actorOf } from '../references';
import type { CreateItemCommand } from './create-item.command';

export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;

function idempotencyKeyOf(raw: string): string | null {
  const key = raw.trim();
  if (key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    const message = `idempotencyKey must be at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`;
    throw new CmdbError(CmdbErrorCode.ValidationFailed, message, [
      { field: 'idempotencyKey', message },
    ]);
  }
  return key || null;
}

/**
 * Records a configuration item in one transaction: the row, its `created` history entry and the
 * `item.created` event. Attributes are checked against the type's schema (every wrong one named).
 * A retry with the same idempotency key answers the item the first request created.
 */
export class CreateItemUseCase {
  constructor(
    private readonly transactions: CmdbTransactions,
    private readonly validator: AttributeValidator,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateItemCommand): Promise<{ item: StoredItem; created: boolean }> {
    const actorId = actorOf(command.actorId);
    const key = idempotencyKeyOf(command.idempotencyKey);
    if (key) {
      const earlier = await this.transactions.reader().itemByIdempotencyKey(key);
      if (earlier) return { item: earlier, created: false };
    }
    return this.transactions.run(async (store) => {
      // Shared lock: the type's schema cannot change under the check.
      const type = await store.typeByKey(command.fields.typeKey, 'share');
      if (!type) {
        const message = `"${command.fields.typeKey}" is not a CI type`;
        throw new CmdbError(CmdbErrorCode.ValidationFailed, 'the item is invalid', [
          { field: 'typeKey', message },
        ]);
      }
      const fields = fittedToType(command.fields, type);
      throwIfInvalid('the item is invalid', validateItemFields(fields, type, this.validator));
      await requireLocations(store, fields);
      await requireFreeExternalId(store, type.id, fields, null);
      await requireFreeInventoryNumber(store, fields, null);
      const at = this.clock.now();
      const item: StoredItem = {
        ...fields,
        id: this.ids.newId(),
        typeId: type.id,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      if ((await store.insertItem(item, key)) === 'idempotency_key_taken') {
        // A concurrent retry committed first: answer its item.
        const earlier = key ? await store.itemByIdempotencyKey(key) : undefined;
        if (!earlier) throw new Error(`idempotency key ${String(key)} names no readable item`);
        return { item: earlier, created: false };
      }
      await recordItemChange(store, {
        before: null,
        after: item,
        action: 'created',
        actorId,
        changes: creationChanges(fields),
        at,
      });
      return { item, created: true };
    });
  }
}
