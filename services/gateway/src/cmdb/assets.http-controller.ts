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
import type { CmdbServiceClient } from '@itsm/contracts';
import { IF_MATCH_HEADER, versionFromIfMatch, withETag } from '../http/etag';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { actorFor } from '../auth/actor';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { withRestFieldNames } from '../problem/violation-fields';
import { CMDB_CLIENT } from './cmdb-client.provider';
import {
  cmdbFieldName,
  toAssetMovementDto,
  toChangeAssetRequest,
  toCreateLocationRequest,
  toLicenceComplianceDto,
  toLocationDto,
} from './cmdb-dto.mapper';
import { CMDB_PATH } from './cmdb-paths';
import { itemWithETag } from './configuration-items.http-controller';
import {
  AssetActionDto,
  AssetActionResultDto,
  AssetMovementListDto,
  ListMovementsQueryDto,
} from './dto/asset.dto';
import { LicenceComplianceListDto, LicenceComplianceQueryDto } from './dto/licence.dto';
import { CreateLocationDto, LocationDto, LocationListDto } from './dto/location.dto';

const uuid = new ParseUUIDPipe({ version: undefined });

/** Asset accounting: the lifecycle of assets, the stock journal, locations and licences. */
@ApiTags('cmdb')
@Controller(CMDB_PATH)
export class AssetsHttpController {
  constructor(@Inject(CMDB_CLIENT) private readonly cmdb: CmdbServiceClient) {}

  @Post('items/:id/asset-actions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Move an asset through its lifecycle: receive, assign, return, move, repair, retire',
    description:
      'Each action writes a line of the stock journal. An action the asset’s state does not ' +
      'allow is refused with 409 naming the allowed ones (`allowedActions`).',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: AssetActionResultDto })
  @ApiProblemResponses(400, 404, 409, 412, 503)
  @RequirePermission('cmdb.write')
  async act(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Body() body: AssetActionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AssetActionResultDto> {
    const actorId = actorFor(principal, body.actorId, 'tickets.act_on_behalf');
    const { item, movement } = await withRestFieldNames(
      firstValueFrom(
        this.cmdb.changeAsset(toChangeAssetRequest(id, body, actorId, versionFromIfMatch(ifMatch))),
      ),
      cmdbFieldName,
    );
    if (!movement) throw new Error('the CMDB service answered without a movement');
    return { item: itemWithETag(item, response), movement: toAssetMovementDto(movement) };
  }

  @Get('items/:id/movements')
  @ApiOperation({ summary: 'The stock journal of an asset, newest first' })
  @ApiOkResponse({ type: AssetMovementListDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('cmdb.read')
  async assetMovements(
    @Param('id', uuid) id: string,
    @Query() query: ListMovementsQueryDto,
  ): Promise<AssetMovementListDto> {
    const { movements } = await withRestFieldNames(
      firstValueFrom(
        this.cmdb.listMovements({ assetId: id, locationId: '', limit: query.limit ?? 0 }),
      ),
      cmdbFieldName,
    );
    return { items: movements.map(toAssetMovementDto) };
  }

  @Get('locations')
  @ApiOperation({ summary: 'The locations assets are kept at: warehouses, offices, data centres' })
  @ApiOkResponse({ type: LocationListDto })
  @ApiProblemResponses(503)
  @RequirePermission('cmdb.read')
  async locations(): Promise<LocationListDto> {
    const { locations } = await firstValueFrom(this.cmdb.listLocations({}));
    return { items: locations.map(toLocationDto) };
  }

  @Post('locations')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Add a location: a warehouse, an office, a data centre or a site' })
  @ApiCreatedResponse({ type: LocationDto })
  @ApiProblemResponses(400, 404, 409, 503)
  @RequirePermission('cmdb.write')
  async createLocation(
    @Body() body: CreateLocationDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LocationDto> {
    const { location } = await withRestFieldNames(
      firstValueFrom(this.cmdb.createLocation(toCreateLocationRequest(body))),
      cmdbFieldName,
    );
    if (!location) throw new Error('the CMDB service answered without a location');
    const dto = withETag(toLocationDto(location), location.version, response);
    response.setHeader('Location', `${CMDB_PATH}/locations/${dto.id}`);
    return dto;
  }

  @Get('locations/:id/movements')
  @ApiOperation({ summary: 'The stock journal of a location: assets in and out, newest first' })
  @ApiOkResponse({ type: AssetMovementListDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('cmdb.read')
  async locationMovements(
    @Param('id', uuid) id: string,
    @Query() query: ListMovementsQueryDto,
  ): Promise<AssetMovementListDto> {
    const { movements } = await withRestFieldNames(
      firstValueFrom(
        this.cmdb.listMovements({ assetId: '', locationId: id, limit: query.limit ?? 0 }),
      ),
      cmdbFieldName,
    );
    return { items: movements.map(toAssetMovementDto) };
  }

  @Get('licences/compliance')
  @ApiOperation({
    summary: 'Software licences: seats owned against seats in use (`uses_licence` relationships)',
  })
  @ApiOkResponse({ type: LicenceComplianceListDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('cmdb.read')
  async licenceCompliance(
    @Query() query: LicenceComplianceQueryDto,
  ): Promise<LicenceComplianceListDto> {
    const { licences } = await firstValueFrom(
      this.cmdb.licenceCompliance({ onlyNonCompliant: query.onlyNonCompliant ?? false }),
    );
    return { items: licences.map(toLicenceComplianceDto) };
  }
}
