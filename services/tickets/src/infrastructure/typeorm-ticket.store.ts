import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { TicketAccess, TicketVisibility } from '@itsm/auth';
import type { EventType } from '@itsm/contracts';
import type { OutboxWriter } from '@itsm/messaging';
import type { Ticket, TicketStatus, TicketType } from '../domain/ticket';
import type { CommentVisibility, TicketComment } from '../domain/ticket-comment';
import type {
  EmittedEvent,
  Scoped,
  StoredHistoryEntry,
  StoredPriorityMatrix,
  TicketCursor,
  TicketFilters,
  TicketListQuery,
  TicketStore,
  TicketTransaction,
} from '../application/ports/ticket-store';
import { TicketEntity } from './ticket.entity';
import type { TicketHistoryEntity } from './ticket-history.entity';
import { TicketCommentEntity } from './ticket-comment.entity';
import { toComment, toTicket, toTicketRow } from './ticket-row.mapper';
import { ChangeApprovalEntity } from './change-approval.entity';
import { toApproval, toApprovalRow } from './change-approval-row.mapper';
import type { ChangeApproval } from '../domain/change-approval';
import { DEFAULT_PRIORITY_MATRIX, validatePriorityMatrix } from '../domain/priority-matrix';
import type { TicketRelation } from '../domain/ticket-relation';
import type { Attachment } from '../domain/ticket-attachment';
import { ATTACHMENT_COLUMNS, type AttachmentRow, toAttachment } from './attachment-row.mapper';
import {
  RELATION_COLUMNS,
  relationValues,
  type TicketRelationRow,
  toRelation,
} from './ticket-relation-row.mapper';
import {
  isDescending,
  type OrderField,
  orderField,
  SORT_KEY_SHAPE,
  type TicketOrder,
} from '../application/list-tickets/ticket-order';
import { isUuid } from '../domain/identifiers';
import {
  namedBind,
  positionalBind,
  visibleTicketCondition,
  visibleTicketExists,
} from './ticket-visibility.sql';

const SEQUENCE_OF: Record<TicketType, string> = {
  incident: 'ticket_number_incident_seq',
  service_request: 'ticket_number_service_request_seq',
  problem: 'ticket_number_problem_seq',
  change: 'ticket_number_change_seq',
};

/** The columns written on insert with their values: one list, so the two cannot drift apart. */
function insertedColumns(row: TicketEntity): [column: string, value: unknown][] {
  return [
    ['id', row.id],
    ['number', row.number],
    ['type', row.type],
    ['title', row.title],
    ['description', row.description],
    ['status', row.status],
    ['impact', row.impact],
    ['urgency', row.urgency],
    ['priority', row.priority],
    ['channel', row.channel],
    ['requester_id', row.requesterId],
    ['organization_id', row.organizationId],
    ['assignment_group_id', row.assignmentGroupId],
    ['assignee_id', row.assigneeId],
    ['pending_reason', row.pendingReason],
    ['resolution_code', row.resolutionCode],
    ['resolution_notes', row.resolutionNotes],
    ['idempotency_key', row.idempotencyKey],
    ['idempotency_fingerprint', row.idempotencyFingerprint],
    ['created_at', row.createdAt],
    ['updated_at', row.updatedAt],
    ['resolved_at', row.resolvedAt],
    ['closed_at', row.closedAt],
    ['first_responded_at', row.firstRespondedAt],
    ['priority_reason', row.priorityReason],
    ['version', row.version],
    ['root_cause', row.rootCause],
    ['workaround', row.workaround],
    ['known_error_at', row.knownErrorAt],
    ['change_kind', row.changeKind],
    ['risk', row.risk],
    ['backout_plan', row.backoutPlan],
    ['planned_start', row.plannedStart],
    ['planned_end', row.plannedEnd],
    ['approval_id', row.approvalId],
    ['implementation_started_at', row.implementationStartedAt],
    ['implementation_outcome', row.implementationOutcome],
    ['implementation_notes', row.implementationNotes],
    ['completed_at', row.completedAt],
    ['configuration_item_ids', row.configurationItemIds],
    ['tags', row.tags],
    ['watcher_ids', row.watcherIds],
    ['satisfaction_rating', row.satisfactionRating],
    ['satisfaction_comment', row.satisfactionComment],
    ['rated_at', row.ratedAt],
    ['service_id', row.serviceId],
    ['category_id', row.categoryId],
    ['catalog_item_id', row.catalogItemId],
    ['custom_fields', JSON.stringify(row.customFields)],
    ['reported_at', row.reportedAt],
  ];
}

