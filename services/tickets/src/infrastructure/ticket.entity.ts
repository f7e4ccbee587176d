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

  @Column('text', { name: 'assignment_group_id', nullable: true })
  assignmentGroupId!: string | null;

  @Column('text', { name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  @Column('text', { name: 'pending_reason', nullable: true })
  pendingReason!: string | null;

  @Column('text', { name: 'resolution_code', nullable: true })
  resolutionCode!: string | null;

  @Column('text', { name: 'resolution_notes' })
  resolutionNotes!: string;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey!: string | null;

  @Column('text', { name: 'idempotency_fingerprint', nullable: true })
  idempotencyFingerprint!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('timestamptz', { name: 'first_responded_at', nullable: true })
  firstRespondedAt!: Date | null;

  @Column('text', { name: 'priority_reason', nullable: true })
  priorityReason!: string | null;

  @Column('integer')
  version!: number;

  @Column('text', { name: 'root_cause' })
  rootCause!: string;

  @Column('text')
  workaround!: string;

  @Column('timestamptz', { name: 'known_error_at', nullable: true })
  knownErrorAt!: Date | null;

  @Column('text', { name: 'change_kind', nullable: true })
  changeKind!: string | null;

  @Column('text', { nullable: true })
  risk!: string | null;

  @Column('text', { name: 'backout_plan' })
  backoutPlan!: string;

  @Column('timestamptz', { name: 'planned_start', nullable: true })
  plannedStart!: Date | null;

  @Column('timestamptz', { name: 'planned_end', nullable: true })
  plannedEnd!: Date | null;

  @Column('uuid', { name: 'approval_id', nullable: true })
  approvalId!: string | null;

  @Column('timestamptz', { name: 'implementation_started_at', nullable: true })
  implementationStartedAt!: Date | null;

  @Column('text', { name: 'implementation_outcome', nullable: true })
  implementationOutcome!: string | null;

  @Column('text', { name: 'implementation_notes' })
  implementationNotes!: string;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @Column('text', { name: 'configuration_item_ids', array: true })
  configurationItemIds!: string[];

  @Column('text', { array: true })
  tags!: string[];

  @Column('text', { name: 'watcher_ids', array: true })
  watcherIds!: string[];

  @Column('smallint', { name: 'satisfaction_rating', nullable: true })
  satisfactionRating!: number | null;

  @Column('text', { name: 'satisfaction_comment' })
  satisfactionComment!: string;

  @Column('timestamptz', { name: 'rated_at', nullable: true })
  ratedAt!: Date | null;

  @Column('uuid', { name: 'service_id', nullable: true })
  serviceId!: string | null;

  @Column('uuid', { name: 'category_id', nullable: true })
  categoryId!: string | null;

  @Column('uuid', { name: 'catalog_item_id', nullable: true })
  catalogItemId!: string | null;

  @Column('jsonb', { name: 'custom_fields' })
  customFields!: Record<string, unknown>;

  /** Null when the ticket was reported as it was created. */
  @Column('timestamptz', { name: 'reported_at', nullable: true })
  reportedAt!: Date | null;
}
