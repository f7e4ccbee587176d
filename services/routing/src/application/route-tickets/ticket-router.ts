import { classifyTicket } from '../../domain/ticket-classifier';
import {
  assignInGroup,
  candidatesOf,
  chooseGroup,
  givenGroup,
  type GroupChoice,
  type GroupChoiceContext,
  type RoutingDecision,
} from '../../domain/route-ticket';
import type { Agent, AgentLoad, TicketFacts } from '../../domain/routing-model';
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

/** Where the router takes the organisation from. */
export type RoutingSnapshots = Pick<RoutingConfiguration, 'current'>;

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
    private readonly configuration: RoutingSnapshots,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** A new ticket: classification, rules, then an agent of the chosen group. */
  async routeNew(ticket: TrackedTicket, ledger: RoutingLedger): Promise<Placement> {
    const snapshot = await this.configuration.current();
    const started = process.hrtime.bigint();
    const context = this.choiceContext(snapshot, ticket.facts, true);
    const choice = ticket.groupId
      ? this.intoGroup(ticket.facts, ticket.groupId, 'current', context)
      : chooseGroup(ticket.facts, context);
    const decision = await this.assign(choice, snapshot, ledger);
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
    const context = this.choiceContext(snapshot, ticket.facts, false);
    const source = trigger === 'escalation' ? 'escalation' : 'current';
    const choice = this.intoGroup(ticket.facts, groupId, source, context);
    const decision = await this.assign(choice, snapshot, ledger);
    if (trigger === 'queue' && !decision.assigneeAgentId) return null;
    return this.record(ticket, decision, trigger, started, ledger);
  }

  private intoGroup(
    facts: TicketFacts,
    groupId: string,
    source: 'escalation' | 'current',
    context: GroupChoiceContext,
  ): GroupChoice {
    const group = context.groups.get(groupId);
    // A group routing does not manage (a name typed in): the rules decide, but the default group
    // does not replace the one the ticket came with.
    if (!group) return chooseGroup(facts, { ...context, defaultGroupId: null });
    return givenGroup(facts, group, source);
  }

  /** Completes the decision with the loads of the chosen group's agents, read only when needed. */
  private async assign(
    choice: GroupChoice,
    snapshot: RoutingSnapshot,
    ledger: RoutingLedger,
  ): Promise<RoutingDecision> {
    const candidates = candidatesOf(choice, snapshot.agentsByGroup);
    const loads = candidates.length === 0 ? EMPTY_LOADS : await this.loadsOf(candidates, ledger);
    return assignInGroup(choice, {
      agentsByGroup: snapshot.agentsByGroup,
      loads,
      categorySkills: snapshot.categorySkills,
      now: this.clock.now(),
    });
  }

  /** By agent id, as selection reads them; the ledger keeps them by user id. */
  private async loadsOf(
    agents: readonly Agent[],
    ledger: RoutingLedger,
  ): Promise<ReadonlyMap<string, AgentLoad>> {
    const byUser = await ledger.loadsOf(agents.map(({ userId }) => userId));
    const loads = new Map<string, AgentLoad>();
    for (const agent of agents) {
      const load = byUser.get(agent.userId);
      if (load) loads.set(agent.id, load);
    }
    return loads;
  }

  private choiceContext(
    snapshot: RoutingSnapshot,
    facts: TicketFacts,
    classify: boolean,
  ): GroupChoiceContext {
    let classification: GroupChoiceContext['classification'] = null;
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
      classification,
      classificationThreshold: snapshot.settings.classificationThreshold,
      defaultGroupId: snapshot.settings.defaultGroupId,
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
