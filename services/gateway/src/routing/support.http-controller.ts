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
import type { RoutingServiceClient, SupportGroup, SupportLine } from '@itsm/contracts';
import { IF_MATCH_HEADER, versionFromIfMatch, withETag } from '../http/etag';
import { RequirePermission } from '../auth/access.decorators';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { withRestFieldNames } from '../problem/violation-fields';
import {
  ListSupportGroupsQueryDto,
  SupportGroupDto,
  SupportGroupListDto,
  WriteSupportGroupDto,
} from './dto/support-group.dto';
import { SupportLineDto, SupportLineListDto, WriteSupportLineDto } from './dto/support-line.dto';
import { ROUTING_CLIENT } from './routing-client.provider';
import {
  routingFieldName,
  toGroupDraft,
  toLineDraft,
  toSupportGroupDto,
  toSupportLineDto,
} from './routing-dto.mapper';

export const ROUTING_PATH = '/api/v1/routing';

const uuid = new ParseUUIDPipe({ version: undefined });

function lineWithETag(line: SupportLine | undefined, response: Response): SupportLineDto {
  if (!line) throw new Error('the routing service answered without a line');
  const dto = toSupportLineDto(line);
  return withETag(dto, dto.version, response);
}

function groupWithETag(group: SupportGroup | undefined, response: Response): SupportGroupDto {
  if (!group) throw new Error('the routing service answered without a group');
  const dto = toSupportGroupDto(group);
  return withETag(dto, dto.version, response);
}

/** Lines of support and the assignment groups within them. */
@ApiTags('routing')
@Controller(ROUTING_PATH)
export class SupportHttpController {
  constructor(@Inject(ROUTING_CLIENT) private readonly routing: RoutingServiceClient) {}

  @Get('lines')
  @ApiOperation({ summary: 'The lines of support, by level, then name' })
  @ApiOkResponse({ type: SupportLineListDto })
  @ApiProblemResponses(503)
  @RequirePermission('routing.read')
  async lines(): Promise<SupportLineListDto> {
    const { lines } = await firstValueFrom(this.routing.listLines({}));
    return { items: lines.map(toSupportLineDto) };
  }

  @Post('lines')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Add a line of support: 1st (service desk), 2nd (specialists), 3rd (experts)…',
    description: 'A name already taken is refused with 409.',
  })
  @ApiCreatedResponse({ type: SupportLineDto })
  @ApiProblemResponses(400, 409, 503)
  @RequirePermission('routing.manage')
  async createLine(
    @Body() body: WriteSupportLineDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SupportLineDto> {
    const { line } = await withRestFieldNames(
      firstValueFrom(this.routing.createLine({ line: toLineDraft(body) })),
      routingFieldName(),
    );
    const dto = lineWithETag(line, response);
    response.setHeader('Location', `${ROUTING_PATH}/lines/${dto.id}`);
    return dto;
  }

  @Put('lines/:id')
  @ApiOperation({
    summary: 'Rename a line of support or change its level',
    description: 'A name another line has is refused with 409.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: SupportLineDto })
  @ApiProblemResponses(400, 404, 409, 412, 503)
  @RequirePermission('routing.manage')
  async updateLine(
    @Param('id', uuid) id: string,
    @Body() body: WriteSupportLineDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SupportLineDto> {
    const { line } = await withRestFieldNames(
      firstValueFrom(
        this.routing.updateLine({
          id,
          line: toLineDraft(body),
          expectedVersion: versionFromIfMatch(ifMatch) ?? 0,
        }),
      ),
      routingFieldName(),
    );
    return lineWithETag(line, response);
  }

  @Get('groups')
  @ApiOperation({ summary: 'The assignment groups, by line level, then name, with their queues' })
  @ApiOkResponse({ type: SupportGroupListDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('routing.read')
  async groups(@Query() query: ListSupportGroupsQueryDto): Promise<SupportGroupListDto> {
    const { groups } = await firstValueFrom(
      this.routing.listGroups({ lineId: query.lineId ?? '' }),
    );
    return { items: groups.map(toSupportGroupDto) };
  }

  @Post('groups')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'Add an assignment group to a line: how it picks agents, its supervisor and where it escalates',
    description: 'A name already taken is refused with 409.',
  })
  @ApiCreatedResponse({ type: SupportGroupDto })
  @ApiProblemResponses(400, 409, 503)
  @RequirePermission('routing.manage')
  async createGroup(
    @Body() body: WriteSupportGroupDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SupportGroupDto> {
    const { group } = await withRestFieldNames(
      firstValueFrom(this.routing.createGroup({ group: toGroupDraft(body) })),
      routingFieldName(),
    );
    const dto = groupWithETag(group, response);
    response.setHeader('Location', `${ROUTING_PATH}/groups/${dto.id}`);
    return dto;
  }

  @Get('groups/:id')
  @ApiOperation({ summary: 'One assignment group; its version is the ETag' })
  @ApiOkResponse({ type: SupportGroupDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('routing.read')
  async group(
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SupportGroupDto> {
    const { group } = await firstValueFrom(this.routing.getGroup({ id }));
    return groupWithETag(group, response);
  }

  @Put('groups/:id')
  @ApiOperation({
    summary: 'Replace an assignment group',
    description:
      'Tickets routed from now on follow the new strategy and escalation path. A name another ' +
      'group has is refused with 409.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: SupportGroupDto })
  @ApiProblemResponses(400, 404, 409, 412, 503)
  @RequirePermission('routing.manage')
  async updateGroup(
    @Param('id', uuid) id: string,
    @Body() body: WriteSupportGroupDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SupportGroupDto> {
    const { group } = await withRestFieldNames(
      firstValueFrom(
        this.routing.updateGroup({
          id,
          group: toGroupDraft(body),
          expectedVersion: versionFromIfMatch(ifMatch) ?? 0,
        }),
      ),
      routingFieldName(),
    );
    return groupWithETag(group, response);
  }
}
