import { ApiProperty } from '@nestjs/swagger';
import { CLOCK_STATES, type ClockStateName, SLA_TARGETS, type SlaTargetName } from './sla-enums';

/** Business time in parts to put in words ("1 h 5 min left", "overdue by 20 min"). */
export class BusinessDurationDto {
  @ApiProperty({ description: 'True once the target is exceeded: the parts then say by how much.' })
  overdue!: boolean;

  @ApiProperty({ example: 3, description: 'Whole business hours (may exceed 24).' })
  hours!: number;

  @ApiProperty({ example: 25, minimum: 0, maximum: 59 })
  minutes!: number;

  @ApiProperty({ example: 0, minimum: 0, maximum: 59 })
  seconds!: number;
}

export class ClockWarningDto {
  @ApiProperty({ example: 0.75, description: 'The share of the target warned at.' })
  threshold!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dueAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the warning event was sent; null until then.',
  })
  firedAt!: string | null;
}

/** One target's clock of the ticket, as of `asOf`. */
export class TicketClockDto {
  @ApiProperty({ enum: SLA_TARGETS })
  target!: SlaTargetName;

  @ApiProperty({ enum: CLOCK_STATES })
  state!: ClockStateName;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-11-23T09:30:00.000Z',
    description: 'When the target is (or was) reached, UTC; null while paused before reaching it.',
  })
  dueAt!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-11-23T12:30:00+03:00',
    description: 'The same instant in the calendar’s time zone, with its offset.',
  })
  dueAtLocal!: string | null;

  @ApiProperty({ example: 'Europe/Moscow', description: 'The time zone of the clock’s calendar.' })
  timeZone!: string;

  @ApiProperty({ example: 14_400_000, description: 'The target, in business ms.' })
  targetMs!: number;

  @ApiProperty({ example: 3_600_000, description: 'Business time counted so far, in ms.' })
  elapsedMs!: number;

  @ApiProperty({
    example: 10_800_000,
    description: 'Business time left until the target, in ms; negative once it is exceeded.',
  })
  remainingMs!: number;

  @ApiProperty({ type: BusinessDurationDto, description: '`remainingMs` in parts.' })
  remaining!: BusinessDurationDto;

  @ApiProperty({ format: 'uuid', description: 'The policy that set the target.' })
  policyId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Incidents · medium' })
  policyName!: string | null;

  @ApiProperty({ format: 'uuid' })
  calendarId!: string;

  @ApiProperty({ type: [ClockWarningDto] })
  warnings!: ClockWarningDto[];

  @ApiProperty({
    format: 'date-time',
    description: 'When it started: when the ticket was reported.',
  })
  startedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  breachedAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it was met, breached on stopping, or cancelled.',
  })
  stoppedAt!: string | null;
}

export class TicketSlaDto {
  @ApiProperty({ format: 'uuid' })
  ticketId!: string;

  @ApiProperty({ example: 'INC-000123' })
  ticketNumber!: string;

  @ApiProperty({ format: 'date-time', description: 'The instant remaining times are counted at.' })
  asOf!: string;

  @ApiProperty({
    type: [TicketClockDto],
    description: 'By target; empty for tickets without SLA (problems, changes, no policy).',
  })
  clocks!: TicketClockDto[];
}
