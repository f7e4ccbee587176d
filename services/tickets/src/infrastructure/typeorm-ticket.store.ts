import type { DataSource, EntityManager } from 'typeorm';
import type { EventType } from '@itsm/contracts';
import type { OutboxWriter } from '@itsm/messaging';
import type { Ticket, TicketType } from '../domain/ticket';
import type {
  EmittedEvent,
  TicketListQuery,
  TicketStore,
  TicketTransaction,
} from '../application/ports/ticket-store';
import { TicketEntity } from './ticket.entity';
import { toTicket, toTicketRow } from './ticket-row.mapper';

const SEQUENCE_OF: Record<TicketType, string> = {
  incident: 'ticket_number_incident_seq',
  service_request: 'ticket_number_service_request_seq',
};

/** PostgreSQL store of tickets; a transaction covers ticket, history and outbox rows. */
export class TypeOrmTicketStore implements TicketStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  transaction<T>(work: (transaction: TicketTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(this.transactionOn(manager)));
  }

  async findById(id: string): Promise<Ticket | undefined> {
    const row = await this.dataSource.getRepository(TicketEntity).findOneBy({ id });
    return row ? toTicket(row) : undefined;
  }

  async findByIdempotencyKey(
    requesterId: string,
    idempotencyKey: string,
  ): Promise<Ticket | undefined> {
    const row = await this.dataSource
      .getRepository(TicketEntity)
      .findOneBy({ requesterId, idempotencyKey });
    return row ? toTicket(row) : undefined;
  }

  async list(query: TicketListQuery): Promise<Ticket[]> {
    const builder = this.dataSource
      .getRepository(TicketEntity)
      .createQueryBuilder('ticket')
      .orderBy('ticket.created_at', 'DESC')
      .addOrderBy('ticket.id', 'DESC')
      .limit(query.limit);
    if (query.after) {
      builder.andWhere('(ticket.created_at, ticket.id) < (:createdAt, :id)', {
        createdAt: query.after.createdAt,
        id: query.after.id,
      });
    }
    if (query.type) builder.andWhere('ticket.type = :type', { type: query.type });
    if (query.status) builder.andWhere('ticket.status = :status', { status: query.status });
    if (query.requesterId)
      builder.andWhere('ticket.requester_id = :requesterId', { requesterId: query.requesterId });
    return (await builder.getMany()).map(toTicket);
  }

  private transactionOn(manager: EntityManager): TicketTransaction {
    return {
      nextSequence: async (type) => {
        const [row] = (await manager.query(`SELECT nextval('${SEQUENCE_OF[type]}') AS value`)) as {
          value: string;
        }[];
        return Number(row?.value);
      },
      insert: async (ticket, idempotencyKey) => {
        const row = toTicketRow(ticket, idempotencyKey);
        const inserted = (await manager.query(
          `INSERT INTO tickets (id, number, type, title, description, status, impact, urgency, priority, channel,
                                requester_id, organization_id, idempotency_key, created_at, updated_at, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
           ON CONFLICT (requester_id, idempotency_key) DO NOTHING
           RETURNING id`,
          [
            row.id,
            row.number,
            row.type,
            row.title,
            row.description,
            row.status,
            row.impact,
            row.urgency,
            row.priority,
            row.channel,
            row.requesterId,
            row.organizationId,
            row.idempotencyKey,
            row.createdAt,
            row.updatedAt,
            row.version,
          ],
        )) as unknown[];
        return inserted.length === 1 ? 'inserted' : 'idempotency-key-taken';
      },
      recordHistory: async (entry) => {
        await manager.query(
          `INSERT INTO ticket_history (ticket_id, occurred_at, actor_id, action, changes) VALUES ($1, $2, $3, $4, $5)`,
          [
            entry.ticketId,
            entry.occurredAt,
            entry.actorId,
            entry.action,
            JSON.stringify(entry.changes),
          ],
        );
      },
      emit: async <T>(eventType: EventType<T>, event: EmittedEvent<T>) => {
        await this.outbox.append(manager, eventType, event);
      },
    };
  }
}
