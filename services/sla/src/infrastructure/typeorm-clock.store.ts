import type { DataSource, EntityManager } from 'typeorm';
import type { OutboxWriter } from '@itsm/messaging';
import type { ClockStore, ClockTransaction, TicketClock } from '../application/ports/clock-store';
import type { TimeSource } from '../application/ports/time-source';
import { toClockRow, toTicketClock } from './clock-row.mapper';
import { SlaClockEntity } from './sla-clock.entity';

/** PostgreSQL store of clocks; a transaction covers clock rows and outbox rows. */
export class TypeOrmClockStore implements ClockStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly time: TimeSource,
  ) {}

  transaction<T>(work: (transaction: ClockTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(this.transactionOn(manager)));
  }

  async clocksOfTicket(ticketId: string): Promise<TicketClock[]> {
    const rows = await this.dataSource
      .getRepository(SlaClockEntity)
      .find({ where: { ticketId }, order: { target: 'ASC' } });
    return rows.map(toTicketClock);
  }

  async upcomingEventInstants(until: Date, limit: number): Promise<Date[]> {
    // A range scan of the partial index sla_clocks_next_event_at_idx, never of all clocks.
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT next_event_at FROM sla_clocks
        WHERE next_event_at <= $1 ORDER BY next_event_at LIMIT $2`,
      [until, limit],
    )) as { next_event_at: Date }[];
    return rows.map((row) => row.next_event_at);
  }

  /** The store's operations inside a transaction someone else opened (the inbox consumer's). */
  transactionOn(manager: EntityManager): ClockTransaction {
    const clocks = () => manager.getRepository(SlaClockEntity).createQueryBuilder('clock');
    return {
      clocksOfTicketForUpdate: async (ticketId) => {
        const rows = await clocks()
          .where('clock.ticketId = :ticketId', { ticketId })
          .orderBy('clock.target')
          .setLock('pessimistic_write')
          .getMany();
        return rows.map(toTicketClock);
      },
      claimDue: async (now, limit) => {
        const rows = await clocks()
          .where('clock.nextEventAt <= :now', { now })
          .orderBy('clock.nextEventAt')
          .limit(limit)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        return rows.map(toTicketClock);
      },
      insert: async (clock) => {
        const result = await manager
          .createQueryBuilder()
          .insert()
          .into(SlaClockEntity)
          .values(toClockRow(clock, this.time.now()))
          .orIgnore()
          .returning(['id'])
          .execute();
        return (result.raw as unknown[]).length > 0 ? 'inserted' : 'exists';
      },
      update: async (clock) => {
        const { id: _id, version, ...columns } = toClockRow(clock, this.time.now());
        const result = await manager
          .createQueryBuilder()
          .update(SlaClockEntity)
          .set({ ...columns, version: version + 1 })
          .where('id = :id AND version = :version', { id: clock.id, version })
          .execute();
        if (result.affected !== 1) {
          throw new Error(`clock ${clock.id} changed since it was read at version ${version}`);
        }
      },
      emit: async (eventType, event) => {
        await this.outbox.append(manager, eventType, event);
      },
    };
  }
}
