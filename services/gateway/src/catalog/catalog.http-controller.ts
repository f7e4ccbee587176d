import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { firstValueFrom } from 'rxjs';
import type { Principal } from '@itsm/auth';
import type { CatalogItem, CatalogServiceClient } from '@itsm/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { requesterFor } from '../auth/actor';
import { IF_MATCH_HEADER, versionFromIfMatch, withETag } from '../http/etag';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { TicketDto } from '../tickets/dto/ticket.dto';
import { openedTicket } from '../tickets/ticket-response';
import { CATALOG_CLIENT } from './catalog-client.provider';
import {
  toCatalogItemDto,
  toCategoryDto,
  toCreateCatalogItemRequest,
  toCreateCategoryRequest,
  toCreateServiceRequest,
  toListCatalogItemsRequest,
  toRequestCatalogItemRequest,
  toServiceDto,
  toUpdateCatalogItemRequest,
} from './catalog-dto.mapper';
import {
  CatalogItemDto,
  CatalogItemListDto,
  CreateCatalogItemDto,
  ListCatalogItemsQueryDto,
  UpdateCatalogItemDto,
} from './dto/catalog-item.dto';
import { CategoryDto, CategoryListDto, CreateCategoryDto } from './dto/category.dto';
import { RequestCatalogItemDto } from './dto/request-catalog-item.dto';
import { CreateServiceDto, ServiceDto, ServiceListDto } from './dto/service.dto';

const CATALOG_PATH = '/api/v1/catalog';

/** The item as REST, its version sent as the ETag. */
function itemWithETag(item: CatalogItem | undefined, response: Response): CatalogItemDto {
  if (!item) throw new Error('the catalog answered without an item');
  const dto = toCatalogItemDto(item);
  return withETag(dto, dto.version, response);
}

@ApiTags('catalog')
@Controller(CATALOG_PATH)
export class CatalogHttpController {
  constructor(@Inject(CATALOG_CLIENT) private readonly catalog: CatalogServiceClient) {}

  @Get('services')
  @ApiOperation({ summary: 'The business services, by name' })
  @ApiOkResponse({ type: ServiceListDto })
  @ApiProblemResponses(503)
  @RequirePermission('catalog.read')
  async services(): Promise<ServiceListDto> {
    const { services } = await firstValueFrom(this.catalog.listServices({}));
    return { items: services.map(toServiceDto) };
  }

  @Post('services')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Add a business service to the catalog' })
  @ApiCreatedResponse({ type: ServiceDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('catalog.manage')
  async createService(
    @Body() body: CreateServiceDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ServiceDto> {
    const { service } = await firstValueFrom(
      this.catalog.createService(toCreateServiceRequest(body)),
    );
    if (!service) throw new Error('the catalog answered without a service');
    // No single-service resource: the list is where the new one shows.
    response.setHeader('Location', `${CATALOG_PATH}/services`);
    return toServiceDto(service);
  }

  @Get('categories')
  @ApiOperation({ summary: 'The category tree: parents before children, siblings by name' })
  @ApiOkResponse({ type: CategoryListDto })
  @ApiProblemResponses(503)
  @RequirePermission('catalog.read')
  async categories(): Promise<CategoryListDto> {
    const { categories } = await firstValueFrom(this.catalog.listCategories({}));
    return { items: categories.map(toCategoryDto) };
  }

  @Post('categories')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Add a category, with the form (a JSON Schema) tickets in it fill in',
  })
  @ApiCreatedResponse({ type: CategoryDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('catalog.manage')
  async createCategory(
    @Body() body: CreateCategoryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CategoryDto> {
    const { category } = await firstValueFrom(
      this.catalog.createCategory(toCreateCategoryRequest(body)),
    );
    if (!category) throw new Error('the catalog answered without a category');
    // No single-category resource: the tree is where the new one shows.
    response.setHeader('Location', `${CATALOG_PATH}/categories`);
    return toCategoryDto(category);
  }

  @Get('items')
  @ApiOperation({ summary: 'The items requesters can order, of one service or all' })
  @ApiOkResponse({ type: CatalogItemListDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('catalog.read')
  async items(@Query() query: ListCatalogItemsQueryDto): Promise<CatalogItemListDto> {
    const { items } = await firstValueFrom(
      this.catalog.listCatalogItems(toListCatalogItemsRequest(query)),
    );
    return { items: items.map(toCatalogItemDto) };
  }

  @Get('items/:id')
  @ApiOperation({
    summary: 'One catalog item, with the form a request fills in; its version is the ETag',
  })
  @ApiOkResponse({ type: CatalogItemDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('catalog.read')
  async item(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CatalogItemDto> {
    const { item } = await firstValueFrom(this.catalog.getCatalogItem({ id }));
    return itemWithETag(item, response);
  }

  @Put('items/:id')
  @ApiOperation({
    summary: 'Replace an item: its name, form, defaults and service, or retire it',
    description:
      'The whole item is sent, as on creation, with `active`; what is left out takes the ' +
      'creation defaults. Tickets opened from the item keep what they were opened with. ' +
      '`active: false` retires it from the portal (ordering it is refused with 409).',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: CatalogItemDto })
  @ApiProblemResponses(400, 404, 412, 503)
  @RequirePermission('catalog.manage')
  async updateItem(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() body: UpdateCatalogItemDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CatalogItemDto> {
    const { item } = await firstValueFrom(
      this.catalog.updateCatalogItem(
        toUpdateCatalogItemRequest(id, body, versionFromIfMatch(ifMatch)),
      ),
    );
    return itemWithETag(item, response);
  }

  @Post('items')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Offer an item of a service, with its form and defaults' })
  @ApiCreatedResponse({ type: CatalogItemDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('catalog.manage')
  async createItem(
    @Body() body: CreateCatalogItemDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CatalogItemDto> {
    const { item } = await firstValueFrom(
      this.catalog.createCatalogItem(toCreateCatalogItemRequest(body)),
    );
    const dto = itemWithETag(item, response);
    response.setHeader('Location', `${CATALOG_PATH}/items/${dto.id}`);
    return dto;
  }

  @Post('items/:id/requests')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Order an item: a service request opens with its form values and the item defaults',
    description:
      "The fields are checked against the item's form (400 naming each wrong field); the request " +
      "gets the item's service, default category, impact, urgency and fulfilment group. An item " +
      'no longer offered is refused with 409. Location and ETag are those of the new ticket.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Retrying with the same key returns the first request (header Idempotent-Replayed: true); ' +
      'the same key with a different body is refused with 422.',
  })
  @ApiCreatedResponse({ type: TicketDto })
  @ApiProblemResponses(400, 404, 409, 422, 503)
  @RequirePermission('tickets.create')
  async request(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() body: RequestCatalogItemDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketDto> {
    const requester = requesterFor(principal, body);
    const answer = await firstValueFrom(
      this.catalog.requestCatalogItem(
        toRequestCatalogItemRequest(id, body, requester, idempotencyKey),
      ),
    );
    return openedTicket(answer, response);
  }
}
