import { ApiProperty } from '@nestjs/swagger';
import { JSON_OBJECT_SCHEMA, type JsonObject } from './json-object';
import {
  CHANGE_KINDS,
  CHANGE_RISKS,
  type ChangeKindName,
  type ChangeRiskName,
  CHANNELS,
  type ChannelName,
  IMPACTS,
  type ImpactName,
  IMPLEMENTATION_OUTCOMES,
  type ImplementationOutcomeName,
  PENDING_REASONS,
  type PendingReasonName,
  PRIORITIES,
  type PriorityName,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketStatusName,
  type TicketTypeName,
  URGENCIES,
  type UrgencyName,
} from './ticket-enums';

/** How the requester rated the handling of a resolved or closed ticket. */
export class TicketSatisfactionDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 5,
    example: 4,
    description: '1 (very unhappy) to 5 (very happy).',
  })
  rating!: number;

  @ApiProperty({ description: "The requester's words; empty when none." })
  comment!: string;

  @ApiProperty({ format: 'date-time' })
  ratedAt!: string;
}

export class TicketDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    example: 'INC-000123',
    description: 'Unique per type: INC- incidents, REQ- requests, PRB- problems, CHG- changes.',
  })
  number!: string;

  @ApiProperty({ enum: TICKET_TYPES })
  type!: TicketTypeName;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ enum: TICKET_STATUSES })
  status!: TicketStatusName;

  @ApiProperty({ enum: IMPACTS })
  impact!: ImpactName;

  @ApiProperty({ enum: URGENCIES })
  urgency!: UrgencyName;

  @ApiProperty({
    enum: PRIORITIES,
    description:
      'Derived from impact and urgency by the priority matrix, unless set by hand (priorityReason).',
  })
  priority!: PriorityName;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the priority was set by hand; null when the matrix decides.',
  })
  priorityReason!: string | null;

  @ApiProperty({ enum: CHANNELS })
  channel!: ChannelName;

  @ApiProperty()
  requesterId!: string;

  @ApiProperty({ type: String, nullable: true })
  organizationId!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ description: 'Incremented on every change; also sent as the ETag.' })
  version!: number;

  @ApiProperty({ type: String, nullable: true })
  assignmentGroupId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  assigneeId!: string | null;

  @ApiProperty({ enum: PENDING_REASONS, nullable: true })
  pendingReason!: PendingReasonName | null;

  @ApiProperty({ type: String, nullable: true })
  resolutionCode!: string | null;

  @ApiProperty()
  resolutionNotes!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The first public reply by someone other than the requester.',
  })
  firstRespondedAt!: string | null;

  @ApiProperty({ description: 'Problems: what causes the incidents; empty until known.' })
  rootCause!: string;

  @ApiProperty({ description: 'Problems: how users get around the problem meanwhile.' })
  workaround!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Problems: when the workaround was published as a known error.',
  })
  knownErrorAt!: string | null;

  @ApiProperty({
    enum: CHANGE_KINDS,
    nullable: true,
    description:
      'Changes: standard ones are pre-approved, normal ones meet the CAB, emergency ones skip assessment. Null for other types.',
  })
  changeKind!: ChangeKindName | null;

  @ApiProperty({ enum: CHANGE_RISKS, nullable: true, description: 'Changes: set on submit.' })
  risk!: ChangeRiskName | null;

  @ApiProperty({ description: 'Changes: how the change is undone.' })
  backoutPlan!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  plannedStart!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  plannedEnd!: string | null;

  @ApiProperty({
    format: 'date-time',
    description:
      'When the requester reported it: createdAt, or earlier when logged after the fact.',
  })
  reportedAt!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Changes: the current approval round (GET …/approval); null before approval is requested.',
  })
  approvalId!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  implementationStartedAt!: string | null;

  @ApiProperty({
    enum: IMPLEMENTATION_OUTCOMES,
    nullable: true,
    description: 'Changes: how the implementation went; null until completed.',
  })
  implementationOutcome!: ImplementationOutcomeName | null;

  @ApiProperty()
  implementationNotes!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;

  @ApiProperty({
    type: [String],
    description: 'Changes: the configuration items (CMDB ids) the change touches.',
  })
  configurationItemIds!: string[];

  @ApiProperty({
    type: [String],
    example: ['vpn', 'vip'],
    description: 'Lower-case labels agents put on the ticket to find it again.',
  })
  tags!: string[];

  @ApiProperty({
    type: [String],
    description: 'Who is told of every public change besides the requester and the assignee.',
  })
  watcherIds!: string[];

  @ApiProperty({
    type: TicketSatisfactionDto,
    nullable: true,
    description: "The requester's rating once resolved or closed; null until rated.",
  })
  satisfaction!: TicketSatisfactionDto | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The business service (GET /api/v1/catalog/services) the ticket is about.',
  })
  serviceId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  categoryId!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Service requests: the catalog item the request was ordered from.',
  })
  catalogItemId!: string | null;

  @ApiProperty({
    ...JSON_OBJECT_SCHEMA,
    example: { laptopModel: 'ThinkPad X1', needsDockingStation: true },
    description:
      "The values of the catalog item's or the category's form; {} when there is no form.",
  })
  customFields!: JsonObject;
}

export class TicketPageDto {
  @ApiProperty({ type: [TicketDto] })
  items!: TicketDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page.',
  })
  nextCursor!: string | null;
}
