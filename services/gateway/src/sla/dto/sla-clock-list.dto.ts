import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { INSTANT } from '../../tickets/dto/instant';
import {
  CLOCK_CONDITIONS,
  CLOCK_STATES,
  type ClockConditionName,
  type ClockStateName,
  SLA_TARGETS,
  type SlaTargetName,
} from './sla-enums';

export class SlaClockListQueryDto {
  @ApiProperty({
    enum: CLOCK_CONDITIONS,
    description:
      '`at_risk`: running clocks that have sent a warning and are not breached yet; ' +
      '`breached`: clocks breached in [since, until), whatever their state now.',
  })
  @IsIn(CLOCK_CONDITIONS)
  condition!: ClockConditionName;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-11-23T00:00:00+03:00',
    description: 'Breaches at or after this instant; absent: the start of today in `timeZone`.',
  })
  @IsOptional()
  @IsISO8601(INSTANT)
  since?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Breaches before this instant (exclusive); absent: up to now.',
  })
  @IsOptional()
  @IsISO8601(INSTANT)
  until?: string;

  @ApiPropertyOptional({
    example: 'Europe/Moscow',
    default: 'UTC',
    description: 'IANA time zone whose day “today” is.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({
    description: 'Only clocks of tickets this assignment group held while they counted.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  groupId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'The `nextPageToken` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  pageToken?: string;
}

/** One target's clock of a ticket, as a supervisor's list shows it. */
export class ListedClockDto {
  @ApiProperty({ format: 'uuid' })
  ticketId!: string;

  @ApiProperty({ example: 'INC-000042' })
  ticketNumber!: string;

  @ApiProperty({ enum: SLA_TARGETS })
  target!: SlaTargetName;

  @ApiProperty({ enum: CLOCK_STATES })
  state!: ClockStateName;

  @ApiProperty({
    format: 'date-time',
    description: 'When the target is (or was) reached, UTC.',
  })
  dueAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  breachedAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the latest warning was sent; null when none was.',
  })
  warningIssuedAt!: string | null;

  @ApiProperty({ format: 'uuid' })
  policyId!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The policy’s name; null for a policy since removed.',
  })
  policyName!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The assignment group holding the ticket while the clock counted.',
  })
  groupId!: string | null;
}

export class SlaClockCountsDto {
  @ApiProperty({ example: 4, description: 'Clocks at risk now.' })
  atRisk!: number;

  @ApiProperty({ example: 1, description: 'Clocks breached in the period.' })
  breached!: number;
}

export class SlaClockListDto {
  @ApiProperty({ enum: CLOCK_CONDITIONS })
  condition!: ClockConditionName;

  @ApiProperty({ format: 'date-time', description: 'The start of the breach period counted.' })
  since!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  until!: string | null;

  @ApiProperty({ type: SlaClockCountsDto, description: 'With the same group filter.' })
  counts!: SlaClockCountsDto;

  @ApiProperty({ type: [ListedClockDto], description: 'Earliest due first.' })
  items!: ListedClockDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `pageToken` for the next page; null on the last one.',
  })
  nextPageToken!: string | null;
}
