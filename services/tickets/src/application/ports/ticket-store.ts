import type { TicketAccess, TicketVisibility } from '@itsm/auth';
import type { EventType } from '@itsm/contracts';
import type { ChangeApproval } from '../../domain/change-approval';
import type { Attachment } from '../../domain/ticket-attachment';
import type { TicketRelation } from '../../domain/ticket-relation';
import type { Priority, PriorityMatrix } from '../../domain/priority-matrix';
import type { Ticket, TicketStatus, TicketType } from '../../domain/ticket';
import type { CommentVisibility, TicketComment } from '../../domain/ticket-comment';
import type { FieldChanges, TicketAction } from '../../domain/ticket-lifecycle';
import type { SortKey, TicketOrder } from '../list-tickets/ticket-order';

export interface TicketHistoryEntry {
  ticketId: string;
  occurredAt: Date;
  actorId: string;
  action:
    | 'created'
    | 'first_response'
    | 'update'
    | 'approval_vote'
    | 'link'
    | 'unlink'
    | 'merge'
    | 'watch'
    | 'unwatch'
    | 'rate'
    | 'attach'
    /** Told by the routing service: why the ticket went to another line or its supervisor. */
    | 'escalated'
    | TicketAction;
  changes: FieldChanges;
}

export interface StoredHistoryEntry extends TicketHistoryEntry {
  id: string;
}

/** An idempotency key with the fingerprint of the request that first used it. */
export interface IdempotencyRecord {
  key: string;
  fingerprint: string;
}

export interface EmittedEvent<T> {
  key: string;
  subject: string;
  payload: T;
  occurredAt: Date;
}

/** What a use case may do inside one database transaction. */
export interface TicketTransaction {
  /** The next number in the type's sequence (gaps are possible after a rollback). */
  nextSequence(type: TicketType): Promise<number>;
  /** Inserts unless the requester already used this idempotency key. */
  insert(
    ticket: Ticket,
    idempotency: IdempotencyRecord | null,
  ): Promise<'inserted' | 'idempotency-key-taken'>;
  /**
   * Reads and locks the ticket until the transaction ends (no concurrent change in between);
   * a ticket outside the scope is not found, so nobody changes what they cannot see.
   */
  findForUpdate(id: string, scope: Scoped): Promise<Ticket | undefined>;
  /** Writes a changed ticket; `previousVersion` guards against lost updates. */
  update(ticket: Ticket, previousVersion: number): Promise<void>;
  /** Inserts unless the author already used this idempotency key on the ticket. */
  insertComment(
    comment: TicketComment,
    idempotencyKey: string | null,
  ): Promise<'inserted' | 'idempotency-key-taken'>;
  recordHistory(entry: TicketHistoryEntry): Promise<void>;
  insertApproval(approval: ChangeApproval): Promise<void>;
  /** Reads and locks an approval round until the transaction ends. */
  findApprovalForUpdate(id: string): Promise<ChangeApproval | undefined>;
  /** Writes a round's votes, outcome and decision time. */
  updateApproval(approval: ChangeApproval): Promise<void>;
  /** The relations of a ticket in both directions, oldest first. */
  relationsOf(ticketId: string): Promise<TicketRelation[]>;
  insertRelation(relation: TicketRelation): Promise<void>;
  /** Removes the relation if it touches the ticket; returns what was removed. */
  deleteRelation(ticketId: string, relationId: string): Promise<TicketRelation | undefined>;
  /** Gives every comment of one ticket to another; returns how many moved. */
  moveComments(fromTicketId: string, toTicketId: string): Promise<number>;
  /** The impact × urgency matrix in force. */
  priorityMatrix(): Promise<PriorityMatrix>;
  insertAttachment(attachment: Attachment): Promise<void>;
  /** The same file the same uploader attached before, for answering a retry. */
  findSameAttachment(
    ticketId: string,
    uploadedBy: string,
    sha256: string,
    fileName: string,
  ): Promise<Attachment | undefined>;
  /** Appends an event to the outbox; it is published if and only if the transaction commits. */
  emit<T>(eventType: EventType<T>, event: EmittedEvent<T>): Promise<void>;
}

