import { AssetMoved, CiRetired } from '@itsm/contracts';
import {
  type AssetAction,
  type AssetMovementKind,
  applyAssetAction,
} from '../../domain/asset-lifecycle';
import { CmdbError, CmdbErrorCode } from '../../domain/cmdb-error';
import { diffItems, type ItemFields } from '../../domain/configuration-item';
import { toItemMessage, toMovementMessage } from '../cmdb-message.mapper';
import { isRetired, requireLocations, withFields } from '../item-changes';
import type { Clock, IdGenerator } from '../ports/clock';
import type {
  CmdbTransactions,
  HistoryAction,
  StoredItem,
  StoredMovement,
} from '../ports/cmdb-store';
import { actorOf, notFound, requireUuid, requireVersion } from '../references';
import type { ChangeAssetCommand } from './change-asset.command';

const HISTORY_ACTIONS: Readonly<Record<AssetMovementKind, HistoryAction>> = {
  received: 'state_changed',
  assigned: 'assigned',
  returned: 'state_changed',
  moved: 'moved',
  sent_to_repair: 'state_changed',
  back_from_repair: 'state_changed',
  retired: 'retired',
  disposed: 'retired',
};

/**
 * One step of an asset's life — receive, assign, return, move, repair, retire, dispose — as one
 * transaction: the item, a journal line, a history entry and the `asset.moved` event (and
 * `item.retired` when it leaves service). The lifecycle refuses what the state does not allow.
 */
export class ChangeAssetUseCase {
  constructor(
    private readonly transactions: CmdbTransactions,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(
    command: ChangeAssetCommand,
  ): Promise<{ item: StoredItem; movement: StoredMovement }> {
    requireUuid('asset', command.assetId);
    const actorId = actorOf(command.actorId);
    return this.transactions.run(async (store) => {
      const current = await store.item(command.assetId, 'update');
      if (!current) throw notFound('asset', command.assetId);
      requireVersion('asset', current.id, current.version, command.expectedVersion);
      const asset = current.asset;
      if (!asset) {
        throw new CmdbError(
          CmdbErrorCode.FailedPrecondition,
          `${current.name} is a ${current.typeKey}, not an asset: it has no lifecycle`,
          [],
          { typeKey: current.typeKey },
        );
      }
      const after = applyAssetAction(
        { state: asset.state, holderId: asset.holderId, locationId: asset.locationId },
        command.action.trim() as AssetAction,
        { holderId: command.holderId, locationId: command.locationId, reason: command.reason },
      );
      const fields: ItemFields = {
        ...current,
        // Leaving service by the lifecycle leaves it by status too.
        status:
          after.state === 'retired' || after.state === 'disposed' ? 'retired' : current.status,
        asset: {
          ...asset,
          state: after.state,
          holderId: after.holderId,
          locationId: after.locationId,
        },
      };
      if (after.locationId !== asset.locationId) await requireLocations(store, fields);
      const at = this.clock.now();
      const next = withFields(current, fields, at);
      const movement: StoredMovement = {
        id: this.ids.newId(),
        assetId: current.id,
        kind: after.movementKind,
        fromState: asset.state,
        toState: after.state,
        fromLocationId: asset.locationId,
        toLocationId: after.locationId,
        fromHolderId: asset.holderId,
        toHolderId: after.holderId,
        actorId,
        reason: command.reason.trim(),
        occurredAt: at,
      };
      await store.updateItem(next);
      await store.recordMovement(movement);
      const changes = diffItems(current, fields);
      await store.recordHistory([
        {
          ciId: next.id,
          version: next.version,
          action: HISTORY_ACTIONS[after.movementKind],
          actorId,
          changes,
          occurredAt: at,
        },
      ]);
      const item = toItemMessage(next);
      await store.emit(AssetMoved, {
        key: next.id,
        subject: next.name,
        payload: { item, movement: toMovementMessage(movement) },
        occurredAt: at,
      });
      if (isRetired(next) && !isRetired(current)) {
        await store.emit(CiRetired, {
          key: next.id,
          subject: next.name,
          payload: { item, changes, actorId },
          occurredAt: at,
        });
      }
      return { item: next, movement };
    });
  }
}
