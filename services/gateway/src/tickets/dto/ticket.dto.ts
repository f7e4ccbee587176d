import { ApiProperty } from '@nestjs/swagger';
import {
  CHANNELS,
  type ChannelName,
  IMPACTS,
  type ImpactName,
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

export class TicketDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'INC-000123' })
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