/** Where a page ends: the sort key of its last ticket under the list's order. */
export interface StoredPriorityMatrix {
  matrix: PriorityMatrix;
  version: number;
  updatedAt: Date;
  updatedBy: string;
}

export interface TicketCursor {
  order: TicketOrder;
  key: SortKey;
}

/** What a list may be narrowed by; undefined means any. */
export interface TicketFilters {
  type: TicketType | undefined;
  status: TicketStatus | undefined;
  priority: Priority | undefined;
  requesterId: string | undefined;
  organizationId: string | undefined;
  assignmentGroupId: string | undefined;
  assigneeId: string | undefined;
  /** Words to find in title or description. */
  text: string | undefined;
  /** Tickets carrying every one of these tags; empty means any. */
  tags: string[];
  /** Only these tickets; empty means any. */
  ids: string[];
  serviceId: string | undefined;
  categoryId: string | undefined;
  /** Created at or after. */
  createdFrom: Date | undefined;
  /** Created strictly before. */
  createdTo: Date | undefined;
  /** Last changed at or after. */
  updatedFrom: Date | undefined;
  /** Last changed strictly before. */
  updatedTo: Date | undefined;
}

/**
 * Whose tickets a query may touch (a caller's `TicketAccess` is one). Every read of tickets and
 * of what hangs off them (history, comments, relations, attachments, approvals), and the lock
 * every write starts with, take one: an unscoped query does not compile.
 */
export interface Scoped {
  visibility: TicketVisibility;
}

export interface TicketListQuery extends TicketFilters, Scoped {
  order: TicketOrder;
  limit: number;
  /** Set for every page but the first; its order is the query's. */
  after: TicketCursor | undefined;
}

export interface TicketStore {
  transaction<T>(work: (transaction: TicketTransaction) => Promise<T>): Promise<T>;
  findById(id: string, scope: Scoped): Promise<Ticket | undefined>;
  findByIdempotencyKey(
    requesterId: string,
    idempotencyKey: string,
    /** `fingerprint` is null for tickets stored before fingerprints were kept. */
  ): Promise<{ ticket: Ticket; fingerprint: string | null } | undefined>;
  /** The ticket's audit trail, oldest first; empty for a ticket outside the scope. */
  history(ticketId: string, scope: Scoped): Promise<StoredHistoryEntry[]>;
  findCommentByIdempotencyKey(
    ticketId: string,
    authorId: string,
    idempotencyKey: string,
  ): Promise<TicketComment | undefined>;
  /** An approval round of a change within the scope. */
  findApproval(id: string, scope: Scoped): Promise<ChangeApproval | undefined>;
  /** The matrix in force with who set it and when. */
  storedPriorityMatrix(): Promise<StoredPriorityMatrix>;
  /** Replaces the matrix if it is still at `expectedVersion` (undefined: any); false if not. */
  replacePriorityMatrix(
    matrix: StoredPriorityMatrix,
    expectedVersion: number | undefined,
  ): Promise<boolean>;
  /**
   * The relations of a ticket in both directions, oldest first: those whose both ends are
   * within the scope (a relation names the other ticket's number).
   */
  relationsOf(ticketId: string, scope: Scoped): Promise<TicketRelation[]>;
  /** A ticket's attachments, oldest first; empty for a ticket outside the scope. */
  attachments(ticketId: string, scope: Scoped): Promise<Attachment[]>;
  findAttachment(
    ticketId: string,
    attachmentId: string,
    scope: Scoped,
  ): Promise<Attachment | undefined>;
  /**
   * The conversation, oldest first, of a ticket the access sees; internal notes only for those
   * who see them, and only one visibility when given.
   */
  comments(
    ticketId: string,
    access: TicketAccess,
    visibility: CommentVisibility | undefined,
  ): Promise<TicketComment[]>;
  /** Up to `limit` tickets in the query's order, strictly after the cursor. */
  list(query: TicketListQuery): Promise<Ticket[]>;
  /** Tickets per state under the filters (their `status` is ignored); states without tickets are absent. */
  countByStatus(filters: TicketFilters & Scoped): Promise<Partial<Record<TicketStatus, number>>>;
}

export const TICKET_STORE = Symbol('TicketStore');
