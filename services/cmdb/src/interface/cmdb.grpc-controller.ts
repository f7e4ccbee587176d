import { Controller, Inject, UseFilters } from '@nestjs/common';
import {
  type AnalyzeImpactRequest,
  type AnalyzeImpactResponse,
  type ChangeAssetRequest,
  type ChangeAssetResponse,
  type CloseInventoryRequest,
  type CloseInventoryResponse,
  type CmdbServiceController,
  CmdbServiceControllerMethods,
  type CreateCiTypeRequest,
  type CreateCiTypeResponse,
  type CreateItemRequest,
  type CreateItemResponse,
  type CreateLocationRequest,
  type CreateLocationResponse,
  type CreateRelationshipRequest,
  type CreateRelationshipResponse,
  type DeleteRelationshipRequest,
  type DeleteRelationshipResponse,
  type ExportItemsRequest,
  type ExportItemsResponse,
  type GetInventoryRequest,
  type GetInventoryResponse,
  type GetItemRequest,
  type GetItemResponse,
  type ImpactedItem as ImpactedItemMessage,
  type ImportItemsRequest,
  type ImportItemsResponse,
  type LicenceComplianceRequest,
  type LicenceComplianceResponse,
  type ListCiTypesResponse,
  type ListItemHistoryRequest,
  type ListItemHistoryResponse,
  type ListItemsRequest,
  type ListItemsResponse,
  type ListItemTicketsRequest,
  type ListItemTicketsResponse,
  type ListLocationsResponse,
  type ListMovementsRequest,
  type ListMovementsResponse,
  type ListRelationshipsRequest,
  type ListRelationshipsResponse,
  type OpenInventoryRequest,
  type OpenInventoryResponse,
  type RecordInventoryScanRequest,
  type RecordInventoryScanResponse,
  type UpdateCiTypeRequest,
  type UpdateCiTypeResponse,
  type UpdateItemRequest,
  type UpdateItemResponse,
} from '@itsm/contracts';
import {
  AnalyzeImpactUseCase,
  type ImpactedItem,
} from '../application/analyze-impact/analyze-impact.use-case';
import { ChangeAssetUseCase } from '../application/change-asset/change-asset.use-case';
import {
  CI_STATUS_MESSAGES,
  toCampaignMessage,
  toCiTicketMessage,
  toCiTypeMessage,
  toHistoryMessage,
  toItemMessage,
  toLocationMessage,
  toMovementMessage,
  toRelationshipMessage,
} from '../application/cmdb-message.mapper';
import { CreateItemUseCase } from '../application/create-item/create-item.use-case';
import { ExportItemsUseCase } from '../application/export-items/export-items.use-case';
import { GetItemUseCase } from '../application/get-item/get-item.use-case';
import { ImportItemsUseCase } from '../application/import-items/import-items.use-case';
import { InventoryUseCase } from '../application/inventory/inventory.use-case';
import { ListItemHistoryUseCase } from '../application/item-history/list-item-history.use-case';
import { ItemTicketsUseCase } from '../application/item-tickets/item-tickets.use-case';
import { LicenceComplianceUseCase } from '../application/licence-compliance/licence-compliance.use-case';
import { ListItemsUseCase } from '../application/list-items/list-items.use-case';
import { ListMovementsUseCase } from '../application/list-movements/list-movements.use-case';
import { ManageCiTypesUseCase } from '../application/manage-ci-types/manage-ci-types.use-case';
import { ManageLocationsUseCase } from '../application/manage-locations/manage-locations.use-case';
import { ManageRelationshipsUseCase } from '../application/manage-relationships/manage-relationships.use-case';
import { UpdateItemUseCase } from '../application/update-item/update-item.use-case';
import { CmdbErrorRpcFilter } from './cmdb-error.grpc-mapper';
import {
  assetStateOf,
  ciStatusOf,
  ciTypeDraftOf,
  expectedVersionOf,
  exportFormatOf,
  impactDirectionOf,
  importFormatOf,
  itemChangesOf,
  itemFieldsOf,
  optional,
  relationshipTypeOf,
} from './cmdb-request.mapper';
import { fromPageToken, toPageToken } from './page-token';

const toImpactedMessage = (item: ImpactedItem): ImpactedItemMessage => ({
  id: item.id,
  name: item.name,
  typeKey: item.typeKey,
  depth: item.depth,
  path: item.path,
  businessService: item.businessService,
  status: CI_STATUS_MESSAGES[item.status],
});

