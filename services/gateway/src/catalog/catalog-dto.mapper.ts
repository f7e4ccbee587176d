import {
  type BusinessService,
  type CatalogItem,
  type Category,
  Channel,
  type CreateCatalogItemRequest,
  type CreateCategoryRequest,
  type CreateServiceRequest,
  fromRestSpelling,
  fromTimestamp,
  Impact,
  type ListCatalogItemsRequest,
  type RequestCatalogItemRequest,
  type Timestamp,
  toRestSpelling,
  type UpdateCatalogItemRequest,
  Urgency,
} from '@itsm/contracts';
import { IMPACTS, URGENCIES } from '../tickets/dto/ticket-enums';
import { fromJsonText, fromRequiredJsonText, toJsonText } from '../tickets/json-object.mapper';
import type {
  CatalogItemDto,
  CreateCatalogItemDto,
  ListCatalogItemsQueryDto,
  UpdateCatalogItemDto,
} from './dto/catalog-item.dto';
import type { CategoryDto, CreateCategoryDto } from './dto/category.dto';
import type { RequestCatalogItemDto } from './dto/request-catalog-item.dto';
import type { CreateServiceDto, ServiceDto } from './dto/service.dto';
import type { TicketRequester } from '../auth/actor';

function isoTimeOf(timestamp: Timestamp | undefined, whenMissing: string): string {
  if (!timestamp) throw new Error(whenMissing);
  return fromTimestamp(timestamp).toISOString();
}

function createdAtOf(timestamp: Timestamp | undefined, what: string): string {
  return isoTimeOf(timestamp, `${what} lacks its creation time`);
}

export function toServiceDto(service: BusinessService): ServiceDto {
  return {
    id: service.id,
    name: service.name,
    description: service.description,
    ownerGroupId: service.ownerGroupId || null,
    createdAt: createdAtOf(service.createdAt, `service ${service.id}`),
  };
}

export function toCategoryDto(category: Category): CategoryDto {
  return {
    id: category.id,
    parentId: category.parentId || null,
    name: category.name,
    formSchema: fromJsonText(category.formSchemaJson, `category ${category.id}'s formSchemaJson`),
    createdAt: createdAtOf(category.createdAt, `category ${category.id}`),
  };
}

export function toCatalogItemDto(item: CatalogItem): CatalogItemDto {
  return {
    id: item.id,
    serviceId: item.serviceId,
    name: item.name,
    description: item.description,
    formSchema: fromRequiredJsonText(
      item.formSchemaJson,
      `catalog item ${item.id}'s formSchemaJson`,
    ),
    defaultCategoryId: item.defaultCategoryId || null,
    defaultImpact: toRestSpelling('IMPACT_', item.defaultImpact, IMPACTS),
    defaultUrgency: toRestSpelling('URGENCY_', item.defaultUrgency, URGENCIES),
    fulfilmentGroupId: item.fulfilmentGroupId || null,
    active: item.active,
    createdAt: createdAtOf(item.createdAt, `catalog item ${item.id}`),
    version: item.version,
    updatedAt: isoTimeOf(item.updatedAt, `catalog item ${item.id} lacks the time it last changed`),
  };
}

export function toCreateServiceRequest(dto: CreateServiceDto): CreateServiceRequest {
  return {
    name: dto.name,
    description: dto.description ?? '',
    ownerGroupId: dto.ownerGroupId ?? '',
  };
}

export function toCreateCategoryRequest(dto: CreateCategoryDto): CreateCategoryRequest {
  return {
    parentId: dto.parentId ?? '',
    name: dto.name,
    formSchemaJson: toJsonText(dto.formSchema),
  };
}

export function toCreateCatalogItemRequest(dto: CreateCatalogItemDto): CreateCatalogItemRequest {
  return {
    serviceId: dto.serviceId,
    name: dto.name,
    description: dto.description ?? '',
    formSchemaJson: toJsonText(dto.formSchema),
    defaultCategoryId: dto.defaultCategoryId ?? '',
    defaultImpact: fromRestSpelling('IMPACT_', dto.defaultImpact, Impact.IMPACT_UNSPECIFIED),
    defaultUrgency: fromRestSpelling('URGENCY_', dto.defaultUrgency, Urgency.URGENCY_UNSPECIFIED),
    fulfilmentGroupId: dto.fulfilmentGroupId ?? '',
  };
}

export function toUpdateCatalogItemRequest(
  id: string,
  dto: UpdateCatalogItemDto,
  expectedVersion: number | undefined,
): UpdateCatalogItemRequest {
  return {
    id,
    expectedVersion: expectedVersion ?? 0,
    ...toCreateCatalogItemRequest(dto),
    active: dto.active,
  };
}

export function toListCatalogItemsRequest(
  query: ListCatalogItemsQueryDto,
): ListCatalogItemsRequest {
  return { serviceId: query.serviceId ?? '', includeInactive: query.includeInactive ?? false };
}

/** An order of an item; who it is for and its organisation were decided from the caller (`requesterFor`). */
export function toRequestCatalogItemRequest(
  itemId: string,
  dto: RequestCatalogItemDto,
  requester: TicketRequester,
  idempotencyKey: string | undefined,
): RequestCatalogItemRequest {
  return {
    itemId,
    requesterId: requester.requesterId,
    organizationId: requester.organizationId,
    // Always an object, so an item whose form has required fields refuses a missing one.
    fieldsJson: toJsonText(dto.fields ?? {}),
    title: dto.title ?? '',
    description: dto.description ?? '',
    channel: fromRestSpelling('CHANNEL_', dto.channel, Channel.CHANNEL_UNSPECIFIED),
    idempotencyKey: idempotencyKey ?? '',
  };
}