function insertStatement(row: TicketEntity): { sql: string; values: unknown[] } {
  const columns = insertedColumns(row);
  return {
    sql: `INSERT INTO tickets (${columns.map(([column]) => column).join(', ')})
      VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')})
      ON CONFLICT (requester_id, idempotency_key) DO NOTHING
      RETURNING id`,
    values: columns.map(([, value]) => value),
  };
}

export interface TicketStoreOptions {
  /** How many of the newest tickets a full-text list looks through first (default 20,000). */
  recentTextWindow?: number;
}

/** PostgreSQL store of tickets; a transaction covers ticket, history and outbox rows. */
export class TypeOrmTicketStore implements TicketStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly options: TicketStoreOptions = {},
  ) {}

  private matrixCache: { value: StoredPriorityMatrix; readAt: number } | undefined;

  transaction<T>(work: (transaction: TicketTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(this.transactionOn(manager)));
  }

  async findById(id: string, { visibility }: Scoped): Promise<Ticket | undefined> {
    if (!isUuid(id)) return undefined;
    const builder = this.ticketsQuery().where('ticket.id = :id', { id });
    const row = await withinScope(builder, visibility).getOne();
    return row ? toTicket(row) : undefined;
  }

  async findByIdempotencyKey(
    requesterId: string,
    idempotencyKey: string,
  ): Promise<{ ticket: Ticket; fingerprint: string | null } | undefined> {
    const row = await this.dataSource
      .getRepository(TicketEntity)
      .findOneBy({ requesterId, idempotencyKey });
    return row ? { ticket: toTicket(row), fingerprint: row.idempotencyFingerprint } : undefined;
  }

  /**
   * The matrix changes rarely and every write reads it: it is kept for a couple of seconds,
   * so another replica's change applies here within MATRIX_CACHE_MS.
   */
  async storedPriorityMatrix(): Promise<StoredPriorityMatrix> {
    const cached = this.matrixCache;
    if (cached && Date.now() - cached.readAt < MATRIX_CACHE_MS) return cached.value;
    const [row] = (await this.dataSource.query(
      `SELECT matrix, version, updated_at, updated_by FROM priority_matrix WHERE id = 1`,
    )) as { matrix: unknown; version: number; updated_at: Date; updated_by: string }[];
    const value: StoredPriorityMatrix = row
      ? {
          matrix: validatePriorityMatrix(row.matrix),
          version: row.version,
          updatedAt: row.updated_at,
          updatedBy: row.updated_by,
        }
      : {
          matrix: DEFAULT_PRIORITY_MATRIX,
          version: 0,
          updatedAt: new Date(0),
          updatedBy: 'system',
        };
    this.matrixCache = { value, readAt: Date.now() };
    return value;
  }

  async replacePriorityMatrix(
    matrix: StoredPriorityMatrix,
    expectedVersion: number | undefined,
  ): Promise<boolean> {
    const [, updated] = (await this.dataSource.query(
      `UPDATE priority_matrix SET matrix = $1, version = $2, updated_at = $3, updated_by = $4
        WHERE id = 1 AND ($5::int IS NULL OR version = $5)`,
      [
        JSON.stringify(matrix.matrix),
        matrix.version,
        matrix.updatedAt,
        matrix.updatedBy,
        expectedVersion ?? null,
      ],
    )) as [unknown, number];
    this.matrixCache = undefined;
    return updated === 1;
  }

  async relationsOf(ticketId: string, { visibility }: Scoped): Promise<TicketRelation[]> {
    if (!isUuid(ticketId)) return [];
    const values: unknown[] = [ticketId];
    const bind = positionalBind(values);
    const bothEnds = [
      visibleTicketExists(visibility, 'relation.source_id', bind),
      visibleTicketExists(visibility, 'relation.target_id', bind),
    ];
    return relationsOf(this.dataSource.manager, values, bothEnds);
  }

  async attachments(ticketId: string, { visibility }: Scoped): Promise<Attachment[]> {
    if (!isUuid(ticketId)) return [];
    const values: unknown[] = [ticketId];
    const rows = (await this.dataSource.query(
      `SELECT ${ATTACHMENT_COLUMNS} FROM ticket_attachments attachment
        WHERE attachment.ticket_id = $1 ${and(visibleTicketExists(visibility, 'attachment.ticket_id', positionalBind(values)))}
        ORDER BY uploaded_at, id`,
      values,
    )) as AttachmentRow[];
    return rows.map(toAttachment);
  }

  async findAttachment(
    ticketId: string,
    attachmentId: string,
    { visibility }: Scoped,
  ): Promise<Attachment | undefined> {
    if (!isUuid(ticketId) || !isUuid(attachmentId)) return undefined;
    const values: unknown[] = [ticketId, attachmentId];
    const [row] = (await this.dataSource.query(
      `SELECT ${ATTACHMENT_COLUMNS} FROM ticket_attachments attachment
        WHERE attachment.ticket_id = $1 AND attachment.id = $2
          ${and(visibleTicketExists(visibility, 'attachment.ticket_id', positionalBind(values)))}`,
      values,
    )) as AttachmentRow[];
    return row ? toAttachment(row) : undefined;
  }

  async findApproval(id: string, { visibility }: Scoped): Promise<ChangeApproval | undefined> {
    if (!isUuid(id)) return undefined;
    const parameters: Record<string, unknown> = {};
    const visible = visibleTicketExists(visibility, 'approval.change_id', namedBind(parameters));
    const builder = this.dataSource
      .getRepository(ChangeApprovalEntity)
      .createQueryBuilder('approval')
      .where('approval.id = :id', { id });
    if (visible) builder.andWhere(visible, parameters);
    const row = await builder.getOne();
    return row ? toApproval(row) : undefined;
  }

  async history(ticketId: string, { visibility }: Scoped): Promise<StoredHistoryEntry[]> {
    if (!isUuid(ticketId)) return [];
    const values: unknown[] = [ticketId];
    const rows = (await this.dataSource.query(
      `SELECT entry.id, entry.ticket_id AS "ticketId", entry.occurred_at AS "occurredAt",
              entry.actor_id AS "actorId", entry.action, entry.changes
         FROM ticket_history entry
        WHERE entry.ticket_id = $1
          ${and(visibleTicketExists(visibility, 'entry.ticket_id', positionalBind(values)))}
        ORDER BY entry.id`,
      values,
    )) as TicketHistoryEntity[];
    return rows.map((row) => ({
      id: row.id,
      ticketId: row.ticketId,
      occurredAt: row.occurredAt,
      actorId: row.actorId,
      action: row.action as StoredHistoryEntry['action'],
      changes: row.changes as StoredHistoryEntry['changes'],
    }));
  }

  async findCommentByIdempotencyKey(
    ticketId: string,
    authorId: string,
    idempotencyKey: string,
  ): Promise<TicketComment | undefined> {
    const row = await this.dataSource
      .getRepository(TicketCommentEntity)
      .findOneBy({ ticketId, authorId, idempotencyKey });
    return row ? toComment(row) : undefined;
  }

  async comments(
    ticketId: string,
    access: TicketAccess,
    visibility: CommentVisibility | undefined,
  ): Promise<TicketComment[]> {
    if (!isUuid(ticketId)) return [];
    const values: unknown[] = [ticketId];
    const bind = positionalBind(values);
    const conditions = [
      visibleTicketExists(access.visibility, 'comment.ticket_id', bind),
      // Internal notes never reach a caller who may not read them, whatever they asked for.
      access.seesInternalNotes ? undefined : `comment.visibility = ${bind('public')}`,
      visibility ? `comment.visibility = ${bind(visibility)}` : undefined,
    ];
    const rows = (await this.dataSource.query(
      `SELECT comment.id, comment.ticket_id AS "ticketId", comment.author_id AS "authorId",
              comment.visibility, comment.body, comment.created_at AS "createdAt"
         FROM ticket_comments comment
        WHERE comment.ticket_id = $1 ${conditions.map(and).join(' ')}
        ORDER BY comment.created_at, comment.id`,
      values,
    )) as TicketCommentEntity[];
    return rows.map(toComment);
  }

  async list(query: TicketListQuery): Promise<Ticket[]> {
    if (query.text && query.order === '-created_at') {
      const recent = await this.recentTextMatches(query);
      return recent.length === query.limit ? recent : this.allTextMatches(query);
    }
    const builder = inOrder(this.ticketsQuery(), query).limit(query.limit);
    return (await whereMatching(builder, query).getMany()).map(toTicket);
  }

  /**
   * Every match of a full-text query by the GIN index, then the newest page of them. The
   * OFFSET 0 fence keeps the planner from walking the creation-time index and testing each
   * row instead: that plan is fast only when matches are everywhere, and those were already
   * found among the recent tickets.
   */
  private async allTextMatches(query: TicketListQuery): Promise<Ticket[]> {
    const matches = afterCursor(this.ticketsQuery(), query)
      .select('ticket.id', 'id')
      .addSelect('ticket.created_at', 'created_at');
    whereMatching(matches, query);
    const builder = this.ticketsQuery()
      .where(
        `ticket.id IN (SELECT matched.id FROM (${matches.getQuery()} OFFSET 0) matched
          ORDER BY matched.created_at DESC, matched.id DESC LIMIT :limit)`,
      )
      .setParameters({ ...matches.getParameters(), limit: query.limit })
      .orderBy('ticket.created_at', 'DESC')
      .addOrderBy('ticket.id', 'DESC');
    return (await builder.getMany()).map(toTicket);
  }

  /**
   * The newest matches of a full-text query, looked for among the newest RECENT_TEXT_WINDOW
   * tickets under the other filters. Common words match thousands of tickets: ranking them all
   * by the GIN index and sorting costs hundreds of milliseconds, while the newest page is
   * almost always in the newest few thousand rows. Rare words fill no page here; for them
   * `allTextMatches` asks the GIN index, which is fast when matches are few.
   */
  private async recentTextMatches(query: TicketListQuery): Promise<Ticket[]> {
    const window = inOrder(this.ticketsQuery(), query)
      .select('ticket.id', 'id')
      .addSelect('ticket.created_at', 'created_at')
      .addSelect('ticket.search_vector', 'search_vector')
      .limit(this.options.recentTextWindow ?? RECENT_TEXT_WINDOW);
    whereMatching(window, { ...query, text: undefined });
    const builder = this.ticketsQuery()
      .where(
        `ticket.id IN (SELECT recent.id FROM (${window.getQuery()}) recent
          WHERE recent.search_vector @@ ${TEXT_QUERY}
          ORDER BY recent.created_at DESC, recent.id DESC LIMIT :limit)`,
      )
      .setParameters({ ...window.getParameters(), text: query.text, limit: query.limit })
      .orderBy('ticket.created_at', 'DESC')
      .addOrderBy('ticket.id', 'DESC');
    return (await builder.getMany()).map(toTicket);
  }

  private ticketsQuery(): SelectQueryBuilder<TicketEntity> {
    return this.dataSource.getRepository(TicketEntity).createQueryBuilder('ticket');
  }

  async countByStatus(
    filters: TicketFilters & Scoped,
  ): Promise<Partial<Record<TicketStatus, number>>> {
    const rows = await whereMatching(
      this.dataSource.getRepository(TicketEntity).createQueryBuilder('ticket'),
      { ...filters, status: undefined },
    )
      .select('ticket.status', 'status')
      .addSelect('count(*)::int', 'count')
      .groupBy('ticket.status')
      .getRawMany<{ status: TicketStatus; count: number }>();
    return Object.fromEntries(rows.map(({ status, count }) => [status, count]));
  }

  /** The same writes on a transaction someone else opened (an inbox consumer's, with its event id). */
  transactionOn(manager: EntityManager): TicketTransaction {
    return {
      nextSequence: async (type) => {
        const [row] = (await manager.query(`SELECT nextval('${SEQUENCE_OF[type]}') AS value`)) as {
          value: string;
        }[];
        return Number(row?.value);
      },
      insert: async (ticket, idempotency) => {
        const { sql, values } = insertStatement(toTicketRow(ticket, idempotency));
        const inserted = (await manager.query(sql, values)) as unknown[];
        return inserted.length === 1 ? 'inserted' : 'idempotency-key-taken';
      },
      findForUpdate: async (id, { visibility }) => {
        if (!isUuid(id)) return undefined;
        const builder = manager
          .getRepository(TicketEntity)
          .createQueryBuilder('ticket')
          .setLock('pessimistic_write')
          .where('ticket.id = :id', { id });
        const row = await withinScope(builder, visibility).getOne();
        return row ? toTicket(row) : undefined;
      },
      update: async (ticket, previousVersion) => {
        const result = await manager.getRepository(TicketEntity).update(
          { id: ticket.id, version: previousVersion },
          {
            title: ticket.title,
            description: ticket.description,
            impact: ticket.impact,
            urgency: ticket.urgency,
            priority: ticket.priority,
            priorityReason: ticket.priorityReason,
            status: ticket.status,
            assignmentGroupId: ticket.assignmentGroupId,
            assigneeId: ticket.assigneeId,
            pendingReason: ticket.pendingReason,
            resolutionCode: ticket.resolutionCode,
            resolutionNotes: ticket.resolutionNotes,
            resolvedAt: ticket.resolvedAt,
            closedAt: ticket.closedAt,
            firstRespondedAt: ticket.firstRespondedAt,
            updatedAt: ticket.updatedAt,
            version: ticket.version,
            rootCause: ticket.rootCause,
            workaround: ticket.workaround,
            knownErrorAt: ticket.knownErrorAt,
            risk: ticket.risk,
            backoutPlan: ticket.backoutPlan,
            plannedStart: ticket.plannedStart,
            plannedEnd: ticket.plannedEnd,
            approvalId: ticket.approvalId,
            implementationStartedAt: ticket.implementationStartedAt,
            implementationOutcome: ticket.implementationOutcome,
            implementationNotes: ticket.implementationNotes,
            completedAt: ticket.completedAt,
            configurationItemIds: ticket.configurationItemIds,
            tags: ticket.tags,
            watcherIds: ticket.watcherIds,
            satisfactionRating: ticket.satisfactionRating,
            satisfactionComment: ticket.satisfactionComment,
            ratedAt: ticket.ratedAt,
            serviceId: ticket.serviceId,
            categoryId: ticket.categoryId,
          },
        );
        // The row is locked, so only a broken caller can miss it.
        if (result.affected !== 1)
          throw new Error(`ticket ${ticket.id} was not at version ${previousVersion}`);
      },
      insertComment: async (comment, idempotencyKey) => {
        const inserted = (await manager.query(
          `INSERT INTO ticket_comments (id, ticket_id, author_id, visibility, body, created_at, idempotency_key)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (ticket_id, author_id, idempotency_key) DO NOTHING
           RETURNING id`,
          [
            comment.id,
            comment.ticketId,
            comment.authorId,
            comment.visibility,
            comment.body,
            comment.createdAt,
            idempotencyKey,
          ],
        )) as unknown[];
        return inserted.length === 1 ? 'inserted' : 'idempotency-key-taken';
      },
      recordHistory: async (entry) => {
        await manager.query(
          `INSERT INTO ticket_history (ticket_id, occurred_at, actor_id, action, changes)
           VALUES ($1, $2, $3, $4, $5)`,
          [
            entry.ticketId,
            entry.occurredAt,
            entry.actorId,
            entry.action,
            JSON.stringify(entry.changes),
          ],
        );
      },
      insertApproval: async (approval) => {
        await manager.getRepository(ChangeApprovalEntity).insert(toApprovalRow(approval));
      },
      findApprovalForUpdate: async (id) => {
        const row = await manager
          .getRepository(ChangeApprovalEntity)
          .createQueryBuilder('approval')
          .setLock('pessimistic_write')
          .where('approval.id = :id', { id })
          .getOne();
        return row ? toApproval(row) : undefined;
      },
      // Every relation of a ticket the write locked already, within the caller's scope.
      relationsOf: (ticketId) => relationsOf(manager, [ticketId], []),
      insertRelation: async (relation) => {
        await manager.query(
          `INSERT INTO ticket_relations (${RELATION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          relationValues(relation),
        );
      },
      deleteRelation: async (ticketId, relationId) => {
        const [rows] = (await manager.query(
          `DELETE FROM ticket_relations WHERE id = $1 AND (source_id = $2 OR target_id = $2)
           RETURNING ${RELATION_COLUMNS}`,
          [relationId, ticketId],
        )) as [TicketRelationRow[], number];
        const [row] = rows;
        return row ? toRelation(row) : undefined;
      },
      priorityMatrix: async () => (await this.storedPriorityMatrix()).matrix,
      insertAttachment: async (attachment) => {
        await manager.query(
          `INSERT INTO ticket_attachments (${ATTACHMENT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            attachment.id,
            attachment.ticketId,
            attachment.fileName,
            attachment.contentType,
            attachment.sizeBytes,
            attachment.sha256,
            attachment.uploadedBy,
            attachment.uploadedAt,
          ],
        );
      },
      findSameAttachment: async (ticketId, uploadedBy, sha256, fileName) => {
        const [row] = (await manager.query(
          `SELECT ${ATTACHMENT_COLUMNS} FROM ticket_attachments
            WHERE ticket_id = $1 AND uploaded_by = $2 AND sha256 = $3 AND file_name = $4`,
          [ticketId, uploadedBy, sha256, fileName],
        )) as AttachmentRow[];
        return row ? toAttachment(row) : undefined;
      },
      moveComments: async (fromTicketId, toTicketId) => {
        const [, moved] = (await manager.query(
          `UPDATE ticket_comments SET ticket_id = $2 WHERE ticket_id = $1`,
          [fromTicketId, toTicketId],
        )) as [unknown, number];
        return moved;
      },
      updateApproval: async (approval) => {
        const { votes, outcome, decidedAt } = toApprovalRow(approval);
        await manager
          .getRepository(ChangeApprovalEntity)
          .update({ id: approval.id }, { votes, outcome, decidedAt });
      },
      emit: async <T>(eventType: EventType<T>, event: EmittedEvent<T>) => {
        await this.outbox.append(manager, eventType, event);
      },
    };
  }
}

