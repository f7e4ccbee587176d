import type { DataSource, EntityManager } from 'typeorm';
import { TicketEscalated, TicketRouted } from '@itsm/contracts';
import type { OutboxWriter } from '@itsm/messaging';
import type {
  EscalationKind,
  EscalationTrigger,
  RoutingLedger,
  RoutingTransactions,
  StoredDecision,
  StoredEscalation,
  TrackedTicket,
  TrainingExample,
} from '../application/ports/routing-ledger';
import { weightOf } from '../domain/agent-selection';
import type { AgentLoad, TicketFacts } from '../domain/routing-model';
import { toDecisionMessage, toEscalationMessage } from '../interface/decision-message.mapper';
import { type PreparedStatement, runPrepared } from './prepared-statement';

interface TicketRow {
  ticket_id: string;
  ticket_number: string;
  facts: TicketFacts;
  group_id: string | null;
  assignee_id: string | null;
  open: boolean;
  queued_at: Date | null;
}

interface DecisionRow {
  id: string;
  ticket_id: string;
  ticket_number: string;
  trigger: StoredDecision['trigger'];
  group_id: string | null;
  agent_id: string | null;
  assignee_id: string | null;
  priority: StoredDecision['priority'];
  category_id: string | null;
  add_tags: string[];
  queued: boolean;
  steps: StoredDecision['steps'];
  decided_at: Date;
  duration_us: string;
}

interface EscalationRow {
  id: string;
  ticket_id: string;
  ticket_number: string;
  kind: EscalationKind;
  trigger: EscalationTrigger;
  from_group_id: string | null;
  to_group_id: string | null;
  assignee_id: string | null;
  supervisor_id: string | null;
  reason: string;
  actor_id: string | null;
  decision_id: string | null;
  idempotency_key: string | null;
  occurred_at: Date;
}

const toTicket = (row: TicketRow): TrackedTicket => ({
  ticketId: row.ticket_id,
  number: row.ticket_number,
  facts: row.facts,
  groupId: row.group_id,
  assigneeId: row.assignee_id,
  open: row.open,
  queuedAt: row.queued_at,
});

const toDecision = (row: DecisionRow): StoredDecision => ({
  id: row.id,
  ticketId: row.ticket_id,
  ticketNumber: row.ticket_number,
  trigger: row.trigger,
  groupId: row.group_id,
  agentId: row.agent_id,
  assigneeId: row.assignee_id,
  priority: row.priority,
  categoryId: row.category_id,
  addTags: row.add_tags,
  queued: row.queued,
  steps: row.steps,
  decidedAt: row.decided_at,
  durationUs: Number(row.duration_us),
});

const toEscalation = (row: EscalationRow): StoredEscalation => ({
  id: row.id,
  ticketId: row.ticket_id,
  ticketNumber: row.ticket_number,
  kind: row.kind,
  trigger: row.trigger,
  fromGroupId: row.from_group_id,
  toGroupId: row.to_group_id,
  assigneeId: row.assignee_id,
  supervisorId: row.supervisor_id,
  reason: row.reason,
  actorId: row.actor_id,
  decisionId: row.decision_id,
  idempotencyKey: row.idempotency_key,
  occurredAt: row.occurred_at,
});

/**
 * Every decision reads the loads of one group's agents (about a hundred among all agents). Joined
 * plainly, the planner hashes the whole of agent_loads, a sequential scan of every agent's row per
 * decision (milliseconds at 10,000 agents); the lateral subquery, kept apart by OFFSET 0, is one
 * primary-key lookup per user whatever the size of the table. Prepared: planned once per connection.
 */
const LOADS_OF_USERS: PreparedStatement = {
  name: 'routing.loads-of-users',
  text: `SELECT u.user_id, l.open_tickets, l.weighted_load, l.last_assigned_at
           FROM unnest($1::text[]) AS u (user_id)
          CROSS JOIN LATERAL (
            SELECT open_tickets, weighted_load, last_assigned_at
              FROM agent_loads WHERE user_id = u.user_id OFFSET 0
          ) l`,
};

interface LoadRow {
  user_id: string;
  open_tickets: number;
  weighted_load: number;
  last_assigned_at: Date | null;
}

/** The open work a tracked ticket puts on its assignee. */
interface WorkHeld {
  assignee_id: string | null;
  weight: number;
  open: boolean;
}

