import {
  type AnalyzeImpactRequest,
  type AnalyzeImpactResponse,
  type AssetDetails,
  type AssetMovement,
  AssetState,
  type ChangeAssetRequest,
  type CiHistoryEntry,
  CiStatus,
  type CiTicket,
  type CiType,
  type CiTypeDraft,
  type ConfigurationItem,
  type CreateItemRequest,
  type CreateLocationRequest,
  type CreateRelationshipRequest,
  DataFormat,
  type ExportItemsRequest,
  fromRestSpelling,
  fromTimestamp,
  ImpactDirection,
  type ImpactedItem,
  type ImportItemsRequest,
  type ImportItemsResponse,
  type InventoryCampaign,
  type ItemDraft,
  type ItemFieldChange,
  type LicenceCompliance,
  type ListItemsRequest,
  type Location,
  type Relationship,
  RelationshipType,
  type Timestamp,
  toRestSpelling,
  type UpdateItemRequest,
} from '@itsm/contracts';
import { fromJsonText, toJsonText } from '../tickets/json-object.mapper';
import { TICKET_STATUSES, TICKET_TYPES } from '../tickets/dto/ticket-enums';
import type { AssetActionDto, AssetMovementDto } from './dto/asset.dto';
import type { CiTypeDto, WriteCiTypeDto } from './dto/ci-type.dto';
import {
  ASSET_STATES,
  CI_STATUSES,
  DISCREPANCY_KINDS,
  HISTORY_ACTIONS,
  INVENTORY_STATUSES,
  LOCATION_KINDS,
  MOVEMENT_KINDS,
  RELATIONSHIP_TYPES,
} from './dto/cmdb-enums';
import type {
  AssetDetailsDto,
  CiHistoryEntryDto,
  ConfigurationItemDto,
  ItemFieldChangeDto,
  ListConfigurationItemsQueryDto,
  WriteAssetDetailsDto,
  WriteConfigurationItemDto,
} from './dto/configuration-item.dto';
import {
  DEFAULT_IMPACT_DEPTH,
  type ImpactAnalysisDto,
  type ImpactedItemDto,
  type ImpactQueryDto,
  type TicketImpactDto,
} from './dto/impact.dto';
import type { InventoryDto } from './dto/inventory.dto';
import type { ExportItemsQueryDto, ImportResultDto } from './dto/item-exchange.dto';
import type { ItemTicketDto } from './dto/item-ticket.dto';
import type { LicenceComplianceDto } from './dto/licence.dto';
import type { CreateLocationDto, LocationDto } from './dto/location.dto';
import type { CreateRelationshipDto, RelationshipDto } from './dto/relationship.dto';
import type { ImportSubmission } from './import-submission.decorator';

function instant(timestamp: Timestamp | undefined, what: string): string {
  if (!timestamp) throw new Error(`the CMDB service answered without ${what}`);
  return fromTimestamp(timestamp).toISOString();
}

const optionalInstant = (timestamp: Timestamp | undefined): string | null =>
  timestamp ? fromTimestamp(timestamp).toISOString() : null;

/** The contract's empty string ("none") as the API's null. */
const orNull = (value: string): string | null => value || null;

/**
 * A value the contract spells as a string but whose values it lists, checked as
 * toRestSpelling checks enums: an unknown one is the service breaking the contract.
 */
function listed<R extends string>(allowed: readonly R[], value: string, what: string): R {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`unexpected ${what} ${JSON.stringify(value)} from the CMDB service`);
  }
  return value as R;
}

/**
 * A ticket's type or status as the CMDB keeps it from the tickets' events: the API's spelling,
 * or the tickets contract's enum name, which reads the same once its prefix is gone.
 */
function ticketValue<R extends string>(
  prefix: string,
  value: string,
  allowed: readonly R[],
  what: string,
): R {
  const name = value.startsWith(prefix) ? value.slice(prefix.length).toLowerCase() : value;
  return listed(allowed, name, what);
}

/** A JSON value of the item's history; empty text is absent. */
function historyValue(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error('the CMDB service answered a history value that is not JSON');
  }
}