/** The relations of the ticket `$1` of `values`, under further conditions bound in `values`. */
async function relationsOf(
  manager: EntityManager,
  values: unknown[],
  conditions: (string | undefined)[],
): Promise<TicketRelation[]> {
  const rows = (await manager.query(
    `SELECT ${RELATION_COLUMNS} FROM ticket_relations relation
      WHERE (relation.source_id = $1 OR relation.target_id = $1) ${conditions.map(and).join(' ')}
      ORDER BY created_at, id`,
    values,
  )) as TicketRelationRow[];
  return rows.map(toRelation);
}

/** ` AND condition`, or nothing for a condition that does not apply. */
function and(condition: string | undefined): string {
  return condition ? `AND ${condition}` : '';
}

/** Only the tickets the visibility lets through; every ticket query goes through here. */
function withinScope<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  visibility: TicketVisibility,
): SelectQueryBuilder<T> {
  const parameters: Record<string, unknown> = {};
  const condition = visibleTicketCondition(visibility, 'ticket', namedBind(parameters));
  return condition ? builder.andWhere(condition, parameters) : builder;
}

/** How long a replica trusts the priority matrix it read. */
const MATRIX_CACHE_MS = 2_000;

/** How many of the newest tickets a full-text list looks through before asking the GIN index. */
const RECENT_TEXT_WINDOW = 20_000;

