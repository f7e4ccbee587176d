import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `ticket_comments`: replies and internal notes, never edited. */
@Entity({ name: 'ticket_comments' })
export class TicketCommentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'ticket_id' })
  ticketId!: string;

  @Column('text', { name: 'author_id' })
  authorId!: string;

  @Column('text')
  visibility!: string;

  @Column('text')
  body!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey!: string | null;
}
