import type { Metadata } from '@grpc/grpc-js';
import { Controller, Inject, UseFilters } from '@nestjs/common';
import {
  type BusinessService as BusinessServiceMessage,
  type CatalogItem as CatalogItemMessage,
  type CatalogServiceController,
  CatalogServiceControllerMethods,
  type Category as CategoryMessage,
  type CreateCatalogItemRequest,
  type CreateCatalogItemResponse,
  type CreateCategoryRequest,
  type CreateCategoryResponse,
  type CreateServiceRequest,
  type CreateServiceResponse,
  type GetCatalogItemRequest,
  type GetCatalogItemResponse,
  type ListCatalogItemsRequest,
  type ListCatalogItemsResponse,
  type ListCategoriesRequest,
  type ListCategoriesResponse,
  type ListServicesRequest,
  type ListServicesResponse,
  type RequestCatalogItemRequest,
  type RequestCatalogItemResponse,
  toTimestamp,
  type UpdateCatalogItemRequest,
  type UpdateCatalogItemResponse,
} from '@itsm/contracts';
import {
  ManageCatalogUseCase,
  type NewCatalogItem,
} from '../application/catalog/manage-catalog.use-case';
import { RequestCatalogItemUseCase } from '../application/catalog/request-catalog-item.use-case';
import { CatalogQueries } from '../application/catalog/catalog-queries';
import {
  channelMessages,
  fromMessage,
  impactMessages,
  toTicketMessage,
  urgencyMessages,
} from '../application/ticket-message.mapper';
import type { BusinessService, CatalogItem, Category } from '../domain/service-catalog';
import { parseJsonObject } from './json-object.mapper';
import { callerOf } from './grpc-caller';
import { TicketErrorRpcFilter } from './ticket-error.grpc-mapper';

function toServiceMessage(service: BusinessService): BusinessServiceMessage {
  return {
    id: service.id,
    name: service.name,
    description: service.description,
    ownerGroupId: service.ownerGroupId ?? '',
    createdAt: toTimestamp(service.createdAt),
  };
}

function toCategoryMessage(category: Category): CategoryMessage {
  return {
    id: category.id,
    parentId: category.parentId ?? '',
    name: category.name,
    formSchemaJson: category.formSchema ? JSON.stringify(category.formSchema) : '',
    createdAt: toTimestamp(category.createdAt),
  };
}

function toItemMessage(item: CatalogItem): CatalogItemMessage {
  return {
    id: item.id,
    serviceId: item.serviceId,
    name: item.name,
    description: item.description,
    formSchemaJson: JSON.stringify(item.formSchema),
    defaultCategoryId: item.defaultCategoryId ?? '',
    defaultImpact: impactMessages[item.defaultImpact],
    defaultUrgency: urgencyMessages[item.defaultUrgency],
    fulfilmentGroupId: item.fulfilmentGroupId ?? '',
    active: item.active,
    createdAt: toTimestamp(item.createdAt),
    version: item.version,
    updatedAt: toTimestamp(item.updatedAt),
  };
}

/** What a create or update request says an item offers. */
function itemInput(request: CreateCatalogItemRequest | UpdateCatalogItemRequest): NewCatalogItem {
  return {
    serviceId: request.serviceId,
    name: request.name,
    description: request.description,
    formSchema: parseJsonObject('formSchema', request.formSchemaJson),
    defaultCategoryId: request.defaultCategoryId || null,
    defaultImpact: fromMessage(impactMessages, request.defaultImpact),
    defaultUrgency: fromMessage(urgencyMessages, request.defaultUrgency),
    fulfilmentGroupId: request.fulfilmentGroupId || null,
  };
}

/**
 * The service catalog over gRPC; thin: request → use case → message. Every call names its
 * caller: anyone identified reads the catalog, `catalog.manage` changes it, and ordering an
 * item opens a ticket as the caller may (see `ticketRequestBy`).
 */
@Controller()
@CatalogServiceControllerMethods()
@UseFilters(TicketErrorRpcFilter)
export class CatalogGrpcController implements CatalogServiceController {
  constructor(
    @Inject(ManageCatalogUseCase) private readonly manage: ManageCatalogUseCase,
    @Inject(RequestCatalogItemUseCase) private readonly request: RequestCatalogItemUseCase,
    @Inject(CatalogQueries) private readonly catalog: CatalogQueries,
  ) {}

  async createService(
    request: CreateServiceRequest,
    metadata: Metadata,
  ): Promise<CreateServiceResponse> {
    const caller = callerOf(metadata);
    const service = await this.manage.createService(
      {
        name: request.name,
        description: request.description,
        ownerGroupId: request.ownerGroupId || null,
      },
      caller,
    );
    return { service: toServiceMessage(service) };
  }

  async listServices(
    _request: ListServicesRequest,
    metadata: Metadata,
  ): Promise<ListServicesResponse> {
    callerOf(metadata);
    return { services: (await this.catalog.services()).map(toServiceMessage) };
  }

  async createCategory(
    request: CreateCategoryRequest,
    metadata: Metadata,
  ): Promise<CreateCategoryResponse> {
    const caller = callerOf(metadata);
    const category = await this.manage.createCategory(
      {
        parentId: request.parentId || null,
        name: request.name,
        formSchema: parseJsonObject('formSchema', request.formSchemaJson) ?? null,
      },
      caller,
    );
    return { category: toCategoryMessage(category) };
  }

  async listCategories(
    _request: ListCategoriesRequest,
    metadata: Metadata,
  ): Promise<ListCategoriesResponse> {
    callerOf(metadata);
    return { categories: (await this.catalog.categories()).map(toCategoryMessage) };
  }

  async createCatalogItem(
    request: CreateCatalogItemRequest,
    metadata: Metadata,
  ): Promise<CreateCatalogItemResponse> {
    const caller = callerOf(metadata);
    const item = await this.manage.createItem(itemInput(request), caller);
    return { item: toItemMessage(item) };
  }

  async listCatalogItems(
    request: ListCatalogItemsRequest,
    metadata: Metadata,
  ): Promise<ListCatalogItemsResponse> {
    callerOf(metadata);
    const items = await this.catalog.items({
      serviceId: request.serviceId || undefined,
      includeInactive: request.includeInactive,
    });
    return { items: items.map(toItemMessage) };
  }

  async getCatalogItem(
    request: GetCatalogItemRequest,
    metadata: Metadata,
  ): Promise<GetCatalogItemResponse> {
    callerOf(metadata);
    return { item: toItemMessage(await this.catalog.item(request.id)) };
  }

  async updateCatalogItem(
    request: UpdateCatalogItemRequest,
    metadata: Metadata,
  ): Promise<UpdateCatalogItemResponse> {
    const caller = callerOf(metadata);
    const item = await this.manage.updateItem(
      {
        id: request.id,
        expectedVersion: request.expectedVersion || undefined,
        ...itemInput(request),
        active: request.active,
      },
      caller,
    );
    return { item: toItemMessage(item) };
  }

  async requestCatalogItem(
    request: RequestCatalogItemRequest,
    metadata: Metadata,
  ): Promise<RequestCatalogItemResponse> {
    const caller = callerOf(metadata);
    const { ticket, created } = await this.request.execute({
      caller,
      itemId: request.itemId,
      requesterId: request.requesterId,
      organizationId: request.organizationId || undefined,
      fields: parseJsonObject('fields', request.fieldsJson) ?? {},
      title: request.title,
      description: request.description,
      channel: fromMessage(channelMessages, request.channel),
      idempotencyKey: request.idempotencyKey,
    });
    return { ticket: toTicketMessage(ticket), created };
  }
}
