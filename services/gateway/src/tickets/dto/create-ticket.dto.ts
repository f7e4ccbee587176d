import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  CHANNELS,
  type ChannelName,
  IMPACTS,
  type ImpactName,
  TICKET_TYPES,
  type TicketTypeName,
  URGENCIES,
  type UrgencyName,
} from './ticket-enums';

export class CreateTicketDto {
  @ApiProperty({ enum: TICKET_TYPES, example: 'incident' })
  @IsIn(TICKET_TYPES)
  type!: TicketTypeName;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'VPN does not connect from home' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({
    maxLength: 20000,
    example: 'Since this morning the client times out after login.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({
    enum: IMPACTS,
    default: 'medium',
    description: 'How widely the disruption is felt.',
  })
  @IsOptional()
  @IsIn(IMPACTS)
  impact?: ImpactName;

  @ApiPropertyOptional({
    enum: URGENCIES,
    default: 'medium',
    description: 'How soon the requester needs it.',
  })
  @IsOptional()
  @IsIn(URGENCIES)
  urgency?: UrgencyName;

  @ApiPropertyOptional({ enum: CHANNELS, default: 'api' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: ChannelName;

  @ApiProperty({
    maxLength: 200,
    example: 'emp-1042',
    description: 'Who needs help (until sign-in lands, given by the caller).',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  requesterId!: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'org-acme',
    description: "The requester's customer organisation.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organizationId?: string;
}
