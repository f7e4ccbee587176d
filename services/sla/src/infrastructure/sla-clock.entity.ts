import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './bigint.transformer';

/** A warning of a clock as stored in `sla_clocks.warnings`: instants as RFC 3339 text. */
export interface StoredWarning {
  threshold: number;
  dueAt: string | null;
  firedAt: string | null;
}

/** A row of `sla_clocks`. The clock's rules live in domain/sla-clock.ts, not here. */
@Entity({ name: 'sla_clocks' })
export class SlaClockEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'ticket_id' })
  ticketId!: string;

  @Column('text', { name: 'ticket_number' })
  ticketNumber!: string;

  @Column('text')
  target!: string;

  @Column('uuid', { name: 'policy_id' })
  policyId!: string;

  @Column('uuid', { name: 'calendar_id' })
  calendarId!: string;

  @Column('uuid', { name: 'service_id', nullable: true })
  serviceId!: string | null;

  @Column('text', { name: 'group_id', nullable: true })
  groupId!: string | null;

  @Column('text')
  state!: string;

  @Column('bigint', { name: 'target_ms', transformer: bigintAsNumber })
  targetMs!: number;

  @Column('bigint', { name: 'elapsed_ms', transformer: bigintAsNumber })
  elapsedMs!: number;

  @Column('timestamptz', { name: 'running_since', nullable: true })
  runningSince!: Date | null;

  @Column('timestamptz', { name: 'started_at' })
  startedAt!: Date;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt!: Date | null;

  /** The earliest unsent warning or unrecorded breach; what the scheduler's index is on. */
  @Column('timestamptz', { name: 'next_event_at', nullable: true })
  nextEventAt!: Date | null;

  @Column('jsonb')
  warnings!: StoredWarning[];

  @Column('timestamptz', { name: 'breached_at', nullable: true })
  breachedAt!: Date | null;

  @Column('timestamptz', { name: 'stopped_at', nullable: true })
  stoppedAt!: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('integer')
  version!: number;
}