/** The CMDB over gRPC; thin: request → use case → message. */
@Controller()
@CmdbServiceControllerMethods()
@UseFilters(CmdbErrorRpcFilter)
export class CmdbGrpcController implements CmdbServiceController {
  constructor(
    @Inject(ManageCiTypesUseCase) private readonly types: ManageCiTypesUseCase,
    @Inject(CreateItemUseCase) private readonly createItems: CreateItemUseCase,
    @Inject(GetItemUseCase) private readonly getItems: GetItemUseCase,
    @Inject(ListItemsUseCase) private readonly itemLists: ListItemsUseCase,
    @Inject(UpdateItemUseCase) private readonly updateItems: UpdateItemUseCase,
    @Inject(ListItemHistoryUseCase) private readonly histories: ListItemHistoryUseCase,
    @Inject(ManageRelationshipsUseCase) private readonly relationships: ManageRelationshipsUseCase,
    @Inject(AnalyzeImpactUseCase) private readonly impact: AnalyzeImpactUseCase,
    @Inject(ManageLocationsUseCase) private readonly locations: ManageLocationsUseCase,
    @Inject(ChangeAssetUseCase) private readonly assets: ChangeAssetUseCase,
    @Inject(ListMovementsUseCase) private readonly journal: ListMovementsUseCase,
    @Inject(InventoryUseCase) private readonly inventories: InventoryUseCase,
    @Inject(LicenceComplianceUseCase) private readonly licences: LicenceComplianceUseCase,
    @Inject(ImportItemsUseCase) private readonly imports: ImportItemsUseCase,
    @Inject(ExportItemsUseCase) private readonly exports: ExportItemsUseCase,
    @Inject(ItemTicketsUseCase) private readonly tickets: ItemTicketsUseCase,
  ) {}

  async listCiTypes(): Promise<ListCiTypesResponse> {
    return { types: (await this.types.list()).map(toCiTypeMessage) };
  }

  async createCiType(request: CreateCiTypeRequest): Promise<CreateCiTypeResponse> {
    return { type: toCiTypeMessage(await this.types.create(ciTypeDraftOf(request.type))) };
  }

  async updateCiType(request: UpdateCiTypeRequest): Promise<UpdateCiTypeResponse> {
    const type = await this.types.update(
      request.id,
      ciTypeDraftOf(request.type),
      expectedVersionOf(request.expectedVersion),
    );
    return { type: toCiTypeMessage(type) };
  }

  async createItem(request: CreateItemRequest): Promise<CreateItemResponse> {
    const { item } = await this.createItems.execute({
      fields: itemFieldsOf(request.item),
      actorId: request.actorId,
      idempotencyKey: request.idempotencyKey,
    });
    return { item: toItemMessage(item) };
  }

  async getItem(request: GetItemRequest): Promise<GetItemResponse> {
    return { item: toItemMessage(await this.getItems.execute(request.id)) };
  }

  async listItems(request: ListItemsRequest): Promise<ListItemsResponse> {
    const page = await this.itemLists.execute({
      typeKey: optional(request.typeKey)?.toLowerCase() ?? null,
      status: ciStatusOf(request.status, 'status'),
      assetState: assetStateOf(request.assetState, 'assetState'),
      holderId: optional(request.holderId),
      locationId: optional(request.locationId),
      query: optional(request.query),
      pageSize: request.pageSize,
      after: request.pageToken ? fromPageToken(request.pageToken) : null,
    });
    return {
      items: page.items.map(toItemMessage),
      nextPageToken: page.next ? toPageToken(page.next) : '',
    };
  }

  async updateItem(request: UpdateItemRequest): Promise<UpdateItemResponse> {
    const item = await this.updateItems.execute({
      id: request.id,
      fields: itemChangesOf(request.item),
      expectedVersion: expectedVersionOf(request.expectedVersion),
      actorId: request.actorId,
    });
    return { item: toItemMessage(item) };
  }

  async listItemHistory(request: ListItemHistoryRequest): Promise<ListItemHistoryResponse> {
    return { entries: (await this.histories.execute(request.id)).map(toHistoryMessage) };
  }

  async createRelationship(
    request: CreateRelationshipRequest,
  ): Promise<CreateRelationshipResponse> {
    const { relationship, created } = await this.relationships.create({
      sourceId: request.sourceId,
      targetId: request.targetId,
      type: relationshipTypeOf(request.type),
      actorId: request.actorId,
    });
    return { relationship: toRelationshipMessage(relationship), created };
  }

  async deleteRelationship(
    request: DeleteRelationshipRequest,
  ): Promise<DeleteRelationshipResponse> {
    await this.relationships.delete(request.id, request.actorId);
    return {};
  }

