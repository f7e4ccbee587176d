import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  CHANNELS,
  type ChannelName,
  PENDING_REASONS,
  type PendingReasonName,
  PRIORITIES,
  type PriorityName,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketStatusName,
  type TicketTypeName,
} from '../../tickets/dto/ticket-enums';
import { POLICY_KINDS, type PolicyKindName, SLA_TARGETS, type SlaTargetName } from './sla-enums';

const MAX_VALUES = 200;
/** A target of up to a year of business time. */
const MAX_TARGET_MS = 366 * 24 * 3_600_000;

/** Each list narrows the tickets a policy applies to; absent or empty matches any ticket. */
export class PolicyConditionsDto {
  @ApiPropertyOptional({ enum: TICKET_TYPES, isArray: true, example: ['incident'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_VALUES)
  @IsIn(TICKET_TYPES, { each: true })
  types?: TicketTypeName[];

  @ApiPropertyOptional({ enum: PRIORITIES, isArray: true, example: ['critical', 'high'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_VALUES)
  @IsIn(PRIORITIES, { each: true })
  priorities?: PriorityName[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Business services.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_VALUES)
  @IsUUID(undefined, { each: true })
  serviceIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['org-acme'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_VALUES)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  organizationIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Ticket categories.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_VALUES)
  @IsUUID(undefined, { each: true })
  categoryIds?: string[];

  @ApiPropertyOptional({ enum: CHANNELS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_VALUES)
  @IsIn(CHANNELS, { each: true })
  channels?: ChannelName[];
}

export class PolicyTargetDto {
  @ApiProperty({ enum: SLA_TARGETS, description: '`ola` for OLA policies only.' })
  @IsIn(SLA_TARGETS)
  target!: SlaTargetName;

  @ApiProperty({ example: 14_400_000, minimum: 1, description: 'Business time in ms.' })
  @IsInt()
  @Min(1)
  @Max(MAX_TARGET_MS)
  targetMs!: number;

  @ApiProperty({ format: 'uuid', description: 'The calendar the target counts in.' })
  @IsUUID()
  calendarId!: string;
}

export class PauseRuleDto {
  @ApiProperty({ enum: TICKET_STATUSES, example: 'pending' })
  @IsIn(TICKET_STATUSES)
  status!: TicketStatusName;

  @ApiPropertyOptional({
    enum: PENDING_REASONS,
    isArray: true,
    example: ['awaiting_customer'],
    description: 'Pending reasons that pause; absent or empty: any.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_VALUES)
  @IsIn(PENDING_REASONS, { each: true })
  reasons?: PendingReasonName[];
}

/** A policy as written by POST and PUT (PUT replaces the whole policy). */
export class WritePolicyDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'VIP incidents' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ enum: POLICY_KINDS, default: 'sla' })
  @IsOptional()
  @IsIn(POLICY_KINDS)
  kind?: PolicyKindName;

  @ApiPropertyOptional({
    minimum: 1,
    example: 5,
    description:
      'Lower orders are tried first. Absent: after every other policy (POST), unchanged (PUT).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  order?: number;

  @ApiPropertyOptional({ type: PolicyConditionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PolicyConditionsDto)
  conditions?: PolicyConditionsDto;

  @ApiProperty({ type: [PolicyTargetDto], minItems: 1, description: 'One per target at most.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SLA_TARGETS.length)
  @ValidateNested({ each: true })
  @Type(() => PolicyTargetDto)
  targets!: PolicyTargetDto[];

  @ApiPropertyOptional({
    type: [Number],
    example: [0.75, 0.9],
    description: 'Shares of each target to warn at, ascending, each between 0 and 1.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true })
  warningThresholds?: number[];

  @ApiPropertyOptional({ type: [PauseRuleDto], description: 'Statuses that stop the clocks.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_VALUES)
  @ValidateNested({ each: true })
  @Type(() => PauseRuleDto)
  pauseRules?: PauseRuleDto[];

  @ApiPropertyOptional({
    default: true,
    description: 'An inactive policy starts no clocks; clocks it started keep counting by it.',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class PolicyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'VIP incidents' })
  name!: string;

  @ApiProperty({ enum: POLICY_KINDS })
  kind!: PolicyKindName;

  @ApiProperty({ example: 5 })
  order!: number;

  @ApiProperty({ type: PolicyConditionsDto, description: 'Every list, empty when it matches any.' })
  conditions!: Required<PolicyConditionsDto>;

  @ApiProperty({ type: [PolicyTargetDto] })
  targets!: PolicyTargetDto[];

  @ApiProperty({ type: [Number], example: [0.75, 0.9] })
  warningThresholds!: number[];

  @ApiProperty({ type: [PauseRuleDto] })
  pauseRules!: { status: TicketStatusName; reasons: PendingReasonName[] }[];

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ example: 1, description: 'Also sent as the ETag; name it in If-Match to update.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class PolicyListDto {
  @ApiProperty({ type: [PolicyDto], description: 'In the order they are tried.' })
  items!: PolicyDto[];
}

/** `true` and `false` as booleans; anything else stays as given, for IsBoolean to refuse. */
function toBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

export class ListPoliciesQueryDto {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Also inactive policies.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeInactive?: boolean;
}
