import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { firstValueFrom } from 'rxjs';
import type { Principal } from '@itsm/auth';
import type { CmdbServiceClient, InventoryCampaign } from '@itsm/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { actorFor } from '../auth/actor';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { withRestFieldNames } from '../problem/violation-fields';
import { CMDB_CLIENT } from './cmdb-client.provider';
import { cmdbFieldName, toInventoryDto } from './cmdb-dto.mapper';
import { CMDB_PATH } from './cmdb-paths';
import {
  CloseInventoryDto,
  InventoryDto,
  OpenInventoryDto,
  RecordInventoryScanDto,
} from './dto/inventory.dto';

const INVENTORIES_PATH = `${CMDB_PATH}/inventories`;

const uuid = new ParseUUIDPipe({ version: undefined });

const actorOf = (principal: Principal, claimed: string | undefined): string =>
  actorFor(principal, claimed, 'tickets.act_on_behalf');

function requiredInventory(campaign: InventoryCampaign | undefined): InventoryDto {
  if (!campaign) throw new Error('the CMDB service answered without an inventory');
  return toInventoryDto(campaign);
}

/** Inventory counts: the assets a location should have against those scanned there. */
@ApiTags('cmdb')
@Controller(INVENTORIES_PATH)
export class InventoriesHttpController {
  constructor(@Inject(CMDB_CLIENT) private readonly cmdb: CmdbServiceClient) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Open an inventory of a location: what the CMDB has there now is what is expected',
  })
  @ApiCreatedResponse({ type: InventoryDto })
  @ApiProblemResponses(400, 404, 409, 503)
  @RequirePermission('cmdb.write')
  async open(
    @CurrentPrincipal() principal: Principal,
    @Body() body: OpenInventoryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InventoryDto> {
    const { campaign } = await withRestFieldNames(
      firstValueFrom(
        this.cmdb.openInventory({
          name: body.name,
          locationId: body.locationId,
          actorId: actorOf(principal, body.actorId),
        }),
      ),
      cmdbFieldName,
    );
    const dto = requiredInventory(campaign);
    response.setHeader('Location', `${INVENTORIES_PATH}/${dto.id}`);
    return dto;
  }

  @Get(':id')
  @ApiOperation({ summary: 'An inventory: expected, found, and every discrepancy so far' })
  @ApiOkResponse({ type: InventoryDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('cmdb.read')
  async get(@Param('id', uuid) id: string): Promise<InventoryDto> {
    const { campaign } = await firstValueFrom(this.cmdb.getInventory({ campaignId: id }));
    return requiredInventory(campaign);
  }

  @Post(':id/scans')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record inventory numbers scanned at the location; one scanned twice counts once',
    description: 'A closed inventory is refused with 409.',
  })
  @ApiOkResponse({ type: InventoryDto })
  @ApiProblemResponses(400, 404, 409, 503)
  @RequirePermission('cmdb.write')
  async scan(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Body() body: RecordInventoryScanDto,
  ): Promise<InventoryDto> {
    const { campaign } = await withRestFieldNames(
      firstValueFrom(
        this.cmdb.recordInventoryScan({
          campaignId: id,
          inventoryNumbers: body.inventoryNumbers,
          actorId: actorOf(principal, body.actorId),
        }),
      ),
      cmdbFieldName,
    );
    return requiredInventory(campaign);
  }

  @Post(':id/close')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Close an inventory: its discrepancies are frozen' })
  @ApiOkResponse({ type: InventoryDto })
  @ApiProblemResponses(400, 404, 409, 503)
  @RequirePermission('cmdb.write')
  async close(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Body() body: CloseInventoryDto,
  ): Promise<InventoryDto> {
    const actorId = actorOf(principal, body.actorId);
    const { campaign } = await withRestFieldNames(
      firstValueFrom(this.cmdb.closeInventory({ campaignId: id, actorId })),
      cmdbFieldName,
    );
    return requiredInventory(campaign);
  }
}
