import {
  Body,
  Controller,
  Delete,
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
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { firstValueFrom } from 'rxjs';
import type { Principal } from '@itsm/auth';
import type { RoutingRule, RoutingServiceClient } from '@itsm/contracts';
import { IF_MATCH_HEADER, versionFromIfMatch, withETag } from '../http/etag';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { actorFor } from '../auth/actor';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { withRestFieldNames } from '../problem/violation-fields';
import {
  DeleteRoutingRuleQueryDto,
  ListRoutingRulesQueryDto,
  RoutingRuleDto,
  RoutingRuleListDto,
  RoutingRuleVersionListDto,
  WriteRoutingRuleDto,
} from './dto/routing-rule.dto';
import { ROUTING_CLIENT } from './routing-client.provider';
import { routingFieldName, toRoutingRuleDto, toRuleDraft } from './routing-dto.mapper';
import { ROUTING_PATH } from './support.http-controller';

const RULES_PATH = `${ROUTING_PATH}/rules`;

const uuid = new ParseUUIDPipe({ version: undefined });

function ruleWithETag(rule: RoutingRule | undefined, response: Response): RoutingRuleDto {
  if (!rule) throw new Error('the routing service answered without a rule');
  const dto = toRoutingRuleDto(rule);
  return withETag(dto, dto.version, response);
}

/** The rules that send tickets to groups, each change kept as a version. */
@ApiTags('routing')
@Controller(RULES_PATH)
export class RoutingRulesHttpController {
  constructor(@Inject(ROUTING_CLIENT) private readonly routing: RoutingServiceClient) {}

  @Get()
  @ApiOperation({ summary: 'The routing rules, in the order they are tried' })
  @ApiOkResponse({ type: RoutingRuleListDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('routing.read')
  async list(@Query() query: ListRoutingRulesQueryDto): Promise<RoutingRuleListDto> {
    const { rules } = await firstValueFrom(
      this.routing.listRules({ includeDisabled: query.includeDisabled ?? false }),
    );
    return { items: rules.map(toRoutingRuleDto) };
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'Add a rule: conditions on the ticket, and the group, priority, tags or category to set',
    description:
      'Enabled rules are tried by ascending order on every new ticket; the first match that ' +
      'stops processing ends the search. A rule applies to tickets opened from now on.',
  })
  @ApiCreatedResponse({ type: RoutingRuleDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('routing.manage')
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: WriteRoutingRuleDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RoutingRuleDto> {
    const actorId = actorFor(principal, body.actorId, 'tickets.act_on_behalf');
    const { rule } = await withRestFieldNames(
      firstValueFrom(this.routing.createRule({ rule: toRuleDraft(body), actorId })),
      routingFieldName(),
    );
    const dto = ruleWithETag(rule, response);
    response.setHeader('Location', `${RULES_PATH}/${dto.id}`);
    return dto;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One rule as now in force; its version is the ETag' })
  @ApiOkResponse({ type: RoutingRuleDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('routing.read')
  async get(
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RoutingRuleDto> {
    const { rule } = await firstValueFrom(this.routing.getRule({ id }));
    return ruleWithETag(rule, response);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Replace a rule: the change is saved as its next version',
    description: 'Reorder it with `order`, disable it with `enabled: false`.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: RoutingRuleDto })
  @ApiProblemResponses(400, 404, 412, 503)
  @RequirePermission('routing.manage')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Body() body: WriteRoutingRuleDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RoutingRuleDto> {
    const { rule } = await withRestFieldNames(
      firstValueFrom(
        this.routing.updateRule({
          id,
          rule: toRuleDraft(body),
          expectedVersion: versionFromIfMatch(ifMatch) ?? 0,
          actorId: actorFor(principal, body.actorId, 'tickets.act_on_behalf'),
        }),
      ),
      routingFieldName(),
    );
    return ruleWithETag(rule, response);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a rule: it stops routing; its versions stay readable' })
  @ApiNoContentResponse({ description: 'The rule no longer routes.' })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('routing.manage')
  async delete(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Query() query: DeleteRoutingRuleQueryDto,
  ): Promise<void> {
    const actorId = actorFor(principal, query.actorId, 'tickets.act_on_behalf');
    await firstValueFrom(this.routing.deleteRule({ id, actorId }));
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'Every saved version of a rule, newest first: who changed what' })
  @ApiOkResponse({ type: RoutingRuleVersionListDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('routing.read')
  async versions(@Param('id', uuid) id: string): Promise<RoutingRuleVersionListDto> {
    const { versions } = await firstValueFrom(this.routing.listRuleVersions({ id }));
    return { items: versions.map(toRoutingRuleDto) };
  }
}
