import {
  type AssetDetails as AssetDetailsMessage,
  AssetState as AssetStateMessage,
  type CiTypeDraft as CiTypeDraftMessage,
  CiStatus as CiStatusMessage,
  DataFormat as DataFormatMessage,
  ImpactDirection as ImpactDirectionMessage,
  type ItemDraft as ItemDraftMessage,
  RelationshipType as RelationshipTypeMessage,
} from '@itsm/contracts';
import {
  ASSET_STATE_MESSAGES,
  CI_STATUS_MESSAGES,
  RELATIONSHIP_TYPE_MESSAGES,
} from '../application/cmdb-message.mapper';
import type { DataFormat } from '../application/import-items/import-items.command';
import type { ImpactDirection } from '../application/ports/cmdb-store';
import type { UpdateItemCommand } from '../application/update-item/update-item.command';
import type { AssetState } from '../domain/asset-lifecycle';
import type { CiTypeDefinition } from '../domain/ci-type';
import { CmdbError, CmdbErrorCode } from '../domain/cmdb-error';
import type { AssetDetails, CiStatus, ItemFields } from '../domain/configuration-item';
import type { RelationshipType } from '../domain/relationship';

function invalid(field: string, message: string): never {
  throw new CmdbError(CmdbErrorCode.ValidationFailed, 'the request is invalid', [
    { field, message },
  ]);
}

function reverse<Domain extends string, Message extends string>(
  table: Readonly<Record<Domain, Message>>,
): ReadonlyMap<string, Domain> {
  return new Map(
    Object.entries(table).map(([domain, message]) => [message as string, domain as Domain]),
  );
}

const CI_STATUSES = reverse(CI_STATUS_MESSAGES);
const ASSET_STATES = reverse(ASSET_STATE_MESSAGES);
const RELATIONSHIP_TYPES = reverse(RELATIONSHIP_TYPE_MESSAGES);

/** Messages carry absent text as ""; the domain as null. */
export const optional = (value: string | undefined | null): string | null => value?.trim() || null;

/** The version a write names; 0 means "whatever is current". */
export const expectedVersionOf = (version: number): number | null => (version > 0 ? version : null);

export function ciStatusOf(value: CiStatusMessage, field: string): CiStatus | null {
  if (value === CiStatusMessage.CI_STATUS_UNSPECIFIED) return null;
  return CI_STATUSES.get(value) ?? invalid(field, `${value} is not a status`);
}

export function assetStateOf(value: AssetStateMessage, field: string): AssetState | null {
  if (value === AssetStateMessage.ASSET_STATE_UNSPECIFIED) return null;
  return ASSET_STATES.get(value) ?? invalid(field, `${value} is not an asset state`);
}

export function relationshipTypeOf(value: RelationshipTypeMessage): RelationshipType {
  if (value === RelationshipTypeMessage.RELATIONSHIP_TYPE_UNSPECIFIED) {
    return invalid(
      'type',
      'type is required: runs_on, depends_on, connected_to, hosted_in or uses_licence',
    );
  }
  return RELATIONSHIP_TYPES.get(value) ?? invalid('type', `${value} is not a relationship type`);
}

export function impactDirectionOf(value: ImpactDirectionMessage): ImpactDirection {
  switch (value) {
    case ImpactDirectionMessage.IMPACT_DIRECTION_UNSPECIFIED:
    case ImpactDirectionMessage.IMPACT_DIRECTION_UPSTREAM:
      return 'upstream';
    case ImpactDirectionMessage.IMPACT_DIRECTION_DOWNSTREAM:
      return 'downstream';
    case ImpactDirectionMessage.UNRECOGNIZED:
      return invalid('direction', `${value} is not a direction`);
    default:
      return invalid('direction', `${String(value)} is not a direction`);
  }
}

/** The format of import content: as named, or JSON when it reads as an array. */
export function importFormatOf(value: DataFormatMessage, content: string): DataFormat {
  if (value === DataFormatMessage.DATA_FORMAT_UNSPECIFIED) {
    return content
      .trimStart()
      .replace(/^\uFEFF/, '')
      .startsWith('[')
      ? 'json'
      : 'csv';
  }
  return exportFormatOf(value);
}

