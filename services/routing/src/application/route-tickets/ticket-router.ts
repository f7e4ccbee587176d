import { classifyTicket } from '../../domain/ticket-classifier';
import {
  rerouteToGroup,
  routeTicket,
  type RoutingContext,
  type RoutingDecision,
} from '../../domain/route-ticket';
import type { AgentLoad, TicketFacts } from '../../domain/routing-model';
import type {
  RoutingConfiguration,
  RoutingSnapshot,
} from '../routing-configuration/routing-configuration';
import type { Clock, IdGenerator } from '../ports/clock';
import type {
  DecisionTrigger,
  RoutingLedger,
  StoredDecision,
  TrackedTicket,
} from '../ports/routing-ledger';

const EMPTY_LOADS: ReadonlyMap<string, AgentLoad> = new Map();

export interface Placement {
  decision: StoredDecision;
  ticket: TrackedTicket;
}

/**
 * Makes routing decisions and records them: the decision, the ticket's new place in routing's
 * ledger and the event that tells the tickets service, in the caller's transaction.
 */
export class TicketRouter {
  constructor(
    private readonly configuration: RoutingConfiguration,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** A new ticket: classification, rules, then an agent of the chosen group. */
  async routeNew(ticket: TrackedTicket, ledger: RoutingLedger): Promise<Placement> {
    const snapshot = await this.configuration.current();
    const started = process.hrtime.bigint();
    const context = this.contextOf(snapshot, ticket.facts, EMPTY_LOADS);
    let decision = ticket.groupId
      ? this.intoGroup(ticket.facts, ticket.groupId, 'current', context)
      : routeTicket(ticket.facts, context);
    decision = await this.withLoads(decision, ledger, snapshot, (loads) =>
      ticket.groupId
        ? this.intoGroup(ticket.facts, ticket.groupId, 'current', { ...context, loads })
        : routeTicket(ticket.facts, { ...context, loads }),
    );
    return this.record(ticket, decision, 'created', started, ledger);
  }

  /**
   * Into a given group: a functional escalation, or a ticket leaving its group's queue.
   * Null when the ticket leaves the queue and still nobody can take it (nothing is recorded).
   */
  async placeInGroup(
    ticket: TrackedTicket,
    groupId: string,
    trigger: Exclude<DecisionTrigger, 'created'>,
    ledger: RoutingLedger,
  ): Promise<Placement | null> {
    const snapshot = await this.configuration.current();
    const started = process.hrtime.bigint();
    const context = this.contextOf(snapshot, ticket.facts, EMPTY_LOADS, false);
    const source = trigger === 'escalation' ? 'escalation' : 'current';
    const decision = await this.withLoads(
      this.intoGroup(ticket.facts, groupId, source, context),
      ledger,
      snapshot,
      (loads) => this.intoGroup(ticket.facts, groupId, source, { ...context, loads }),
    );
    if (trigger === 'queue' && !decision.assigneeAgentId) return null;
    return this.record(ticket, decision, trigger, started, ledger);
  }

  private intoGroup(
    facts: TicketFacts,
    groupId: string,
    source: 'escalation' | 'current',
    context: RoutingContext,
  ): RoutingDecision {
    const group = context.groups.get(groupId);
    // A group routing does not manage (a name typed in): the rules decide, but the default group
    // does not replace the one the ticket came with.
    if (!group) return routeTicket(facts, { ...context, defaultGroupId: null });
    return rerouteToGroup(facts, group, context, source);
  }

  /** The agents' loads are read only for the group the decision chose, then it is made again with them. */
  private async withLoads(
    first: RoutingDecision,
    ledger: RoutingLedger,
    snapshot: RoutingSnapshot,
    decide: (loads: ReadonlyMap<string, AgentLoad>) => RoutingDecision,
  ): Promise<RoutingDecision> {
    const group = first.groupId ? snapshot.groups.get(first.groupId) : undefined;
    if (!group?.autoAssign) return first;
    const agents = snapshot.agentsByGroup.get(group.id) ?? [];
    if (agents.length === 0) return first;
    const byUser = await ledger.loadsOf(agents.map(({ userId }) => userId));
    const loads = new Map<string, AgentLoad>();
    for (const agent of agents) {
      const load = byUser.get(agent.userId);
      if (load) loads.set(agent.id, load);
    }
    return decide(loads);
  }

  private contextOf(
    snapshot: RoutingSnapshot,
    facts: TicketFacts,
    loads: ReadonlyMap<string, AgentLoad>,
    classify = true,
  ): RoutingContext {
    let classification: RoutingContext['classification'] = null;
    if (classify && snapshot.classifier) {
      const proposal = classifyTicket(
        snapshot.classifier.classifier,
        `${facts.title} ${facts.description}`,
      );
      if (proposal.category || proposal.group) {
        classification = {
          categoryId: proposal.category?.label ?? null,
          categoryConfidence: proposal.category?.confidence ?? 0,
          groupId:
            proposal.group && snapshot.groups.has(proposal.group.label)
              ? proposal.group.label
              : null,
          groupConfidence: proposal.group?.confidence ?? 0,
        };
      }
    }
    return {
      ruleSet: snapshot.ruleSet,
      groups: snapshot.groups,
      lines: snapshot.lines,
      agentsByGroup: snapshot.agentsByGroup,
      loads,
      categorySkills: snapshot.categorySkills,
      classification,
      classificationThreshold: snapshot.settings.classificationThreshold,
      defaultGroupId: snapshot.settings.defaultGroupId,
      now: this.clock.now(),
    };
  }

  private async record(
    ticket: TrackedTicket,
    decision: RoutingDecision,
    trigger: DecisionTrigger,
    started: bigint,
    ledger: RoutingLedger,
  ): Promise<Placement> {
    const decidedAt = this.clock.now();
    const stored: StoredDecision = {
      id: this.ids.newId(),
      ticketId: ticket.ticketId,
      ticketNumber: ticket.number,
      trigger,
      groupId: decision.groupId,
      agentId: decision.assigneeAgentId,
      assigneeId: decision.assigneeUserId,
      priority: decision.priority,
      categoryId: decision.categoryId,
      addTags: decision.addTags,
      queued: decision.queued,
      steps: decision.steps,
      decidedAt,
      durationUs: Number((process.hrtime.bigint() - started) / 1000n),
    };
    const placed: TrackedTicket = {
      ...ticket,
      facts: {
        ...ticket.facts,
        priority: decision.priority ?? ticket.facts.priority,
        categoryId: ticket.facts.categoryId ?? decision.categoryId,
        tags: [...new Set([...ticket.facts.tags, ...decision.addTags])],
      },
      groupId: decision.groupId ?? ticket.groupId,
      assigneeId: decision.groupId ? decision.assigneeUserId : ticket.assigneeId,
      queuedAt: decision.queued ? (ticket.queuedAt ?? decidedAt) : null,
    };
    await ledger.saveTicket(placed, decidedAt);
    await ledger.recordDecision(stored);
    return { decision: stored, ticket: placed };
  }
}