/** What a ticket's change does to its old and new assignee's loads. */
export function loadChanges(
  before: WorkHeld | null,
  after: WorkHeld,
): Map<string, { tickets: number; weight: number }> {
  const changes = new Map<string, { tickets: number; weight: number }>();
  const add = (work: WorkHeld | null, sign: 1 | -1) => {
    if (!work?.open || !work.assignee_id) return;
    const change = changes.get(work.assignee_id) ?? { tickets: 0, weight: 0 };
    change.tickets += sign;
    change.weight += sign * work.weight;
    changes.set(work.assignee_id, change);
  };
  add(before, -1);
  add(after, 1);
  return changes;
}

/** The ledger on one transaction's connection. */
class SqlRoutingLedger implements RoutingLedger {
  constructor(
    private readonly manager: EntityManager,
    private readonly outbox: OutboxWriter,
    /** Whether rows are locked: only inside a transaction. */
    private readonly locking: boolean,
  ) {}

  async ticket(ticketId: string): Promise<TrackedTicket | undefined> {
    const rows: TicketRow[] = await this.manager.query(
      `SELECT * FROM routed_tickets WHERE ticket_id = $1${this.locking ? ' FOR UPDATE' : ''}`,
      [ticketId],
    );
    return rows[0] && toTicket(rows[0]);
  }

  async saveTicket(ticket: TrackedTicket, at: Date): Promise<void> {
    // `before` reads the row as it was when the statement began, the upsert writes the new one:
    // the difference moves the agents' loads in the same transaction.
    const rows: Array<{ before: WorkHeld | null; after: WorkHeld }> = await this.manager.query(
      `WITH before AS (
         SELECT assignee_id, weight, open FROM routed_tickets WHERE ticket_id = $1
       ), after AS (
         INSERT INTO routed_tickets (ticket_id, ticket_number, facts, group_id, assignee_id, weight, open, queued_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (ticket_id) DO UPDATE SET ticket_number = EXCLUDED.ticket_number, facts = EXCLUDED.facts,
           group_id = EXCLUDED.group_id, assignee_id = EXCLUDED.assignee_id, weight = EXCLUDED.weight,
           open = EXCLUDED.open, queued_at = EXCLUDED.queued_at, updated_at = EXCLUDED.updated_at
         RETURNING assignee_id, weight, open
       )
       SELECT (SELECT row_to_json(before) FROM before) AS before, (SELECT row_to_json(after) FROM after) AS after`,
      [
        ticket.ticketId,
        ticket.number,
        JSON.stringify(ticket.facts),
        ticket.groupId,
        ticket.assigneeId,
        weightOf(ticket.facts.priority),
        ticket.open,
        ticket.queuedAt,
        at,
      ],
    );
    const row = rows[0];
    if (row) await this.moveLoad(loadChanges(row.before, row.after));
  }

  /** Applies load changes in user-id order, so two transactions never wait on each other in a cycle. */
  private async moveLoad(
    changes: ReadonlyMap<string, { tickets: number; weight: number }>,
  ): Promise<void> {
    for (const userId of [...changes.keys()].sort()) {
      const change = changes.get(userId);
      if (!change || (change.tickets === 0 && change.weight === 0)) continue;
      await this.manager.query(
        `INSERT INTO agent_loads (user_id, open_tickets, weighted_load) VALUES ($1, GREATEST($2, 0), GREATEST($3, 0))
         ON CONFLICT (user_id) DO UPDATE SET
           open_tickets = GREATEST(agent_loads.open_tickets + $2, 0),
           weighted_load = GREATEST(agent_loads.weighted_load + $3, 0)`,
        [userId, change.tickets, change.weight],
      );
    }
  }

  async loadsOf(userIds: readonly string[]): Promise<Map<string, AgentLoad>> {
    if (userIds.length === 0) return new Map();
    const rows = await runPrepared<LoadRow>(this.manager, LOADS_OF_USERS, [userIds]);
    return new Map(
      rows.map((row) => [
        row.user_id,
        {
          openTickets: row.open_tickets,
          weightedLoad: row.weighted_load,
          lastAssignedAt: row.last_assigned_at,
        },
      ]),
    );
  }

  async queuedTickets(groupIds: readonly string[], limit: number): Promise<TrackedTicket[]> {
    if (groupIds.length === 0) return [];
    const rows: TicketRow[] = await this.manager.query(
      `SELECT * FROM routed_tickets WHERE group_id = ANY($1::text[]) AND queued_at IS NOT NULL
        ORDER BY queued_at, ticket_id LIMIT $2${this.locking ? ' FOR UPDATE SKIP LOCKED' : ''}`,
      [groupIds, limit],
    );
    return rows.map(toTicket);
  }

