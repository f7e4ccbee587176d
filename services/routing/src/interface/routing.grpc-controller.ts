import { Controller, Inject, UseFilters } from '@nestjs/common';
import type {
  ClassifyTextRequest,
  ClassifyTextResponse,
  CreateAgentRequest,
  CreateAgentResponse,
  CreateGroupRequest,
  CreateGroupResponse,
  CreateLineRequest,
  CreateLineResponse,
  CreateRuleRequest,
  CreateRuleResponse,
  DeleteRuleRequest,
  DeleteRuleResponse,
  EscalateTicketRequest,
  EscalateTicketResponse,
  GetAgentRequest,
  GetAgentResponse,
  GetClassifierResponse,
  GetGroupRequest,
  GetGroupResponse,
  GetRuleRequest,
  GetRuleResponse,
  GetSettingsResponse,
  GetTicketRoutingRequest,
  GetTicketRoutingResponse,
  ListAgentsRequest,
  ListAgentsResponse,
  ListCategorySkillsResponse,
  ListGroupsRequest,
  ListGroupsResponse,
  ListLinesResponse,
  ListRulesRequest,
  ListRulesResponse,
  ListRuleVersionsRequest,
  ListRuleVersionsResponse,
  RoutingServiceController,
  SetAgentAvailabilityRequest,
  SetAgentAvailabilityResponse,
  SetCategorySkillsRequest,
  SetCategorySkillsResponse,
  TrainClassifierRequest,
  TrainClassifierResponse,
  UpdateAgentRequest,
  UpdateAgentResponse,
  UpdateGroupRequest,
  UpdateGroupResponse,
  UpdateLineRequest,
  UpdateLineResponse,
  UpdateRuleRequest,
  UpdateRuleResponse,
  UpdateSettingsRequest,
  UpdateSettingsResponse,
} from '@itsm/contracts';
import { RoutingServiceControllerMethods } from '@itsm/contracts';
import { ClassifierUseCase } from '../application/classifier/classifier.use-case';
import { EscalateTicketUseCase } from '../application/escalate-ticket/escalate-ticket.use-case';
import { ChangeAvailabilityUseCase } from '../application/manage-organisation/change-availability.use-case';
import { ManageOrganisationUseCase } from '../application/manage-organisation/manage-organisation.use-case';
import { ManageRulesUseCase } from '../application/manage-rules/manage-rules.use-case';
import type { StoredAgent } from '../application/ports/organisation-store';
import { GetTicketRoutingUseCase } from '../application/ticket-routing/get-ticket-routing.use-case';
import { toDecisionMessage, toEscalationMessage } from './decision-message.mapper';
import {
  availabilityOf,
  skillLevelsOf,
  toAgentDraft,
  toAgentMessage,
  toCategorySkillsMessage,
  toClassifierMessage,
  toGroupDraft,
  toGroupMessage,
  toLineMessage,
  toRuleDraft,
  toRuleMessage,
  toSettingsMessage,
} from './organisation-message.mapper';
import { fromPageToken, toPageToken } from './page-token';
import { RoutingErrorRpcFilter } from './routing-error.grpc-mapper';

/** The version an update names; 0 means "replace whatever is stored". */
const expectedVersionOf = (version: number): number | null => (version > 0 ? version : null);

const lineDraftOf = (draft: { name: string; level: number } | undefined) => ({
  name: draft?.name.trim() ?? '',
  level: draft?.level ?? 0,
});

/** Support organisation, rules, classifier and decisions over gRPC; thin: request → use case → message. */
@Controller()
@RoutingServiceControllerMethods()
@UseFilters(RoutingErrorRpcFilter)
export class RoutingGrpcController implements RoutingServiceController {
  constructor(
    @Inject(ManageOrganisationUseCase) private readonly organisation: ManageOrganisationUseCase,
    @Inject(ChangeAvailabilityUseCase) private readonly availability: ChangeAvailabilityUseCase,
    @Inject(ManageRulesUseCase) private readonly rules: ManageRulesUseCase,
    @Inject(ClassifierUseCase) private readonly classifier: ClassifierUseCase,
    @Inject(GetTicketRoutingUseCase) private readonly ticketRouting: GetTicketRoutingUseCase,
    @Inject(EscalateTicketUseCase) private readonly escalations: EscalateTicketUseCase,
  ) {}