// Either language's word forms match (see the search_vector column).
const TEXT_QUERY = `(websearch_to_tsquery('russian', :text) || websearch_to_tsquery('english', :text))`;

/** The columns of each order's sort key, as in `sortKeyOf`; an index serves each. */
const SORT_COLUMNS: Record<OrderField, readonly string[]> = {
  created_at: ['ticket.created_at', 'ticket.id'],
  updated_at: ['ticket.updated_at', 'ticket.id'],
  priority: ['ticket.priority_rank', 'ticket.created_at', 'ticket.id'],
};

type Ordering = { order: TicketOrder; after: TicketCursor | undefined };

/** ORDER BY the query's order and, on later pages, only what sorts after the cursor. */
function inOrder(
  builder: SelectQueryBuilder<TicketEntity>,
  ordering: Ordering,
): SelectQueryBuilder<TicketEntity> {
  const columns = SORT_COLUMNS[orderField(ordering.order)];
  const direction = isDescending(ordering.order) ? 'DESC' : 'ASC';
  columns.forEach((column, index) =>
    index === 0 ? builder.orderBy(column, direction) : builder.addOrderBy(column, direction),
  );
  return afterCursor(builder, ordering);
}

/** On later pages, only the tickets that sort after the cursor. */
function afterCursor(
  builder: SelectQueryBuilder<TicketEntity>,
  { order, after }: Ordering,
): SelectQueryBuilder<TicketEntity> {
  const columns = SORT_COLUMNS[orderField(order)];
  const direction = isDescending(order) ? 'DESC' : 'ASC';
  if (after) {
    const shape = SORT_KEY_SHAPE[orderField(order)];
    const parameters = Object.fromEntries(
      after.key.map((value, index) => [
        `after${index}`,
        shape[index] === 'time' ? new Date(value) : value,
      ]),
    );
    const placeholders = after.key.map((_, index) => `:after${index}`).join(', ');
    builder.andWhere(
      `(${columns.join(', ')}) ${direction === 'DESC' ? '<' : '>'} (${placeholders})`,
      parameters,
    );
  }
  return builder;
}

