import { CiRelationshipCreated, CiRelationshipDeleted } from '@itsm/contracts';
import { throwIfInvalid } from '../../domain/cmdb-error';
import { type RelationshipType, validateRelationship } from '../../domain/relationship';
import { toRelationshipMessage } from '../cmdb-message.mapper';
import type { Clock, IdGenerator } from '../ports/clock';
import type {
  CmdbStore,
  CmdbTransactions,
  StoredItem,
  StoredRelationship,
} from '../ports/cmdb-store';
import { actorOf, notFound, requireUuid } from '../references';

export interface CreateRelationshipCommand {
  sourceId: string;
  targetId: string;
  type: RelationshipType;
  actorId: string;
}

/** The relationship as both of its items' history shows it. */
function relationshipChange(relationship: StoredRelationship, removed: boolean) {
  const value = JSON.stringify({
    id: relationship.id,
    type: relationship.type,
    sourceId: relationship.sourceId,
    targetId: relationship.targetId,
  });
  return {
    field: 'relationship',
    oldValue: removed ? value : '',
    newValue: removed ? '' : value,
  };
}

/** How configuration items relate: runs on, depends on, connected to, hosted in, uses a licence. */
export class ManageRelationshipsUseCase {
  constructor(
    private readonly transactions: CmdbTransactions,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** Idempotent: the same source, target and type again answers the stored one, writing nothing. */
  async create(
    command: CreateRelationshipCommand,
  ): Promise<{ relationship: StoredRelationship; created: boolean }> {
    requireUuid('configuration item', command.sourceId);
    requireUuid('configuration item', command.targetId);
    const actorId = actorOf(command.actorId);
    return this.transactions.run(async (store) => {
      const source = await this.item(store, command.sourceId);
      const target = await this.item(store, command.targetId);
      const sourceType = await store.typeByKey(source.typeKey);
      const targetType = await store.typeByKey(target.typeKey);
      if (!sourceType) throw notFound('CI type', source.typeKey);
      if (!targetType) throw notFound('CI type', target.typeKey);
      throwIfInvalid(
        'the relationship is invalid',
        validateRelationship({
          sourceId: source.id,
          targetId: target.id,
          type: command.type,
          sourceType,
          targetType,
        }),
      );
      const at = this.clock.now();
      const outcome = await store.insertRelationship({
        id: this.ids.newId(),
        sourceId: source.id,
        targetId: target.id,
        type: command.type,
        createdAt: at,
        createdBy: actorId,
      });
      if (!outcome.created) return outcome;
      await this.recordOnBoth(store, outcome.relationship, [source, target], actorId, at, false);
      await store.emit(CiRelationshipCreated, {
        key: source.id,
        subject: source.name,
        payload: { relationship: toRelationshipMessage(outcome.relationship), actorId },
        occurredAt: at,
      });
      return outcome;
    });
  }

  async delete(id: string, actorIdGiven: string): Promise<StoredRelationship> {
    requireUuid('relationship', id);
    const actorId = actorOf(actorIdGiven);
    return this.transactions.run(async (store) => {
      const relationship = await store.deleteRelationship(id);
      if (!relationship) throw notFound('relationship', id);
      const source = await this.item(store, relationship.sourceId);
      const target = await this.item(store, relationship.targetId);
      const at = this.clock.now();
      await this.recordOnBoth(store, relationship, [source, target], actorId, at, true);
      await store.emit(CiRelationshipDeleted, {
        key: source.id,
        subject: source.name,
        payload: { relationship: toRelationshipMessage(relationship), actorId },
        occurredAt: at,
      });
      return relationship;
    });
  }

  /** Both directions, oldest first. */
  async list(itemId: string): Promise<StoredRelationship[]> {
    requireUuid('configuration item', itemId);
    const store = this.transactions.reader();
    await this.item(store, itemId);
    return store.relationshipsOf(itemId);
  }

  private async item(store: CmdbStore, id: string): Promise<StoredItem> {
    const item = await store.item(id);
    if (!item) throw notFound('configuration item', id);
    return item;
  }

  private recordOnBoth(
    store: CmdbStore,
    relationship: StoredRelationship,
    items: StoredItem[],
    actorId: string,
    at: Date,
    removed: boolean,
  ): Promise<void> {
    const change = relationshipChange(relationship, removed);
    return store.recordHistory(
      items.map((item) => ({
        ciId: item.id,
        version: item.version,
        action: removed ? 'unrelated' : 'related',
        actorId,
        changes: [change],
        occurredAt: at,
      })),
    );
  }
}
