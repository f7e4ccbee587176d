import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { toBoolean } from '../../knowledge/dto/list-articles.query.dto';

const MAX_MARKED_AT_ONCE = 500;

/** A notification in the app, for the caller. */
export class InAppNotificationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ticket-commented', description: 'The trigger that sent it.' })
  triggerKey!: string;

  @ApiProperty({
    example: 'itsm.tickets.v1.ticket.commented',
    description: 'The CloudEvents type of the event it tells of.',
  })
  eventType!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ticketId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'INC-000123' })
  ticketNumber!: string | null;

  @ApiProperty({ example: 'INC-000123: new comment' })
  title!: string;

  @ApiProperty({ example: 'The printer has been replaced; please check.' })
  body!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: unread.' })
  readAt!: string | null;
}

export class InAppNotificationPageDto {
  @ApiProperty({ type: [InAppNotificationDto], description: 'Newest first.' })
  items!: InAppNotificationDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page.' })
  nextCursor!: string | null;

  @ApiProperty({
    example: 3,
    description: 'All of the caller’s unread notifications, not the page’s.',
  })
  unreadCount!: number;
}

export class ListInAppNotificationsQueryDto {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Only unread ones.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unreadOnly?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class MarkNotificationsReadDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_MARKED_AT_ONCE,
    description:
      'The notifications to mark read; absent or empty marks every unread one. Ids that are ' +
      'not the caller’s, or read already, are passed over.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_MARKED_AT_ONCE)
  @IsUUID(undefined, { each: true })
  ids?: string[];
}

export class MarkedNotificationsDto {
  @ApiProperty({ example: 2, description: 'How many were unread and are read now.' })
  marked!: number;
}