/**
 * The WHERE clause of a filtered list or count within the caller's scope; each filter has an
 * index behind it.
 */
function whereMatching(
  builder: SelectQueryBuilder<TicketEntity>,
  filters: TicketFilters & Scoped,
): SelectQueryBuilder<TicketEntity> {
  withinScope(builder, filters.visibility);
  if (filters.type) builder.andWhere('ticket.type = :type', { type: filters.type });
  if (filters.status) builder.andWhere('ticket.status = :status', { status: filters.status });
  if (filters.priority)
    builder.andWhere('ticket.priority = :priority', { priority: filters.priority });
  if (filters.requesterId) {
    builder.andWhere('ticket.requester_id = :requesterId', { requesterId: filters.requesterId });
  }
  if (filters.organizationId) {
    builder.andWhere('ticket.organization_id = :organizationId', {
      organizationId: filters.organizationId,
    });
  }
  if (filters.assignmentGroupId) {
    builder.andWhere('ticket.assignment_group_id = :assignmentGroupId', {
      assignmentGroupId: filters.assignmentGroupId,
    });
  }
  if (filters.assigneeId) {
    builder.andWhere('ticket.assignee_id = :assigneeId', { assigneeId: filters.assigneeId });
  }
  if (filters.createdFrom) {
    builder.andWhere('ticket.created_at >= :createdFrom', { createdFrom: filters.createdFrom });
  }
  if (filters.createdTo) {
    builder.andWhere('ticket.created_at < :createdTo', { createdTo: filters.createdTo });
  }
  if (filters.updatedFrom) {
    builder.andWhere('ticket.updated_at >= :updatedFrom', { updatedFrom: filters.updatedFrom });
  }
  if (filters.updatedTo) {
    builder.andWhere('ticket.updated_at < :updatedTo', { updatedTo: filters.updatedTo });
  }
  if (filters.serviceId) {
    builder.andWhere('ticket.service_id = :serviceId', { serviceId: filters.serviceId });
  }
  if (filters.categoryId) {
    builder.andWhere('ticket.category_id = :categoryId', { categoryId: filters.categoryId });
  }
  if (filters.tags.length > 0) {
    builder.andWhere('ticket.tags @> :tags', { tags: filters.tags });
  }
  if (filters.ids.length > 0) {
    builder.andWhere('ticket.id IN (:...ids)', { ids: filters.ids });
  }
  if (filters.text) {
    builder.andWhere(`ticket.search_vector @@ ${TEXT_QUERY}`, { text: filters.text });
  }
  return builder;
}