  async recordDecision(decision: StoredDecision): Promise<void> {
    await this.manager.query(
      `INSERT INTO routing_decisions (id, ticket_id, ticket_number, trigger, group_id, agent_id, assignee_id,
         priority, category_id, add_tags, queued, steps, decided_at, duration_us)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        decision.id,
        decision.ticketId,
        decision.ticketNumber,
        decision.trigger,
        decision.groupId,
        decision.agentId,
        decision.assigneeId,
        decision.priority,
        decision.categoryId,
        decision.addTags,
        decision.queued,
        JSON.stringify(decision.steps),
        decision.decidedAt,
        decision.durationUs,
      ],
    );
    if (decision.agentId && decision.assigneeId) {
      await this.manager.query(
        `INSERT INTO agent_loads (user_id, open_tickets, weighted_load, last_assigned_at) VALUES ($1, 0, 0, $2)
         ON CONFLICT (user_id) DO UPDATE SET last_assigned_at = EXCLUDED.last_assigned_at`,
        [decision.assigneeId, decision.decidedAt],
      );
    }
    if (decision.groupId) {
      await this.outbox.append(this.manager, TicketRouted, {
        key: decision.ticketId,
        subject: decision.ticketNumber,
        payload: { decision: toDecisionMessage(decision) },
        occurredAt: decision.decidedAt,
      });
    }
  }

  async recordEscalation(escalation: StoredEscalation): Promise<void> {
    await this.manager.query(
      `INSERT INTO escalations (id, ticket_id, ticket_number, kind, trigger, from_group_id, to_group_id,
         assignee_id, supervisor_id, reason, actor_id, decision_id, idempotency_key, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        escalation.id,
        escalation.ticketId,
        escalation.ticketNumber,
        escalation.kind,
        escalation.trigger,
        escalation.fromGroupId,
        escalation.toGroupId,
        escalation.assigneeId,
        escalation.supervisorId,
        escalation.reason,
        escalation.actorId,
        escalation.decisionId,
        escalation.idempotencyKey,
        escalation.occurredAt,
      ],
    );
    await this.outbox.append(this.manager, TicketEscalated, {
      key: escalation.ticketId,
      subject: escalation.ticketNumber,
      payload: { escalation: toEscalationMessage(escalation) },
      occurredAt: escalation.occurredAt,
    });
  }

  async escalationByKey(idempotencyKey: string): Promise<StoredEscalation | undefined> {
    const rows: EscalationRow[] = await this.manager.query(
      'SELECT * FROM escalations WHERE idempotency_key = $1',
      [idempotencyKey],
    );
    return rows[0] && toEscalation(rows[0]);
  }

  async hasEscalated(
    ticketId: string,
    fromGroupId: string,
    trigger: EscalationTrigger,
    kind: EscalationKind,
  ): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `SELECT 1 FROM escalations WHERE ticket_id = $1 AND from_group_id = $2 AND trigger = $3 AND kind = $4 LIMIT 1`,
      [ticketId, fromGroupId, trigger, kind],
    );
    return rows.length > 0;
  }

  async decisions(ticketId: string): Promise<StoredDecision[]> {
    const rows: DecisionRow[] = await this.manager.query(
      'SELECT * FROM routing_decisions WHERE ticket_id = $1 ORDER BY decided_at, id',
      [ticketId],
    );
    return rows.map(toDecision);
  }

  async decision(id: string): Promise<StoredDecision | undefined> {
    const rows: DecisionRow[] = await this.manager.query(
      'SELECT * FROM routing_decisions WHERE id = $1',
      [id],
    );
    return rows[0] && toDecision(rows[0]);
  }

  async escalations(ticketId: string): Promise<StoredEscalation[]> {
    const rows: EscalationRow[] = await this.manager.query(
      'SELECT * FROM escalations WHERE ticket_id = $1 ORDER BY occurred_at, id',
      [ticketId],
    );
    return rows.map(toEscalation);
  }

  async saveTrainingExample(example: TrainingExample, resolvedAt: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO training_examples (ticket_id, title, description, category_id, group_id, resolved_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (ticket_id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
         category_id = EXCLUDED.category_id, group_id = EXCLUDED.group_id, resolved_at = EXCLUDED.resolved_at`,
      [
        example.id,
        example.title,
        example.description,
        example.categoryId,
        example.groupId,
        resolvedAt,
      ],
    );
  }
}

/** Transactions over routing's tables; events go to the outbox in the same transaction. */
export class SqlRoutingTransactions implements RoutingTransactions<EntityManager> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  run<T>(work: (ledger: RoutingLedger) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(this.on(manager)));
  }

  on(manager: EntityManager): RoutingLedger {
    return new SqlRoutingLedger(manager, this.outbox, true);
  }

  reader(): RoutingLedger {
    return new SqlRoutingLedger(this.dataSource.manager, this.outbox, false);
  }
}
