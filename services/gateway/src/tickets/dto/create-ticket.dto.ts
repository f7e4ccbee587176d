import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateBy,
} from 'class-validator';
import { JSON_OBJECT_SCHEMA, type JsonObject } from './json-object';
import { INSTANT } from './instant';
import { AreTags, TAGS_SCHEMA } from './tags';
import {
  CHANGE_KINDS,
  type ChangeKindName,
  CHANNELS,
  type ChannelName,
  IMPACTS,
  type ImpactName,
  TICKET_TYPES,
  type TicketTypeName,
  URGENCIES,
  type UrgencyName,
} from './ticket-enums';
import { ClaimedActor } from '../../auth/actor';

/** Refuses the field on any type but change, so a client learns of its mistake at once. */
function OnlyForChanges(): PropertyDecorator {
  return ValidateBy({
    name: 'onlyForChanges',
    validator: {
      validate: (_value, args) => (args?.object as Partial<CreateTicketDto>).type === 'change',
      defaultMessage: (args) => `${args?.property ?? 'the field'} is only for type change`,
    },
  });
}

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

  @ClaimedActor({
    who: 'Who needs help.',
    example: 'emp-1042',
    onBehalf: 'tickets.create_on_behalf',
  })
  requesterId?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'org-acme',
    description:
      "The requester's customer organisation. Filing for yourself it defaults to yours; naming " +
      'another needs the `tickets.create_on_behalf` permission (else 403).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organizationId?: string;

  @ApiPropertyOptional({
    enum: CHANGE_KINDS,
    example: 'normal',
    // No `default`: generated clients would send it with every incident and be refused.
    description:
      'Changes only (normal when absent): standard ones are pre-approved, normal ones meet the CAB, emergency ones skip assessment.',
  })
  @IsOptional()
  @IsIn(CHANGE_KINDS)
  @OnlyForChanges()
  changeKind?: ChangeKindName;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: 200 },
    maxItems: 50,
    example: ['ci-db-primary', 'ci-vpn-gateway'],
    description:
      'The configuration items (CMDB ids) it is about: what failed, what a change touches.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  configurationItemIds?: string[];

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-05T22:00:00+03:00',
    description: 'Changes: when the work is planned to start; may wait until submit.',
  })
  @IsOptional()
  @IsISO8601(INSTANT)
  plannedStart?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-06T02:00:00+03:00',
    description: 'Changes: when the work is planned to end.',
  })
  @IsOptional()
  @IsISO8601(INSTANT)
  plannedEnd?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-11-20T17:30:00+03:00',
    description:
      'When the requester reported it, for a ticket logged after the fact (a call written up later); ' +
      'at most 30 days ago. SLA clocks start here. Default: now.',
  })
  @IsOptional()
  @IsISO8601(INSTANT)
  reportedAt?: string;

  @ApiPropertyOptional({
    ...TAGS_SCHEMA,
    description: 'Labels to find the ticket again; stored lower-case and trimmed.',
  })
  @IsOptional()
  @AreTags()
  tags?: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The business service (GET /api/v1/catalog/services) the ticket is about.',
  })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A category (GET /api/v1/catalog/categories); its form asks for customFields.',
  })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({
    ...JSON_OBJECT_SCHEMA,
    example: { affectedUsers: 12 },
    description: "The values of the category's form, checked against its JSON Schema.",
  })
  @IsOptional()
  @IsObject()
  customFields?: JsonObject;
}