  async listRelationships(request: ListRelationshipsRequest): Promise<ListRelationshipsResponse> {
    const relationships = await this.relationships.list(request.itemId);
    return { relationships: relationships.map(toRelationshipMessage) };
  }

  async analyzeImpact(request: AnalyzeImpactRequest): Promise<AnalyzeImpactResponse> {
    const analysis = await this.impact.execute({
      itemIds: request.itemIds.map((id) => id.trim()),
      direction: impactDirectionOf(request.direction),
      maxDepth: request.maxDepth,
      limit: request.limit,
    });
    return {
      items: analysis.items.map(toImpactedMessage),
      businessServices: analysis.businessServices.map(toImpactedMessage),
      truncated: analysis.truncated,
      maxDepth: analysis.maxDepth,
    };
  }

  async createLocation(request: CreateLocationRequest): Promise<CreateLocationResponse> {
    const location = await this.locations.create({
      name: request.name,
      kind: request.kind,
      parentId: optional(request.parentId),
      address: request.address,
    });
    return { location: toLocationMessage(location) };
  }

  async listLocations(): Promise<ListLocationsResponse> {
    return { locations: (await this.locations.list()).map(toLocationMessage) };
  }

  async changeAsset(request: ChangeAssetRequest): Promise<ChangeAssetResponse> {
    const { item, movement } = await this.assets.execute({
      assetId: request.assetId,
      action: request.action,
      holderId: request.holderId,
      locationId: request.locationId,
      reason: request.reason,
      actorId: request.actorId,
      expectedVersion: expectedVersionOf(request.expectedVersion),
    });
    return { item: toItemMessage(item), movement: toMovementMessage(movement) };
  }

  async listMovements(request: ListMovementsRequest): Promise<ListMovementsResponse> {
    const movements = await this.journal.execute({
      assetId: optional(request.assetId),
      locationId: optional(request.locationId),
      limit: request.limit,
    });
    return { movements: movements.map(toMovementMessage) };
  }

  async openInventory(request: OpenInventoryRequest): Promise<OpenInventoryResponse> {
    const campaign = await this.inventories.open({
      name: request.name,
      locationId: request.locationId.trim(),
      actorId: request.actorId,
    });
    return { campaign: toCampaignMessage(campaign) };
  }

  async recordInventoryScan(
    request: RecordInventoryScanRequest,
  ): Promise<RecordInventoryScanResponse> {
    const campaign = await this.inventories.recordScan(
      request.campaignId,
      request.inventoryNumbers,
      request.actorId,
    );
    return { campaign: toCampaignMessage(campaign) };
  }

  async getInventory(request: GetInventoryRequest): Promise<GetInventoryResponse> {
    return { campaign: toCampaignMessage(await this.inventories.get(request.campaignId)) };
  }

  async closeInventory(request: CloseInventoryRequest): Promise<CloseInventoryResponse> {
    const campaign = await this.inventories.close(request.campaignId, request.actorId);
    return { campaign: toCampaignMessage(campaign) };
  }

  async licenceCompliance(request: LicenceComplianceRequest): Promise<LicenceComplianceResponse> {
    const licences = await this.licences.execute(request.onlyNonCompliant);
    return {
      licences: licences.map((licence) => ({
        licenceId: licence.licenceId,
        name: licence.name,
        seats: licence.seats,
        assigned: licence.assigned,
        available: licence.available,
        compliant: licence.compliant,
        contractEnd: licence.contractEnd ?? '',
      })),
    };
  }

  async importItems(request: ImportItemsRequest): Promise<ImportItemsResponse> {
    const report = await this.imports.execute({
      format: importFormatOf(request.format, request.content),
      content: request.content,
      defaultTypeKey: optional(request.defaultTypeKey),
      actorId: request.actorId,
      dryRun: request.dryRun,
    });
    return {
      rows: report.rows,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      rejected: report.rejected.map(({ row, externalId, errors }) => ({
        row,
        externalId: externalId ?? '',
        errors,
      })),
    };
  }

  async exportItems(request: ExportItemsRequest): Promise<ExportItemsResponse> {
    return this.exports.execute(request.typeKey, exportFormatOf(request.format));
  }

  async listItemTickets(request: ListItemTicketsRequest): Promise<ListItemTicketsResponse> {
    const tickets = await this.tickets.list(request.itemId, request.openOnly, request.limit);
    return { tickets: tickets.map(toCiTicketMessage) };
  }
}
