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
import type { CmdbServiceClient, ConfigurationItem } from '@itsm/contracts';
import { IF_MATCH_HEADER, versionFromIfMatch, withETag } from '../http/etag';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { actorFor } from '../auth/actor';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { withRestFieldNames } from '../problem/violation-fields';
import { CMDB_CLIENT } from './cmdb-client.provider';
import {
  cmdbFieldName,
  toConfigurationItemDto,
  toCreateItemRequest,
  toHistoryEntryDto,
  toItemTicketDto,
  toListItemsRequest,
  toUpdateItemRequest,
} from './cmdb-dto.mapper';
import { CMDB_PATH } from './cmdb-paths';
import {
  CiHistoryDto,
  ConfigurationItemDto,
  ConfigurationItemPageDto,
  ListConfigurationItemsQueryDto,
  WriteConfigurationItemDto,
} from './dto/configuration-item.dto';
import { ItemTicketListDto, ItemTicketsQueryDto } from './dto/item-ticket.dto';

export const ITEMS_PATH = `${CMDB_PATH}/items`;

const uuid = new ParseUUIDPipe({ version: undefined });

const actorOf = (principal: Principal, claimed: string | undefined): string =>
  actorFor(principal, claimed, 'tickets.act_on_behalf');

/** The item of a service answer as REST, its version sent as the ETag. */
export function itemWithETag(
  item: ConfigurationItem | undefined,
  response: Response,
): ConfigurationItemDto {
  if (!item) throw new Error('the CMDB service answered without an item');
  const dto = toConfigurationItemDto(item);
  return withETag(dto, dto.version, response);
}

/** Configuration items: servers, applications, business services, laptops, licences… */
@ApiTags('cmdb')
@Controller(ITEMS_PATH)
export class ConfigurationItemsHttpController {
  constructor(@Inject(CMDB_CLIENT) private readonly cmdb: CmdbServiceClient) {}

  @Get()
  @ApiOperation({ summary: 'Configuration items by name, filtered, a page at a time' })
  @ApiOkResponse({ type: ConfigurationItemPageDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('cmdb.read')
  async list(@Query() query: ListConfigurationItemsQueryDto): Promise<ConfigurationItemPageDto> {
    const page = await withRestFieldNames(
      firstValueFrom(this.cmdb.listItems(toListItemsRequest(query))),
      cmdbFieldName,
    );
    return {
      items: page.items.map(toConfigurationItemDto),
      nextCursor: page.nextPageToken || null,
    };
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Add a configuration item of a type; its attributes are checked against the type',
    description:
      'Every attribute the type’s schema refuses is named (400). An external id the type has ' +
      'already is refused with 409.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retrying with the same key returns the first item.',
  })
  @ApiCreatedResponse({ type: ConfigurationItemDto })
  @ApiProblemResponses(400, 404, 409, 422, 503)
  @RequirePermission('cmdb.write')
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: WriteConfigurationItemDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ConfigurationItemDto> {
    const actorId = actorOf(principal, body.actorId);
    const { item } = await withRestFieldNames(
      firstValueFrom(this.cmdb.createItem(toCreateItemRequest(body, actorId, idempotencyKey))),
      cmdbFieldName,
    );
    const dto = itemWithETag(item, response);
    response.setHeader('Location', `${ITEMS_PATH}/${dto.id}`);
    return dto;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One configuration item; its version is the ETag' })
  @ApiOkResponse({ type: ConfigurationItemDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('cmdb.read')
  async get(
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ConfigurationItemDto> {
    const { item } = await firstValueFrom(this.cmdb.getItem({ id }));
    return itemWithETag(item, response);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Replace a configuration item',
    description:
      'An asset’s state stays as it is: it changes through `/asset-actions`. Attributes are ' +
      'checked against the type as for a new item.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: ConfigurationItemDto })
  @ApiProblemResponses(400, 404, 409, 412, 503)
  @RequirePermission('cmdb.write')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Body() body: WriteConfigurationItemDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ConfigurationItemDto> {
    const actorId = actorOf(principal, body.actorId);
    const { item } = await withRestFieldNames(
      firstValueFrom(
        this.cmdb.updateItem(toUpdateItemRequest(id, body, actorId, versionFromIfMatch(ifMatch))),
      ),
      cmdbFieldName,
    );
    return itemWithETag(item, response);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every change of a configuration item, newest first: who changed what' })
  @ApiOkResponse({ type: CiHistoryDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('cmdb.read')
  async history(@Param('id', uuid) id: string): Promise<CiHistoryDto> {
    const { entries } = await firstValueFrom(this.cmdb.listItemHistory({ id }));
    return { items: entries.map(toHistoryEntryDto) };
  }

  @Get(':id/tickets')
  @ApiOperation({
    summary: 'The tickets that name a configuration item: its open incidents and recent changes',
  })
  @ApiOkResponse({ type: ItemTicketListDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('cmdb.read')
  async tickets(
    @Param('id', uuid) id: string,
    @Query() query: ItemTicketsQueryDto,
  ): Promise<ItemTicketListDto> {
    const { tickets } = await withRestFieldNames(
      firstValueFrom(
        this.cmdb.listItemTickets({
          itemId: id,
          openOnly: query.openOnly ?? false,
          limit: query.limit ?? 0,
        }),
      ),
      cmdbFieldName,
    );
    return { items: tickets.map(toItemTicketDto) };
  }
}