const ciStatusDto = (status: CiStatus) => toRestSpelling('CI_STATUS_', status, CI_STATUSES);
const assetStateDto = (state: AssetState) => toRestSpelling('ASSET_STATE_', state, ASSET_STATES);

// ---------------------------------------------------------------------------------------------
// Types

export function toCiTypeDto(type: CiType): CiTypeDto {
  return {
    id: type.id,
    key: type.key,
    nameEn: type.nameEn,
    nameRu: type.nameRu,
    attributeSchema: fromJsonText(type.attributeSchemaJson, 'the attribute schema') ?? {},
    asset: type.asset,
    businessService: type.businessService,
    licence: type.licence,
    version: type.version,
    createdAt: instant(type.createdAt, 'a creation time'),
    updatedAt: instant(type.updatedAt, 'an update time'),
  };
}

export function toCiTypeDraft(dto: WriteCiTypeDto): CiTypeDraft {
  return {
    key: dto.key,
    nameEn: dto.nameEn,
    nameRu: dto.nameRu,
    attributeSchemaJson: toJsonText(dto.attributeSchema),
    asset: dto.asset ?? false,
    businessService: dto.businessService ?? false,
    licence: dto.licence ?? false,
  };
}

// ---------------------------------------------------------------------------------------------
// Items

function toAssetDetailsDto(asset: AssetDetails): AssetDetailsDto {
  return {
    state: assetStateDto(asset.state),
    inventoryNumber: orNull(asset.inventoryNumber),
    serialNumber: orNull(asset.serialNumber),
    holderId: orNull(asset.holderId),
    locationId: orNull(asset.locationId),
    warrantyEnd: orNull(asset.warrantyEnd),
    contractEnd: orNull(asset.contractEnd),
    seats: asset.seats,
  };
}

function toAssetDetails(dto: WriteAssetDetailsDto): AssetDetails {
  return {
    state: fromRestSpelling('ASSET_STATE_', dto.state, AssetState.ASSET_STATE_UNSPECIFIED),
    inventoryNumber: dto.inventoryNumber ?? '',
    serialNumber: dto.serialNumber ?? '',
    holderId: dto.holderId ?? '',
    locationId: dto.locationId ?? '',
    warrantyEnd: dto.warrantyEnd ?? '',
    contractEnd: dto.contractEnd ?? '',
    seats: dto.seats ?? 0,
  };
}

export function toConfigurationItemDto(item: ConfigurationItem): ConfigurationItemDto {
  return {
    id: item.id,
    type: item.typeKey,
    name: item.name,
    externalId: orNull(item.externalId),
    attributes: fromJsonText(item.attributesJson, `the attributes of item ${item.id}`) ?? {},
    status: ciStatusDto(item.status),
    ownerId: orNull(item.ownerId),
    supportGroupId: orNull(item.supportGroupId),
    locationId: orNull(item.locationId),
    asset: item.asset ? toAssetDetailsDto(item.asset) : null,
    version: item.version,
    createdAt: instant(item.createdAt, 'a creation time'),
    updatedAt: instant(item.updatedAt, 'an update time'),
  };
}

export function toItemDraft(dto: WriteConfigurationItemDto): ItemDraft {
  return {
    typeKey: dto.type,
    name: dto.name,
    externalId: dto.externalId ?? '',
    attributesJson: toJsonText(dto.attributes),
    status: fromRestSpelling('CI_STATUS_', dto.status, CiStatus.CI_STATUS_UNSPECIFIED),
    ownerId: dto.ownerId ?? '',
    supportGroupId: dto.supportGroupId ?? '',
    locationId: dto.locationId ?? '',
    asset: dto.asset ? toAssetDetails(dto.asset) : undefined,
  };
}

export function toCreateItemRequest(
  dto: WriteConfigurationItemDto,
  actorId: string,
  idempotencyKey: string | undefined,
): CreateItemRequest {
  return { item: toItemDraft(dto), actorId, idempotencyKey: idempotencyKey ?? '' };
}

