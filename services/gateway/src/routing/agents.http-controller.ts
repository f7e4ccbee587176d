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
import { can, type Principal } from '@itsm/auth';
import type { Agent, RoutingServiceClient } from '@itsm/contracts';
import { IF_MATCH_HEADER, versionFromIfMatch, withETag } from '../http/etag';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { forbidden } from '../auth/auth.guard';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { withRestFieldNames } from '../problem/violation-fields';
import {
  AgentAvailabilityResultDto,
  AgentDto,
  AgentPageDto,
  CategorySkillsDto,
  CategorySkillsListDto,
  ListAgentsQueryDto,
  SetAgentAvailabilityDto,
  SetCategorySkillsDto,
  WriteAgentDto,
} from './dto/agent.dto';
import { ROUTING_CLIENT } from './routing-client.provider';
import {
  availabilityOf,
  routingFieldName,
  toAgentDraft,
  toAgentDto,
  toCategorySkills,
  toCategorySkillsDto,
  toListAgentsRequest,
} from './routing-dto.mapper';
import { ROUTING_PATH } from './support.http-controller';

const uuid = new ParseUUIDPipe({ version: undefined });

function agentWithETag(agent: Agent | undefined, response: Response): AgentDto {
  if (!agent) throw new Error('the routing service answered without an agent');
  const dto = toAgentDto(agent);
  return withETag(dto, dto.version, response);
}

/** The agents routing hands tickets to, and the skills categories' tickets need. */
@ApiTags('routing')
@Controller(ROUTING_PATH)
export class AgentsHttpController {
  constructor(@Inject(ROUTING_CLIENT) private readonly routing: RoutingServiceClient) {}

  @Get('agents')
  @ApiOperation({
    summary: 'Agents by display name, with their current load, a page at a time',
  })
  @ApiOkResponse({ type: AgentPageDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('routing.read')
  async agents(@Query() query: ListAgentsQueryDto): Promise<AgentPageDto> {
    const page = await withRestFieldNames(
      firstValueFrom(this.routing.listAgents(toListAgentsRequest(query))),
      routingFieldName(),
    );
    return { items: page.agents.map(toAgentDto), nextCursor: page.nextPageToken || null };
  }

  @Post('agents')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Add an agent: groups, skills, capacity, availability and working shift',
    description: 'A user who is an agent already is refused with 409.',
  })
  @ApiCreatedResponse({ type: AgentDto })
  @ApiProblemResponses(400, 409, 503)
  @RequirePermission('routing.manage_agents')
  async createAgent(
    @Body() body: WriteAgentDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgentDto> {
    const { agent } = await withRestFieldNames(
      firstValueFrom(this.routing.createAgent({ agent: toAgentDraft(body) })),
      routingFieldName(body),
    );
    const dto = agentWithETag(agent, response);
    response.setHeader('Location', `${ROUTING_PATH}/agents/${dto.id}`);
    return dto;
  }

  @Get('agents/:id')
  @ApiOperation({ summary: 'One agent with their current load; the version is the ETag' })
  @ApiOkResponse({ type: AgentDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('routing.read')
  async agent(
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgentDto> {
    const { agent } = await firstValueFrom(this.routing.getAgent({ id }));
    return agentWithETag(agent, response);
  }

  @Put('agents/:id')
  @ApiOperation({
    summary: 'Replace an agent',
    description:
      'Tickets the agent holds stay with them; routing uses the new profile from now on. Another ' +
      'agent’s user id is refused with 409.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: AgentDto })
  @ApiProblemResponses(400, 404, 409, 412, 503)
  @RequirePermission('routing.manage_agents')
  async updateAgent(
    @Param('id', uuid) id: string,
    @Body() body: WriteAgentDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgentDto> {
    const { agent } = await withRestFieldNames(
      firstValueFrom(
        this.routing.updateAgent({
          id,
          agent: toAgentDraft(body),
          expectedVersion: versionFromIfMatch(ifMatch) ?? 0,
        }),
      ),
      routingFieldName(body),
    );
    return agentWithETag(agent, response);
  }

  @Put('agents/:id/availability')
  @ApiOperation({
    summary: 'Go online, away or off',
    description:
      'An agent coming online takes the tickets waiting in their groups’ queues, up to capacity. ' +
      'Agents set their own availability; setting another agent’s needs `routing.manage_agents` ' +
      '(else 403).',
  })
  @ApiOkResponse({ type: AgentAvailabilityResultDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('routing.availability_own')
  async setAvailability(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Body() body: SetAgentAvailabilityDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgentAvailabilityResultDto> {
    if (!can(principal, 'routing.manage_agents')) {
      const { agent } = await firstValueFrom(this.routing.getAgent({ id }));
      if (agent?.userId !== principal.id)
        throw forbidden('you may set only your own availability (routing.manage_agents is needed)');
    }
    const { agent, assignedFromQueue } = await withRestFieldNames(
      firstValueFrom(
        this.routing.setAgentAvailability({
          id,
          availability: availabilityOf(body.availability),
        }),
      ),
      routingFieldName(),
    );
    return { agent: agentWithETag(agent, response), assignedFromQueue };
  }

  @Get('category-skills')
  @ApiOperation({ summary: 'The skills each category’s tickets need' })
  @ApiOkResponse({ type: CategorySkillsListDto })
  @ApiProblemResponses(503)
  @RequirePermission('routing.read')
  async categorySkills(): Promise<CategorySkillsListDto> {
    const { requirements } = await firstValueFrom(this.routing.listCategorySkills({}));
    return { items: requirements.map(toCategorySkillsDto) };
  }

  @Put('category-skills/:categoryId')
  @ApiOperation({
    summary: 'Set the skills a category’s tickets need; `[]` removes the requirement',
    description: '`skills_match` groups give such tickets to the agent strongest in them.',
  })
  @ApiOkResponse({ type: CategorySkillsDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('routing.manage')
  async setCategorySkills(
    @Param('categoryId', uuid) categoryId: string,
    @Body() body: SetCategorySkillsDto,
  ): Promise<CategorySkillsDto> {
    const { requirement } = await withRestFieldNames(
      firstValueFrom(
        this.routing.setCategorySkills({
          requirement: toCategorySkills(categoryId, body.skills),
        }),
      ),
      routingFieldName(body),
    );
    return requirement ? toCategorySkillsDto(requirement) : { categoryId, skills: [] };
  }
}
