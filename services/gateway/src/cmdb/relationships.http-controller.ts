import {
  Body,
  Controller,
  Delete,
  Get,
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
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { firstValueFrom } from 'rxjs';
import type { Principal } from '@itsm/auth';
import type { CmdbServiceClient } from '@itsm/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { actorFor } from '../auth/actor';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { withRestFieldNames } from '../problem/violation-fields';
import { CMDB_CLIENT } from './cmdb-client.provider';
import {
  cmdbFieldName,
  toAnalyzeImpactRequest,
  toCreateRelationshipRequest,
  toImpactAnalysisDto,
  toRelationshipDto,
} from './cmdb-dto.mapper';
import { CMDB_PATH } from './cmdb-paths';
import { AnalyzeImpactDto, ImpactAnalysisDto, ImpactQueryDto } from './dto/impact.dto';
import {
  CreateRelationshipDto,
  DeleteRelationshipQueryDto,
  RelationshipDto,
  RelationshipListDto,
} from './dto/relationship.dto';

const RELATIONSHIPS_PATH = `${CMDB_PATH}/relationships`;

const uuid = new ParseUUIDPipe({ version: undefined });

const actorOf = (principal: Principal, claimed: string | undefined): string =>
  actorFor(principal, claimed, 'tickets.act_on_behalf');

const IMPACT_DESCRIPTION =
  'Every item reached once, at its shortest path, to the depth; the business services among ' +
  'them listed apart. `connected_to` counts both ways.';

/** How configuration items depend on each other, and what a failure of some of them affects. */
@ApiTags('cmdb')
@Controller(CMDB_PATH)
export class RelationshipsHttpController {
  constructor(@Inject(CMDB_CLIENT) private readonly cmdb: CmdbServiceClient) {}

  @Get('items/:id/relationships')
  @ApiOperation({ summary: 'The relationships of a configuration item, both directions' })
  @ApiOkResponse({ type: RelationshipListDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('cmdb.read')
  async relationships(@Param('id', uuid) id: string): Promise<RelationshipListDto> {
    const { relationships } = await firstValueFrom(this.cmdb.listRelationships({ itemId: id }));
    return { items: relationships.map(toRelationshipDto) };
  }

  @Post('relationships')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'Relate two configuration items: runs on, depends on, connected to, hosted in, uses licence; the same relationship again answers the existing one with 200',
  })
  @ApiCreatedResponse({ type: RelationshipDto })
  @ApiOkResponse({ type: RelationshipDto, description: 'The relationship existed already.' })
  @ApiProblemResponses(400, 404, 409, 503)
  @RequirePermission('cmdb.write')
  async relate(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateRelationshipDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RelationshipDto> {
    const request = toCreateRelationshipRequest(body, actorOf(principal, body.actorId));
    const { relationship, created } = await withRestFieldNames(
      firstValueFrom(this.cmdb.createRelationship(request)),
      cmdbFieldName,
    );
    if (!relationship) throw new Error('the CMDB service answered without a relationship');
    const dto = toRelationshipDto(relationship);
    response.setHeader('Location', `${RELATIONSHIPS_PATH}/${dto.id}`);
    if (!created) response.status(HttpStatus.OK);
    return dto;
  }

  @Delete('relationships/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a relationship between two configuration items' })
  @ApiNoContentResponse({ description: 'The relationship is gone.' })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('cmdb.write')
  async unrelate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Query() query: DeleteRelationshipQueryDto,
  ): Promise<void> {
    await firstValueFrom(
      this.cmdb.deleteRelationship({ id, actorId: actorOf(principal, query.actorId) }),
    );
  }

  @Get('items/:id/impact')
  @ApiOperation({
    summary:
      'What a failure of a configuration item affects (upstream), or what it depends on (downstream)',
    description: IMPACT_DESCRIPTION,
  })
  @ApiOkResponse({ type: ImpactAnalysisDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('cmdb.read')
  async impact(
    @Param('id', uuid) id: string,
    @Query() query: ImpactQueryDto,
  ): Promise<ImpactAnalysisDto> {
    const answer = await withRestFieldNames(
      firstValueFrom(this.cmdb.analyzeImpact(toAnalyzeImpactRequest([id], query))),
      cmdbFieldName,
    );
    return toImpactAnalysisDto(answer);
  }

  @Post('impact')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'The impact of several configuration items at once, e.g. all a change touches',
    description: IMPACT_DESCRIPTION,
  })
  @ApiOkResponse({ type: ImpactAnalysisDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('cmdb.read')
  async impactOf(@Body() body: AnalyzeImpactDto): Promise<ImpactAnalysisDto> {
    const answer = await withRestFieldNames(
      firstValueFrom(this.cmdb.analyzeImpact(toAnalyzeImpactRequest(body.itemIds, body))),
      cmdbFieldName,
    );
    return toImpactAnalysisDto(answer);
  }
}