export function toUpdateItemRequest(
  id: string,
  dto: WriteConfigurationItemDto,
  actorId: string,
  expectedVersion: number | undefined,
): UpdateItemRequest {
  return {
    id,
    item: toItemDraft(dto),
    expectedVersion: expectedVersion ?? 0,
    actorId,
  };
}

export function toListItemsRequest(query: ListConfigurationItemsQueryDto): ListItemsRequest {
  return {
    typeKey: query.type ?? '',
    status: fromRestSpelling('CI_STATUS_', query.status, CiStatus.CI_STATUS_UNSPECIFIED),
    assetState: fromRestSpelling(
      'ASSET_STATE_',
      query.assetState,
      AssetState.ASSET_STATE_UNSPECIFIED,
    ),
    holderId: query.holderId ?? '',
    locationId: query.locationId ?? '',
    query: query.q ?? '',
    pageSize: query.limit ?? 0,
    pageToken: query.cursor ?? '',
  };
}

function toFieldChangeDto(change: ItemFieldChange): ItemFieldChangeDto {
  return {
    field: cmdbFieldName(change.field),
    oldValue: historyValue(change.oldValue),
    newValue: historyValue(change.newValue),
  };
}

export function toHistoryEntryDto(entry: CiHistoryEntry): CiHistoryEntryDto {
  return {
    version: entry.version,
    action: listed(HISTORY_ACTIONS, entry.action, 'history action'),
    actorId: entry.actorId,
    changes: entry.changes.map(toFieldChangeDto),
    occurredAt: instant(entry.occurredAt, 'the time of a change'),
  };
}

export function toItemTicketDto(ticket: CiTicket): ItemTicketDto {
  return {
    ticketId: ticket.ticketId,
    number: ticket.number,
    type: ticketValue('TICKET_TYPE_', ticket.type, TICKET_TYPES, 'ticket type'),
    title: ticket.title,
    status: ticketValue('TICKET_STATUS_', ticket.status, TICKET_STATUSES, 'ticket status'),
    open: ticket.open,
    updatedAt: instant(ticket.updatedAt, 'the time a ticket changed'),
  };
}

// ---------------------------------------------------------------------------------------------
// Relationships and impact

export function toRelationshipDto(relationship: Relationship): RelationshipDto {
  return {
    id: relationship.id,
    sourceId: relationship.sourceId,
    targetId: relationship.targetId,
    type: toRestSpelling('RELATIONSHIP_TYPE_', relationship.type, RELATIONSHIP_TYPES),
    createdBy: relationship.createdBy,
    createdAt: instant(relationship.createdAt, 'a creation time'),
  };
}

export function toCreateRelationshipRequest(
  dto: CreateRelationshipDto,
  actorId: string,
): CreateRelationshipRequest {
  return {
    sourceId: dto.sourceId,
    targetId: dto.targetId,
    type: fromRestSpelling(
      'RELATIONSHIP_TYPE_',
      dto.type,
      RelationshipType.RELATIONSHIP_TYPE_UNSPECIFIED,
    ),
    actorId,
  };
}

export function toAnalyzeImpactRequest(
  itemIds: readonly string[],
  query: ImpactQueryDto,
): AnalyzeImpactRequest {
  return {
    itemIds: [...itemIds],
    direction: fromRestSpelling(
      'IMPACT_DIRECTION_',
      query.direction,
      ImpactDirection.IMPACT_DIRECTION_UNSPECIFIED,
    ),
    maxDepth: query.depth ?? 0,
    limit: query.limit ?? 0,
  };
}

function toImpactedItemDto(item: ImpactedItem): ImpactedItemDto {
  return {
    id: item.id,
    name: item.name,
    type: item.typeKey,
    depth: item.depth,
    path: [...item.path],
    businessService: item.businessService,
    status: ciStatusDto(item.status),
  };
}

