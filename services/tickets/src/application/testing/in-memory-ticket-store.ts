import { canSeeTicket, type TicketAccess } from '@itsm/auth';
import { DEFAULT_PRIORITY_MATRIX } from '../../domain/priority-matrix';
import type { EventType } from '@itsm/contracts';
import type { ChangeApproval } from '../../domain/change-approval';
import type { Attachment } from '../../domain/ticket-attachment';
import type { TicketRelation } from '../../domain/ticket-relation';
import type { Ticket, TicketStatus, TicketType } from '../../domain/ticket';
import type { CommentVisibility, TicketComment } from '../../domain/ticket-comment';
import type {
  EmittedEvent,
  Scoped,
  StoredHistoryEntry,
  TicketHistoryEntry,
  TicketFilters,
  StoredPriorityMatrix,
  TicketListQuery,
  TicketStore,
  TicketTransaction,
} from '../ports/ticket-store';
import {
  compareSortKeys,
  compareTickets,
  isDescending,
  orderField,
  sortKeyOf,
} from '../list-tickets/ticket-order';

interface StoredEvent {
  type: string;
  event: EmittedEvent<unknown>;
}

interface StoredTicket {
  ticket: Ticket;
  /** A null fingerprint stands for a ticket stored before fingerprints were kept. */
  idempotency: { key: string; fingerprint: string | null } | null;
}

/** A TicketStore in memory with all-or-nothing transactions, for use-case tests. */
export class InMemoryTicketStore implements TicketStore {
  tickets: StoredTicket[] = [];
  historyEntries: TicketHistoryEntry[] = [];
  events: StoredEvent[] = [];
  commentRows: { comment: TicketComment; idempotencyKey: string | null }[] = [];
  approvals: ChangeApproval[] = [];
  relations: TicketRelation[] = [];
  attachmentRows: Attachment[] = [];
  matrix: StoredPriorityMatrix = {
    matrix: DEFAULT_PRIORITY_MATRIX,
    version: 1,
    updatedAt: new Date(0),
    updatedBy: 'system',
  };
  private sequences: Record<TicketType, number> = {
    incident: 0,
    service_request: 0,
    problem: 0,
    change: 0,
  };

  async transaction<T>(work: (transaction: TicketTransaction) => Promise<T>): Promise<T> {
    const pending = {
      tickets: [...this.tickets],
      historyEntries: [...this.historyEntries],
      events: [...this.events],
      commentRows: [...this.commentRows],
      approvals: [...this.approvals],
      relations: [...this.relations],
      attachmentRows: [...this.attachmentRows],
    };
    const transaction: TicketTransaction = {
      nextSequence: async (type) => (this.sequences[type] += 1),
      insert: async (ticket, idempotency) => {
        const taken = pending.tickets.some(
          (row) =>
            idempotency !== null &&
            row.idempotency?.key === idempotency.key &&
            row.ticket.requesterId === ticket.requesterId,
        );
        if (taken) return 'idempotency-key-taken';
        pending.tickets.push({ ticket, idempotency });
        return 'inserted';
      },
      findForUpdate: async (id, scope) =>
        visibleIn(
          scope,
          pending.tickets.find(({ ticket }) => ticket.id === id),
        ),
      update: async (ticket, previousVersion) => {
        const index = pending.tickets.findIndex(
          (row) => row.ticket.id === ticket.id && row.ticket.version === previousVersion,
        );
        const row = pending.tickets[index];
        if (!row) throw new Error(`ticket ${ticket.id} was not at version ${previousVersion}`);
        pending.tickets[index] = { ...row, ticket };
      },
      insertComment: async (comment, idempotencyKey) => {
        const taken = pending.commentRows.some(
          (row) =>
            idempotencyKey !== null &&
            row.idempotencyKey === idempotencyKey &&
            row.comment.ticketId === comment.ticketId &&
            row.comment.authorId === comment.authorId,
        );
        if (taken) return 'idempotency-key-taken';
        pending.commentRows.push({ comment, idempotencyKey });
        return 'inserted';
      },
      recordHistory: async (entry) => {
        pending.historyEntries.push(entry);
      },
      insertApproval: async (approval) => {
        pending.approvals.push(approval);
      },
      findApprovalForUpdate: async (id) => pending.approvals.find((round) => round.id === id),
      relationsOf: async (ticketId) => relationsOf(pending.relations, ticketId),
      insertRelation: async (relation) => {
        pending.relations.push(relation);
      },
      deleteRelation: async (ticketId, relationId) => {
        const removed = relationsOf(pending.relations, ticketId).find(
          (relation) => relation.id === relationId,
        );
        pending.relations = pending.relations.filter((relation) => relation !== removed);
        return removed;
      },
      priorityMatrix: async () => this.matrix.matrix,
      insertAttachment: async (attachment) => {
        pending.attachmentRows.push(attachment);
      },
      findSameAttachment: async (ticketId, uploadedBy, sha256, fileName) =>
        pending.attachmentRows.find(
          (row) =>
            row.ticketId === ticketId &&
            row.uploadedBy === uploadedBy &&
            row.sha256 === sha256 &&
            row.fileName === fileName,
        ),
      moveComments: async (fromTicketId, toTicketId) => {
        const moving = pending.commentRows.filter(
          ({ comment }) => comment.ticketId === fromTicketId,
        );
        pending.commentRows = pending.commentRows.map((row) =>
          row.comment.ticketId === fromTicketId
            ? { ...row, comment: { ...row.comment, ticketId: toTicketId } }
            : row,
        );
        return moving.length;
      },
      updateApproval: async (approval) => {
        pending.approvals = pending.approvals.map((round) =>
          round.id === approval.id ? approval : round,
        );
      },
      emit: async <E>(eventType: EventType<E>, event: EmittedEvent<E>) => {
        pending.events.push({ type: eventType.type, event: event as EmittedEvent<unknown> });
      },
    };
    const result = await work(transaction);
    Object.assign(this, pending);
    return result;
  }

