import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  IMPORTANCES,
  type ImportanceName,
  KEY_MAX_LENGTH,
  KEY_PATTERN,
  KEY_RULE,
  TRIGGER_AUDIENCES,
  TRIGGER_CHANNELS,
  type TriggerAudienceName,
  type TriggerChannelName,
} from './notification-enums';

/** Who is told what: one event type, the people it reaches, the channels and the template. */
export class NotificationTriggerDto {
  @ApiProperty({ example: 'ticket-created' })
  key!: string;

  @ApiProperty({
    example: 'itsm.tickets.v1.ticket.created',
    description: 'The CloudEvents type that fires it.',
  })
  eventType!: string;

  @ApiProperty({ enum: TRIGGER_AUDIENCES, isArray: true, example: ['requester', 'group'] })
  audiences!: TriggerAudienceName[];

  @ApiProperty({ enum: TRIGGER_CHANNELS, isArray: true, example: ['email', 'in_app'] })
  channels!: TriggerChannelName[];

  @ApiProperty({ example: 'ticket-created', description: 'The template, in each language.' })
  templateKey!: string;

  @ApiProperty({
    enum: IMPORTANCES,
    description: 'Low-importance email may go into a digest, by the recipient’s preference.',
  })
  importance!: ImportanceName;

  @ApiProperty({ example: true })
  enabled!: boolean;

  @ApiProperty({ example: 1, description: 'Also sent as the ETag; name it in If-Match to update.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class NotificationTriggerListDto {
  @ApiProperty({ type: [NotificationTriggerDto], description: 'By key.' })
  items!: NotificationTriggerDto[];
}

export class NotificationTriggerPathDto {
  @ApiProperty({
    maxLength: KEY_MAX_LENGTH,
    pattern: KEY_PATTERN.source,
    example: 'ticket-created',
  })
  @IsString()
  @MaxLength(KEY_MAX_LENGTH)
  @Matches(KEY_PATTERN, { message: `key must be ${KEY_RULE}` })
  key!: string;
}

/** The fields to change; those left out keep their value. */
export class UpdateNotificationTriggerDto {
  @ApiPropertyOptional({
    enum: TRIGGER_AUDIENCES,
    isArray: true,
    maxItems: TRIGGER_AUDIENCES.length,
    uniqueItems: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TRIGGER_AUDIENCES.length)
  @ArrayUnique()
  @IsIn(TRIGGER_AUDIENCES, { each: true })
  audiences?: TriggerAudienceName[];

  @ApiPropertyOptional({
    enum: TRIGGER_CHANNELS,
    isArray: true,
    maxItems: TRIGGER_CHANNELS.length,
    uniqueItems: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TRIGGER_CHANNELS.length)
  @ArrayUnique()
  @IsIn(TRIGGER_CHANNELS, { each: true })
  channels?: TriggerChannelName[];

  @ApiPropertyOptional({
    maxLength: KEY_MAX_LENGTH,
    pattern: KEY_PATTERN.source,
    example: 'ticket-created',
    description: 'A template that exists in every language.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(KEY_MAX_LENGTH)
  @Matches(KEY_PATTERN, { message: `templateKey must be ${KEY_RULE}` })
  templateKey?: string;

  @ApiPropertyOptional({ enum: IMPORTANCES })
  @IsOptional()
  @IsIn(IMPORTANCES)
  importance?: ImportanceName;

  @ApiPropertyOptional({ description: 'false: the event reaches nobody through this trigger.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