  async createLine(request: CreateLineRequest): Promise<CreateLineResponse> {
    return { line: toLineMessage(await this.organisation.createLine(lineDraftOf(request.line))) };
  }

  async listLines(): Promise<ListLinesResponse> {
    return { lines: (await this.organisation.lines()).map(toLineMessage) };
  }

  async updateLine(request: UpdateLineRequest): Promise<UpdateLineResponse> {
    const line = await this.organisation.updateLine(
      request.id,
      lineDraftOf(request.line),
      expectedVersionOf(request.expectedVersion),
    );
    return { line: toLineMessage(line) };
  }

  async createGroup(request: CreateGroupRequest): Promise<CreateGroupResponse> {
    return {
      group: toGroupMessage(await this.organisation.createGroup(toGroupDraft(request.group))),
    };
  }

  async listGroups(request: ListGroupsRequest): Promise<ListGroupsResponse> {
    const groups = await this.organisation.groups(request.lineId || undefined);
    return { groups: groups.map(toGroupMessage) };
  }

  async getGroup(request: GetGroupRequest): Promise<GetGroupResponse> {
    return { group: toGroupMessage(await this.organisation.group(request.id)) };
  }

  async updateGroup(request: UpdateGroupRequest): Promise<UpdateGroupResponse> {
    const group = await this.organisation.updateGroup(
      request.id,
      toGroupDraft(request.group),
      expectedVersionOf(request.expectedVersion),
    );
    return { group: toGroupMessage(group) };
  }

  async createAgent(request: CreateAgentRequest): Promise<CreateAgentResponse> {
    return {
      agent: await this.agentMessage(
        await this.organisation.createAgent(toAgentDraft(request.agent)),
      ),
    };
  }

  async listAgents(request: ListAgentsRequest): Promise<ListAgentsResponse> {
    const page = await this.organisation.agents({
      ...(request.groupId ? { groupId: request.groupId } : {}),
      ...(request.query.trim() ? { query: request.query.trim() } : {}),
      ...(request.userId ? { userId: request.userId } : {}),
      ...(request.pageToken ? { after: fromPageToken(request.pageToken) } : {}),
      pageSize: request.pageSize,
    });
    const loads = await this.organisation.loadsOf(page.agents);
    return {
      agents: page.agents.map((agent) => toAgentMessage(agent, loads.get(agent.id))),
      nextPageToken: page.next ? toPageToken(page.next) : '',
    };
  }

  async getAgent(request: GetAgentRequest): Promise<GetAgentResponse> {
    return { agent: await this.agentMessage(await this.organisation.agent(request.id)) };
  }

  async updateAgent(request: UpdateAgentRequest): Promise<UpdateAgentResponse> {
    const agent = await this.organisation.updateAgent(
      request.id,
      toAgentDraft(request.agent),
      expectedVersionOf(request.expectedVersion),
    );
    return { agent: await this.agentMessage(agent) };
  }

  async setAgentAvailability(
    request: SetAgentAvailabilityRequest,
  ): Promise<SetAgentAvailabilityResponse> {
    const { agent, assignedFromQueue } = await this.availability.execute(
      request.id,
      availabilityOf(request.availability),
    );
    return { agent: await this.agentMessage(agent), assignedFromQueue };
  }

  async setCategorySkills(request: SetCategorySkillsRequest): Promise<SetCategorySkillsResponse> {
    const requirement = await this.organisation.setCategorySkills(
      request.requirement?.categoryId.trim() ?? '',
      skillLevelsOf(request.requirement?.skills ?? [], 'skills'),
    );
    return { requirement: toCategorySkillsMessage(requirement) };
  }

