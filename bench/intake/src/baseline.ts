import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import {
  Channel,
  Impact,
  PendingReason,
  Priority,
  Ticket,
  TicketCreated,
  TicketStatus,
  TicketType,
  toTimestamp,
  Urgency,
} from '@itsm/contracts';
import {
  aTicketRequestBody,
  createTestDatabase,
  ServiceProcess,
  testEnvironment,
  type TestDatabase,
} from '@itsm/testing';

/** A fresh database with the tickets schema, migrated by the built service as the fixture does. */
export async function createTicketsDatabase(prefix: string): Promise<TestDatabase> {
  const database = await createTestDatabase(prefix);
  try {
    await ServiceProcess.run('tickets', ['migrate'], {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testEnvironment().KAFKA_BROKERS,
    });
    return database;
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/**
 * Opens tickets with plain `pg`: the same four statements per ticket as the tickets service
 * (number, ticket row, history row, outbox row) in one transaction each. Nothing else runs,
 * so its rate is what PostgreSQL allows for this row shape: the ceiling of intake.
 */
export class BaselineTicketWriter {
  private readonly pool: Pool;

  constructor(databaseUrl: string, poolSize: number) {
    this.pool = new Pool({ connectionString: databaseUrl, max: poolSize });
  }

  async createTicket(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('START TRANSACTION');
      await this.writeTicket(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  private async writeTicket(client: PoolClient): Promise<void> {
    const request = aTicketRequestBody() as {
      title: string;
      description: string;
      requesterId: string;
    };
    const [sequence] = (
      await client.query<{ value: string }>(`SELECT nextval('ticket_number_incident_seq') AS value`)
    ).rows;
    const id = uuidv7();
    const number = `INC-${String(sequence?.value).padStart(6, '0')}`;
    const now = new Date();
    const inserted = await client.query(
      `INSERT INTO tickets (id, number, type, title, description, status, impact, urgency, priority, channel,
                            requester_id, organization_id, idempotency_key, created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (requester_id, idempotency_key) DO NOTHING
       RETURNING id`,
      [
        id,
        number,
        'incident',
        request.title,
        request.description,
        'new',
        'medium',
        'high',
        'high',
        'portal',
        request.requesterId,
        null,
        null,
        now,
        now,
        1,
      ],
    );
    if (inserted.rowCount !== 1) throw new Error(`ticket ${number} was not inserted`);
    await client.query(
      `INSERT INTO ticket_history (ticket_id, occurred_at, actor_id, action, changes) VALUES ($1, $2, $3, $4, $5)`,
      [
        id,
        now,
        request.requesterId,
        'created',
        JSON.stringify({ status: { from: null, to: 'new' }, priority: { from: null, to: 'high' } }),
      ],
    );
    const payload = TicketCreated.toJson({
      ticket: {
        // Every field the service leaves empty on a new incident, at its contract default.
        ...Ticket.fromJSON({}),
        id,
        number,
        type: TicketType.TICKET_TYPE_INCIDENT,
        title: request.title,
        description: request.description,
        status: TicketStatus.TICKET_STATUS_NEW,
        impact: Impact.IMPACT_MEDIUM,
        urgency: Urgency.URGENCY_HIGH,
        priority: Priority.PRIORITY_HIGH,
        channel: Channel.CHANNEL_PORTAL,
        requesterId: request.requesterId,
        organizationId: '',
        createdAt: toTimestamp(now),
        updatedAt: toTimestamp(now),
        version: 1,
        assignmentGroupId: '',
        assigneeId: '',
        pendingReason: PendingReason.PENDING_REASON_UNSPECIFIED,
        resolutionCode: '',
        resolutionNotes: '',
      },
    });
    await client.query(
      `INSERT INTO outbox_events (id, topic, partition_key, type, source, subject, payload, trace_headers, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        randomUUID(),
        TicketCreated.topic,
        id,
        TicketCreated.type,
        '/itsm/tickets',
        number,
        JSON.stringify(payload),
        '{}',
        now,
      ],
    );
  }
}
