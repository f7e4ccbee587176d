import type {
  AgentLoad,
  ExplanationStep,
  TicketFacts,
  TicketPriority,
} from '../../domain/routing-model';

/** What routing keeps of a ticket from its events. */
export interface TrackedTicket {
  ticketId: string;
  number: string;
  facts: TicketFacts;
  groupId: string | null;
  /** The assignee's user id. */
  assigneeId: string | null;
  open: boolean;
  /** Set while the ticket waits in its group's queue. */
  queuedAt: Date | null;
}

export type DecisionTrigger = 'created' | 'queue' | 'escalation';

export interface StoredDecision {
  id: string;
  ticketId: string;
  ticketNumber: string;
  trigger: DecisionTrigger;
  groupId: string | null;
  agentId: string | null;
  assigneeId: string | null;
  priority: TicketPriority | null;
  categoryId: string | null;
  addTags: string[];
  queued: boolean;
  steps: ExplanationStep[];
  decidedAt: Date;
  durationUs: number;
}

export type EscalationKind = 'functional' | 'hierarchical';
export type EscalationTrigger = 'agent' | 'sla_warning' | 'sla_breach';

export interface StoredEscalation {
  id: string;
  ticketId: string;
  ticketNumber: string;
  kind: EscalationKind;
  trigger: EscalationTrigger;
  fromGroupId: string | null;
  toGroupId: string | null;
  assigneeId: string | null;
  supervisorId: string | null;
  reason: string;
  actorId: string | null;
  decisionId: string | null;
  idempotencyKey: string | null;
  occurredAt: Date;
}

export interface TrainingExample {
  id: string;
  title: string;
  description: string;
  categoryId: string | null;
  groupId: string | null;
}

/**
 * Routing's record of tickets, decisions and escalations, bound to one transaction: a decision,
 * the ticket's new place and the event that announces it commit together (outbox).
 */
export interface RoutingLedger {
  /** The ticket, locked until the transaction ends; undefined when routing never saw it. */
  ticket(ticketId: string): Promise<TrackedTicket | undefined>;
  saveTicket(ticket: TrackedTicket, at: Date): Promise<void>;
  /**
   * Open work of these users (agents' user ids), and when each was last given a ticket. Every
   * agent has an entry; a user routing never saw has none.
   */
  loadsOf(userIds: readonly string[]): Promise<Map<string, AgentLoad>>;
  /** Tickets waiting in the groups' queues, oldest first; skips those another replica holds. */
  queuedTickets(groupIds: readonly string[], limit: number): Promise<TrackedTicket[]>;
  /** Stores the decision and, when it names a group, publishes it; stamps the agent's last assignment. */
  recordDecision(decision: StoredDecision): Promise<void>;
  recordEscalation(escalation: StoredEscalation): Promise<void>;
  escalationByKey(idempotencyKey: string): Promise<StoredEscalation | undefined>;
  /** Whether the ticket was already escalated from this group by this trigger. */
  hasEscalated(
    ticketId: string,
    fromGroupId: string,
    trigger: EscalationTrigger,
    kind: EscalationKind,
  ): Promise<boolean>;
  decisions(ticketId: string): Promise<StoredDecision[]>;
  decision(id: string): Promise<StoredDecision | undefined>;
  escalations(ticketId: string): Promise<StoredEscalation[]>;
  saveTrainingExample(example: TrainingExample, resolvedAt: Date): Promise<void>;
}

/** Runs work in one transaction, or binds the ledger to a transaction someone else opened (the inbox's). */
export interface RoutingTransactions<Handle = unknown> {
  run<T>(work: (ledger: RoutingLedger) => Promise<T>): Promise<T>;
  on(handle: Handle): RoutingLedger;
  /** Outside any transaction, for reading. */
  reader(): RoutingLedger;
}

export const ROUTING_TRANSACTIONS = Symbol('RoutingTransactions');