  async findById(id: string, scope: Scoped): Promise<Ticket | undefined> {
    return this.sees(scope, id) ? this.stored(id) : undefined;
  }

  /** The ticket as stored, whoever may see it: for a test's assertions. */
  stored(id: string): Ticket | undefined {
    return this.tickets.find(({ ticket }) => ticket.id === id)?.ticket;
  }

  private sees(scope: Scoped, ticketId: string): boolean {
    const ticket = this.stored(ticketId);
    return ticket !== undefined && canSeeTicket(scope.visibility, ticket);
  }

  async findByIdempotencyKey(requesterId: string, key: string) {
    const row = this.tickets.find(
      (stored) => stored.idempotency?.key === key && stored.ticket.requesterId === requesterId,
    );
    return row?.idempotency
      ? { ticket: row.ticket, fingerprint: row.idempotency.fingerprint }
      : undefined;
  }

  async attachments(ticketId: string, scope: Scoped): Promise<Attachment[]> {
    if (!this.sees(scope, ticketId)) return [];
    return this.attachmentRows.filter((row) => row.ticketId === ticketId);
  }

  async findAttachment(
    ticketId: string,
    attachmentId: string,
    scope: Scoped,
  ): Promise<Attachment | undefined> {
    if (!this.sees(scope, ticketId)) return undefined;
    return this.attachmentRows.find((row) => row.ticketId === ticketId && row.id === attachmentId);
  }

  async storedPriorityMatrix(): Promise<StoredPriorityMatrix> {
    return this.matrix;
  }

  async replacePriorityMatrix(
    matrix: StoredPriorityMatrix,
    expectedVersion: number | undefined,
  ): Promise<boolean> {
    if (expectedVersion !== undefined && expectedVersion !== this.matrix.version) return false;
    this.matrix = matrix;
    return true;
  }

  async relationsOf(ticketId: string, scope: Scoped): Promise<TicketRelation[]> {
    return relationsOf(this.relations, ticketId).filter(
      (relation) => this.sees(scope, relation.sourceId) && this.sees(scope, relation.targetId),
    );
  }

  async findApproval(id: string, scope: Scoped): Promise<ChangeApproval | undefined> {
    const round = this.approvals.find((known) => known.id === id);
    return round && this.sees(scope, round.changeId) ? round : undefined;
  }

  async history(ticketId: string, scope: Scoped): Promise<StoredHistoryEntry[]> {
    if (!this.sees(scope, ticketId)) return [];
    return this.historyEntries
      .map((entry, index) => ({ ...entry, id: String(index + 1) }))
      .filter((entry) => entry.ticketId === ticketId);
  }

  async findCommentByIdempotencyKey(ticketId: string, authorId: string, key: string) {
    return this.commentRows.find(
      ({ comment, idempotencyKey }) =>
        idempotencyKey === key && comment.ticketId === ticketId && comment.authorId === authorId,
    )?.comment;
  }