export function toImpactAnalysisDto(answer: AnalyzeImpactResponse): ImpactAnalysisDto {
  return {
    items: answer.items.map(toImpactedItemDto),
    businessServices: answer.businessServices.map(toImpactedItemDto),
    truncated: answer.truncated,
    maxDepth: answer.maxDepth,
  };
}

/** The impact of nothing, for a ticket that names no configuration item. */
export function noImpact(query: ImpactQueryDto): ImpactAnalysisDto {
  return {
    items: [],
    businessServices: [],
    truncated: false,
    maxDepth: query.depth ?? DEFAULT_IMPACT_DEPTH,
  };
}

// ---------------------------------------------------------------------------------------------
// Locations, assets, inventories and licences

export function toLocationDto(location: Location): LocationDto {
  return {
    id: location.id,
    name: location.name,
    kind: listed(LOCATION_KINDS, location.kind, 'location kind'),
    parentId: orNull(location.parentId),
    address: orNull(location.address),
    version: location.version,
    createdAt: instant(location.createdAt, 'a creation time'),
  };
}

export function toCreateLocationRequest(dto: CreateLocationDto): CreateLocationRequest {
  return {
    name: dto.name,
    kind: dto.kind,
    parentId: dto.parentId ?? '',
    address: dto.address ?? '',
  };
}

export function toChangeAssetRequest(
  assetId: string,
  dto: AssetActionDto,
  actorId: string,
  expectedVersion: number | undefined,
): ChangeAssetRequest {
  return {
    assetId,
    action: dto.action,
    holderId: dto.holderId ?? '',
    locationId: dto.locationId ?? '',
    reason: dto.reason ?? '',
    actorId,
    expectedVersion: expectedVersion ?? 0,
  };
}

export function toAssetMovementDto(movement: AssetMovement): AssetMovementDto {
  return {
    id: movement.id,
    assetId: movement.assetId,
    kind: listed(MOVEMENT_KINDS, movement.kind, 'movement kind'),
    fromState:
      movement.fromState === AssetState.ASSET_STATE_UNSPECIFIED
        ? null
        : assetStateDto(movement.fromState),
    toState: assetStateDto(movement.toState),
    fromLocationId: orNull(movement.fromLocationId),
    toLocationId: orNull(movement.toLocationId),
    fromHolderId: orNull(movement.fromHolderId),
    toHolderId: orNull(movement.toHolderId),
    actorId: movement.actorId,
    reason: orNull(movement.reason),
    occurredAt: instant(movement.occurredAt, 'the time of a movement'),
  };
}

export function toInventoryDto(campaign: InventoryCampaign): InventoryDto {
  return {
    id: campaign.id,
    name: campaign.name,
    locationId: campaign.locationId,
    status: toRestSpelling('CAMPAIGN_STATUS_', campaign.status, INVENTORY_STATUSES),
    expected: campaign.expected,
    found: campaign.found,
    discrepancies: campaign.discrepancies.map((discrepancy) => ({
      assetId: orNull(discrepancy.assetId),
      inventoryNumber: discrepancy.inventoryNumber,
      kind: listed(DISCREPANCY_KINDS, discrepancy.kind, 'discrepancy kind'),
      recordedLocationId: orNull(discrepancy.recordedLocationId),
    })),
    openedAt: instant(campaign.openedAt, 'an opening time'),
    closedAt: optionalInstant(campaign.closedAt),
    openedBy: campaign.openedBy,
  };
}

export function toLicenceComplianceDto(licence: LicenceCompliance): LicenceComplianceDto {
  return {
    licenceId: licence.licenceId,
    name: licence.name,
    seats: licence.seats,
    assigned: licence.assigned,
    available: licence.available,
    compliant: licence.compliant,
    contractEnd: orNull(licence.contractEnd),
  };
}

// ---------------------------------------------------------------------------------------------
// Imports and exports

const dataFormatOf = (name: string | undefined): DataFormat =>
  fromRestSpelling('DATA_FORMAT_', name, DataFormat.DATA_FORMAT_UNSPECIFIED);