  async listCategorySkills(): Promise<ListCategorySkillsResponse> {
    return {
      requirements: (await this.organisation.categorySkills()).map(toCategorySkillsMessage),
    };
  }

  async createRule(request: CreateRuleRequest): Promise<CreateRuleResponse> {
    const rule = await this.rules.create(toRuleDraft(request.rule), request.actorId || 'system');
    return { rule: toRuleMessage(rule) };
  }

  async listRules(request: ListRulesRequest): Promise<ListRulesResponse> {
    return { rules: (await this.rules.rules(request.includeDisabled)).map(toRuleMessage) };
  }

  async getRule(request: GetRuleRequest): Promise<GetRuleResponse> {
    return { rule: toRuleMessage(await this.rules.rule(request.id)) };
  }

  async updateRule(request: UpdateRuleRequest): Promise<UpdateRuleResponse> {
    const rule = await this.rules.update(
      request.id,
      toRuleDraft(request.rule),
      expectedVersionOf(request.expectedVersion),
      request.actorId || 'system',
    );
    return { rule: toRuleMessage(rule) };
  }

  async deleteRule(request: DeleteRuleRequest): Promise<DeleteRuleResponse> {
    await this.rules.delete(request.id, request.actorId || 'system');
    return {};
  }

  async listRuleVersions(request: ListRuleVersionsRequest): Promise<ListRuleVersionsResponse> {
    return { versions: (await this.rules.versions(request.id)).map(toRuleMessage) };
  }

  async getSettings(): Promise<GetSettingsResponse> {
    return { settings: toSettingsMessage(await this.rules.settings()) };
  }

  async updateSettings(request: UpdateSettingsRequest): Promise<UpdateSettingsResponse> {
    const settings = await this.rules.updateSettings(
      {
        classificationThreshold: request.settings?.classificationThreshold ?? Number.NaN,
        defaultGroupId: request.settings?.defaultGroupId || null,
      },
      expectedVersionOf(request.expectedVersion),
    );
    return { settings: toSettingsMessage(settings) };
  }

  async trainClassifier(request: TrainClassifierRequest): Promise<TrainClassifierResponse> {
    return {
      model: toClassifierMessage(
        await this.classifier.train(request.actorId, request.holdoutShare),
      ),
    };
  }

  async getClassifier(): Promise<GetClassifierResponse> {
    return { model: toClassifierMessage(await this.classifier.current()) };
  }

  async classifyText(request: ClassifyTextRequest): Promise<ClassifyTextResponse> {
    const proposal = await this.classifier.classify(request.title, request.description);
    return {
      category: proposal.category ?? undefined,
      group: proposal.group ?? undefined,
      threshold: proposal.threshold,
    };
  }

  async getTicketRouting(request: GetTicketRoutingRequest): Promise<GetTicketRoutingResponse> {
    const routing = await this.ticketRouting.execute(request.ticketId);
    return {
      ticketId: routing.ticketId,
      decisions: routing.decisions.map(toDecisionMessage),
      escalations: routing.escalations.map(toEscalationMessage),
      currentGroupId: routing.currentGroupId ?? '',
      queued: routing.queued,
    };
  }

  async escalateTicket(request: EscalateTicketRequest): Promise<EscalateTicketResponse> {
    const outcome = await this.escalations.byAgent({
      ticketId: request.ticketId,
      reason: request.reason,
      actorId: request.actorId || null,
      idempotencyKey: request.idempotencyKey || null,
    });
    return {
      escalation: toEscalationMessage(outcome.escalation),
      decision: outcome.decision && toDecisionMessage(outcome.decision),
    };
  }

  private async agentMessage(agent: StoredAgent) {
    const loads = await this.organisation.loadsOf([agent]);
    return toAgentMessage(agent, loads.get(agent.id));
  }
}
