import {
  AssetMovedEvent,
  InventoryClosedEvent,
  ItemChangedEvent,
  RelationshipChangedEvent,
} from '../generated/itsm/cmdb/v1/events';
import { type ConfigurationItem, RelationshipType } from '../generated/itsm/cmdb/v1/cmdb';
import { defineEventType } from './event-type';
import { Topics } from './topics';

/** What every consumer may rely on in the item of a cmdb event. */
function itemProblems(item: ConfigurationItem | undefined): string[] {
  if (!item) return ['item is missing'];
  const problems: string[] = [];
  if (!item.id) problems.push('item.id is empty');
  if (!item.typeKey) problems.push('item.typeKey is empty');
  if (!item.name) problems.push('item.name is empty');
  if (item.version < 1) problems.push('item.version is not positive');
  return problems;
}

function itemChange(type: 'created' | 'updated' | 'retired') {
  return defineEventType<ItemChangedEvent>({
    topic: Topics.cmdb,
    type: `itsm.cmdb.v1.item.${type}`,
    codec: ItemChangedEvent,
    validate: ({ item }) => itemProblems(item),
  });
}

/** A configuration item was recorded (by hand or by an import). */
export const CiCreated = itemChange('created');
/** Its attributes, status, owner, group, location or asset details changed. */
export const CiUpdated = itemChange('updated');
/** It was taken out of service (status retired, or an asset retired or disposed). */
export const CiRetired = itemChange('retired');

function relationshipChange(type: 'created' | 'deleted') {
  return defineEventType<RelationshipChangedEvent>({
    topic: Topics.cmdb,
    type: `itsm.cmdb.v1.relationship.${type}`,
    codec: RelationshipChangedEvent,
    validate: ({ relationship }) => {
      if (!relationship) return ['relationship is missing'];
      const problems: string[] = [];
      if (!relationship.id) problems.push('relationship.id is empty');
      if (!relationship.sourceId || !relationship.targetId)
        problems.push('an end of the relationship is empty');
      if (
        relationship.type === RelationshipType.RELATIONSHIP_TYPE_UNSPECIFIED ||
        relationship.type === RelationshipType.UNRECOGNIZED
      ) {
        problems.push('relationship.type is unspecified');
      }
      return problems;
    },
  });
}

export const CiRelationshipCreated = relationshipChange('created');
export const CiRelationshipDeleted = relationshipChange('deleted');

/** A line of an asset's stock movement journal: received, assigned, moved, repaired, retired… */
export const AssetMoved = defineEventType<AssetMovedEvent>({
  topic: Topics.cmdb,
  type: 'itsm.cmdb.v1.asset.moved',
  codec: AssetMovedEvent,
  validate: ({ item, movement }) => [
    ...itemProblems(item),
    ...(movement?.id && movement.kind ? [] : ['movement is missing or incomplete']),
  ],
});

/** An inventory campaign was closed with its discrepancies. */
export const InventoryClosed = defineEventType<InventoryClosedEvent>({
  topic: Topics.cmdb,
  type: 'itsm.cmdb.v1.inventory.closed',
  codec: InventoryClosedEvent,
  validate: ({ campaign }) =>
    campaign?.id && campaign.locationId ? [] : ['campaign is missing or has no location'],
});
