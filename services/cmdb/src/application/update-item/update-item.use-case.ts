import type { AttributeValidator } from '../../domain/ci-type';
import { CmdbError, CmdbErrorCode, throwIfInvalid } from '../../domain/cmdb-error';
import { diffItems, validateItemFields } from '../../domain/configuration-item';
import {
  fittedToType,
  recordItemChange,
  requireFreeExternalId,
  requireFreeInventoryNumber,
  requireLocations,
  withFields,
} from '../item-changes';
import type { Clock } from '../ports/clock';
import type { CmdbTransactions, StoredItem } from '../ports/cmdb-store';
import { actorOf, notFound, requireUuid, requireVersion } from '../references';
import type { UpdateItemCommand } from './update-item.command';

/**
 * Changes an item's fields, attributes and asset records at an expected version, with a history
 * entry of what changed and an `item.updated` (or `item.retired`) event. An update that changes
 * nothing writes nothing and answers the item as it is.
 */
export class UpdateItemUseCase {
  constructor(
    private readonly transactions: CmdbTransactions,
    private readonly validator: AttributeValidator,
    private readonly clock: Clock,
  ) {}

  async execute(command: UpdateItemCommand): Promise<StoredItem> {
    requireUuid('configuration item', command.id);
    const actorId = actorOf(command.actorId);
    return this.transactions.run(async (store) => {
      const current = await store.item(command.id, 'update');
      if (!current) throw notFound('configuration item', command.id);
      requireVersion('configuration item', current.id, current.version, command.expectedVersion);
      const { typeKey, status, asset, ...common } = command.fields;
      if (typeKey !== null && typeKey !== current.typeKey) {
        const message = `an item keeps its type: this one is a ${current.typeKey}`;
        throw new CmdbError(CmdbErrorCode.ValidationFailed, 'the item is invalid', [
          { field: 'typeKey', message },
        ]);
      }
      const type = await store.typeByKey(current.typeKey, 'share');
      if (!type) throw notFound('CI type', current.typeKey);
      const fields = fittedToType(
        {
          ...common,
          typeKey: current.typeKey,
          status: status ?? current.status,
          // The lifecycle owns state, holder and place, so the journal has every change of them.
          asset: current.asset && asset ? { ...current.asset, ...asset } : current.asset,
        },
        type,
      );
      throwIfInvalid('the item is invalid', validateItemFields(fields, type, this.validator));
      const changes = diffItems(current, fields);
      if (changes.length === 0) return current;
      await requireLocations(store, fields);
      await requireFreeExternalId(store, type.id, fields, current.id);
      await requireFreeInventoryNumber(store, fields, current.id);
      const at = this.clock.now();
      const next = withFields(current, fields, at);
      await store.updateItem(next);
      await recordItemChange(store, {
        before: current,
        after: next,
        action: next.status === 'retired' && current.status !== 'retired' ? 'retired' : 'updated',
        actorId,
        changes,
        at,
      });
      return next;
    });
  }
}