export function exportFormatOf(value: DataFormatMessage): DataFormat {
  switch (value) {
    case DataFormatMessage.DATA_FORMAT_UNSPECIFIED:
    case DataFormatMessage.DATA_FORMAT_CSV:
      return 'csv';
    case DataFormatMessage.DATA_FORMAT_JSON:
      return 'json';
    case DataFormatMessage.UNRECOGNIZED:
      return invalid('format', `${value} is not a format`);
    default:
      return invalid('format', `${String(value)} is not a format`);
  }
}

function jsonObjectOf(json: string, field: string, fallback: Record<string, unknown>) {
  if (json.trim().length === 0) return fallback;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return invalid(field, `is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return invalid(field, 'must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

export function ciTypeDraftOf(draft: CiTypeDraftMessage | undefined | null): CiTypeDefinition {
  if (!draft) return invalid('type', 'is missing');
  return {
    key: draft.key.trim(),
    nameEn: draft.nameEn.trim(),
    nameRu: draft.nameRu.trim(),
    // A type without a schema takes attributes of any name.
    attributeSchema: jsonObjectOf(draft.attributeSchemaJson, 'attributeSchemaJson', {
      type: 'object',
    }),
    asset: draft.asset,
    businessService: draft.businessService,
    licence: draft.licence,
  };
}

function isEmptyAsset(asset: AssetDetailsMessage): boolean {
  return (
    asset.state === AssetStateMessage.ASSET_STATE_UNSPECIFIED &&
    !asset.inventoryNumber.trim() &&
    !asset.serialNumber.trim() &&
    !asset.holderId.trim() &&
    !asset.locationId.trim() &&
    !asset.warrantyEnd.trim() &&
    !asset.contractEnd.trim() &&
    asset.seats === 0
  );
}

/**
 * Asset details as sent; none when the message is absent or all defaults. Seats come as given
 * (0 when unset): the use case fits them to the type, since only licences have seats.
 */
function assetOf(asset: AssetDetailsMessage | undefined | null): AssetDetails | null {
  if (!asset || isEmptyAsset(asset)) return null;
  return {
    state: assetStateOf(asset.state, 'asset.state') ?? 'in_stock',
    inventoryNumber: optional(asset.inventoryNumber),
    serialNumber: optional(asset.serialNumber),
    holderId: optional(asset.holderId),
    locationId: optional(asset.locationId),
    warrantyEnd: optional(asset.warrantyEnd),
    contractEnd: optional(asset.contractEnd),
    seats: asset.seats,
  };
}

/** A new item as sent: status active and an asset in stock unless the draft says otherwise. */
export function itemFieldsOf(draft: ItemDraftMessage | undefined | null): ItemFields {
  if (!draft) return invalid('item', 'is missing');
  return {
    typeKey: draft.typeKey.trim().toLowerCase(),
    name: draft.name.trim(),
    externalId: optional(draft.externalId),
    attributes: jsonObjectOf(draft.attributesJson, 'attributesJson', {}),
    status: ciStatusOf(draft.status, 'status') ?? 'active',
    ownerId: optional(draft.ownerId),
    supportGroupId: optional(draft.supportGroupId),
    locationId: optional(draft.locationId),
    asset: assetOf(draft.asset),
  };
}

/** An item's new fields; the asset's state, holder and place are left to the lifecycle. */
export function itemChangesOf(
  draft: ItemDraftMessage | undefined | null,
): UpdateItemCommand['fields'] {
  const fields = itemFieldsOf(draft);
  const asset = fields.asset;
  return {
    ...fields,
    typeKey: fields.typeKey || null,
    status: ciStatusOf(draft?.status ?? CiStatusMessage.CI_STATUS_UNSPECIFIED, 'status'),
    asset: asset
      ? {
          inventoryNumber: asset.inventoryNumber,
          serialNumber: asset.serialNumber,
          warrantyEnd: asset.warrantyEnd,
          contractEnd: asset.contractEnd,
          seats: asset.seats,
        }
      : null,
  };
}
