import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A row of `ticket_history`: the audit trail, one entry per change. */
@Entity({ name: 'ticket_history' })
export class TicketHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'ticket_id' })
  ticketId!: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('text', { name: 'actor_id' })
  actorId!: string;

  @Column('text')
  action!: string;

  @Column('jsonb')
  changes!: Record<string, unknown>;
}