/** The actor an import names: in the query of a CSV file, in the JSON envelope otherwise. */
export function claimedImportActor(submission: ImportSubmission): string | undefined {
  return submission.kind === 'csv' ? submission.options.actorId : submission.body.actorId;
}

export function toImportItemsRequest(
  submission: ImportSubmission,
  actorId: string,
): ImportItemsRequest {
  if (submission.kind === 'csv') {
    const { options } = submission;
    return {
      format: DataFormat.DATA_FORMAT_CSV,
      content: submission.content,
      defaultTypeKey: options.type ?? '',
      actorId,
      dryRun: options.dryRun ?? false,
    };
  }
  const { body } = submission;
  return {
    format: dataFormatOf(body.format),
    content: body.content,
    defaultTypeKey: body.defaultType ?? '',
    actorId,
    dryRun: body.dryRun ?? false,
  };
}

export function toImportResultDto(answer: ImportItemsResponse): ImportResultDto {
  return {
    rows: answer.rows,
    created: answer.created,
    updated: answer.updated,
    unchanged: answer.unchanged,
    rejected: answer.rejected.map(({ row, externalId, errors }) => ({
      row,
      externalId: orNull(externalId),
      errors: [...errors],
    })),
  };
}

export function toExportItemsRequest(query: ExportItemsQueryDto): ExportItemsRequest {
  return { format: dataFormatOf(query.format ?? 'csv'), typeKey: query.type ?? '' };
}

/** What an export is sent as: its content type and the name browsers save it under. */
export function exportFile(query: ExportItemsQueryDto): { contentType: string; fileName: string } {
  const format = query.format ?? 'csv';
  return {
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    fileName: `cmdb-${query.type ?? 'items'}.${format}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Field violations

/** The request messages wrap what the client wrote; the REST body is what they wrap. */
const WRAPPERS = /^(?:type|item)\./;
/** Contract fields the API names otherwise. */
const REST_NAMES: Readonly<Record<string, string>> = {
  typeKey: 'type',
  attributesJson: 'attributes',
  attributeSchemaJson: 'attributeSchema',
  defaultTypeKey: 'defaultType',
  maxDepth: 'depth',
  query: 'q',
  pageSize: 'limit',
  pageToken: 'cursor',
};

const camelCase = (segment: string) =>
  segment.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/**
 * The REST name of a field the CMDB service named in a violation or a history entry: without
 * the request message's wrapper, in camelCase, JSON text fields by their REST names
 * (`item.attributes_json.cpu_count` → `attributes.cpu_count`: attribute names stay as written).
 */
export function cmdbFieldName(field: string): string {
  // Attribute violations come as JSON pointers (`attributes/cpu_cores`); REST names use dots.
  const [head = '', ...rest] = field.replace(WRAPPERS, '').replaceAll('/', '.').split('.');
  const index = /^([^[]*)(\[.*)?$/.exec(head);
  const name = camelCase(index?.[1] ?? head);
  const renamed = `${REST_NAMES[name] ?? name}${index?.[2] ?? ''}`;
  if (renamed === 'attributes' || renamed === 'attributeSchema') {
    return [renamed, ...rest].join('.');
  }
  return [renamed, ...rest.map(camelCase)].join('.');
}

/** As cmdbFieldName, for an import: a CSV file's options are in the query, the file is the body. */
export function importFieldName(submission: ImportSubmission): (field: string) => string {
  const csvNames: Readonly<Record<string, string>> = { content: 'body', defaultType: 'type' };
  return (field) => {
    const name = cmdbFieldName(field);
    return submission.kind === 'csv' ? (csvNames[name] ?? name) : name;
  };
}

/** As cmdbFieldName, for the impact of a ticket: the items are the ticket's. */
export function ticketImpactFieldName(field: string): string {
  return cmdbFieldName(field).replace(/^itemIds\b/, 'configurationItemIds');
}

export function toTicketImpactDto(
  ticketId: string,
  configurationItemIds: readonly string[],
  impact: ImpactAnalysisDto,
): TicketImpactDto {
  return { ticketId, configurationItemIds: [...configurationItemIds], ...impact };
}
