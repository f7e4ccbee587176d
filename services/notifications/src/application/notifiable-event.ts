/** What notifications need of a ticket; the newest version an event carried wins. */
export interface TicketFacts {
  id: string;
  number: string;
  /** incident, service_request, problem, change. */
  type: string;
  title: string;
  description: string;
  /** new, assigned, in_progress, pending, resolved, closed, cancelled. */
  status: string;
  /** critical, high, moderate, low, planning. */
  priority: string;
  requesterId: string | null;
  assigneeId: string | null;
  groupId: string | null;
  watcherIds: string[];
  version: number;
}

/** One event of any domain, reduced to what triggers, templates and webhooks use. */
export interface NotifiableEvent {
  id: string;
  /** CloudEvents type, e.g. itsm.tickets.v1.ticket.created. */
  type: string;
  source: string;
  subject: string | null;
  occurredAt: Date;
  /** The ticket after the change, when the event carries it. */
  ticket: TicketFacts | null;
  /** The ticket the event is about when it carries only its id (SLA, routing). */
  ticketId: string | null;
  actorId: string | null;
  comment: { visibility: 'public' | 'internal'; body: string; authorId: string } | null;
  sla: { target: string; dueAt: Date | null; threshold: number } | null;
  approverIds: string[];
  /** The group the event puts the ticket in, before the ticket's own events say so. */
  groupId: string | null;
  /** A routing decision that named an agent: the group's queue is not told about it. */
  routedToAgent: boolean;
  /** The event's data as webhooks receive it (the CloudEvent's JSON payload). */
  data: unknown;
}
