import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  ATTEMPT_OUTCOMES,
  type AttemptOutcomeName,
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  type DeliveryChannelName,
  type DeliveryStatusName,
} from './notification-enums';

const STATUS_DESCRIPTION =
  '`failed` is retried at `nextAttemptAt`; `dead` has no tries left (redeliver it); ' +
  '`suppressed` was not sent (preferences, no address: see `reason`); `held_for_digest` ' +
  'waits for the recipient’s digest; `digested` went out in one.';

/** One message through one channel: an email to a person, an event to a webhook. */
export class DeliveryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: DELIVERY_CHANNELS })
  channel!: DeliveryChannelName;

  @ApiProperty({ enum: DELIVERY_STATUSES, description: STATUS_DESCRIPTION })
  status!: DeliveryStatusName;

  @ApiProperty({
    example: 'emp-1001',
    description: 'The user id for email and in-app, the subscription id for webhooks.',
  })
  recipientId!: string;

  @ApiProperty({ example: 'anna.petrova@example.com', description: 'Email address or URL.' })
  address!: string;

  @ApiProperty({ description: 'The id of the event that caused it.' })
  eventId!: string;

  @ApiProperty({ example: 'itsm.tickets.v1.ticket.created' })
  eventType!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ticketId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'ticket-created',
    description: 'null for webhooks, which go by subscription.',
  })
  triggerKey!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The email subject.' })
  subject!: string | null;

  @ApiProperty({ example: 1, description: 'Tries made so far.' })
  attemptCount!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextAttemptAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why it was suppressed or held, when it was.',
  })
  reason!: string | null;
}

export class DeliveryAttemptDto {
  @ApiProperty({ example: 1 })
  number!: number;

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ format: 'date-time' })
  finishedAt!: string;

  @ApiProperty({ enum: ATTEMPT_OUTCOMES })
  outcome!: AttemptOutcomeName;

  @ApiProperty({ type: String, nullable: true })
  error!: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 502,
    description: 'The webhook receiver’s HTTP status or the SMTP reply code; null when none came.',
  })
  responseCode!: number | null;
}

/** A delivery with every try made. */
export class DeliveryDetailDto extends DeliveryDto {
  @ApiProperty({ type: [DeliveryAttemptDto], description: 'In the order they were made.' })
  attempts!: DeliveryAttemptDto[];
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryDto], description: 'Newest first.' })
  items!: DeliveryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page.' })
  nextCursor!: string | null;
}

export class ListDeliveriesQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_CHANNELS })
  @IsOptional()
  @IsIn(DELIVERY_CHANNELS)
  channel?: DeliveryChannelName;

  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatusName;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ticketId?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'A user id, or a webhook subscription id.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  recipientId?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Every message one event caused.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  eventId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
