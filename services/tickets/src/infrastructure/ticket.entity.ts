import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `tickets`. Domain rules live in domain/ticket.ts, not here. */
@Entity({ name: 'tickets' })
export class TicketEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  number!: string;

  @Column('text')
  type!: string;

  @Column('text')
  title!: string;

  @Column('text')
  description!: string;

  @Column('text')
  status!: string;

  @Column('text')
  impact!: string;

  @Column('text')
  urgency!: string;

  @Column('text')
  priority!: string;

  @Column('text')
  channel!: string;

  @Column('text', { name: 'requester_id' })
  requesterId!: string;

  @Column('text', { name: 'organization_id', nullable: true })
  organizationId!: string | null;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('integer')
  version!: number;
}