  async comments(
    ticketId: string,
    access: TicketAccess,
    visibility: CommentVisibility | undefined,
  ): Promise<TicketComment[]> {
    if (!this.sees(access, ticketId)) return [];
    return this.commentRows
      .map(({ comment }) => comment)
      .filter(
        (comment) =>
          comment.ticketId === ticketId &&
          (access.seesInternalNotes || comment.visibility === 'public') &&
          (!visibility || comment.visibility === visibility),
      );
  }

  async list(query: TicketListQuery): Promise<Ticket[]> {
    const field = orderField(query.order);
    const sign = isDescending(query.order) ? -1 : 1;
    const after = query.after;
    return this.matching(query)
      .sort(compareTickets(query.order))
      .filter((ticket) => !after || sign * compareSortKeys(sortKeyOf(ticket, field), after.key) > 0)
      .slice(0, query.limit);
  }

  async countByStatus(
    filters: TicketFilters & Scoped,
  ): Promise<Partial<Record<TicketStatus, number>>> {
    const counts: Partial<Record<TicketStatus, number>> = {};
    for (const ticket of this.matching({ ...filters, status: undefined })) {
      counts[ticket.status] = (counts[ticket.status] ?? 0) + 1;
    }
    return counts;
  }

  private matching(filters: TicketFilters & Scoped): Ticket[] {
    return this.tickets
      .map(({ ticket }) => ticket)
      .filter((ticket) => canSeeTicket(filters.visibility, ticket))
      .filter((ticket) => !filters.type || ticket.type === filters.type)
      .filter((ticket) => !filters.status || ticket.status === filters.status)
      .filter((ticket) => !filters.priority || ticket.priority === filters.priority)
      .filter((ticket) => !filters.requesterId || ticket.requesterId === filters.requesterId)
      .filter(
        (ticket) => !filters.organizationId || ticket.organizationId === filters.organizationId,
      )
      .filter(
        (ticket) =>
          !filters.assignmentGroupId || ticket.assignmentGroupId === filters.assignmentGroupId,
      )
      .filter((ticket) => !filters.assigneeId || ticket.assigneeId === filters.assigneeId)
      .filter((ticket) => filters.tags.every((tag) => ticket.tags.includes(tag)))
      .filter((ticket) => filters.ids.length === 0 || filters.ids.includes(ticket.id))
      .filter((ticket) => !filters.serviceId || ticket.serviceId === filters.serviceId)
      .filter((ticket) => !filters.categoryId || ticket.categoryId === filters.categoryId)
      .filter((ticket) => within(ticket.createdAt, filters.createdFrom, filters.createdTo))
      .filter((ticket) => within(ticket.updatedAt, filters.updatedFrom, filters.updatedTo))
      .filter(
        (ticket) =>
          !filters.text ||
          `${ticket.title} ${ticket.description}`
            .toLowerCase()
            .includes(filters.text.toLowerCase()),
      );
  }
}

/** Filters that let every ticket through; spread and override one field in a test. */
export const NO_FILTERS: TicketFilters = {
  type: undefined,
  status: undefined,
  priority: undefined,
  requesterId: undefined,
  organizationId: undefined,
  assignmentGroupId: undefined,
  assigneeId: undefined,
  text: undefined,
  tags: [],
  ids: [],
  serviceId: undefined,
  categoryId: undefined,
  createdFrom: undefined,
  createdTo: undefined,
  updatedFrom: undefined,
  updatedTo: undefined,
};

function visibleIn(scope: Scoped, row: StoredTicket | undefined): Ticket | undefined {
  return row && canSeeTicket(scope.visibility, row.ticket) ? row.ticket : undefined;
}

function relationsOf(relations: TicketRelation[], ticketId: string): TicketRelation[] {
  return relations.filter(
    (relation) => relation.sourceId === ticketId || relation.targetId === ticketId,
  );
}

function within(time: Date, from: Date | undefined, to: Date | undefined): boolean {
  return (!from || time >= from) && (!to || time < to);
}

/** Deterministic clock and ids for tests. */
export function steppingClock(start: Date, stepMs = 1000) {
  let next = start.getTime();
  return { now: () => new Date((next += stepMs) - stepMs) };
}

export function sequentialIds() {
  let next = 0;
  return { newId: () => `00000000-0000-7000-8000-${String((next += 1)).padStart(12, '0')}` };
}
