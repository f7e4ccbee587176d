import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { INSTANT } from '../../tickets/dto/instant';
import { TICKET_TYPES, type TicketTypeName } from '../../tickets/dto/ticket-enums';

export class ServiceDeskReportQueryDto {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-11-01T00:00:00+03:00',
    description: 'Start of the period; absent: 30 days before `to`.',
  })
  @IsOptional()
  @IsISO8601(INSTANT)
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-01T00:00:00+03:00',
    description: 'Exclusive end of the period, at most 92 days after `from`; absent: now.',
  })
  @IsOptional()
  @IsISO8601(INSTANT)
  to?: string;

  @ApiPropertyOptional({
    maxLength: 64,
    example: 'Europe/Moscow',
    description:
      'The IANA time zone whose days the period is cut into; absent: the time zone of your ' +
      'profile, or UTC.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Only tickets of this assignment group.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  groupId?: string;

  @ApiPropertyOptional({ enum: TICKET_TYPES, description: 'Only tickets of this type.' })
  @IsOptional()
  @IsIn(TICKET_TYPES)
  type?: TicketTypeName;
}

export class DurationFiguresDto {
  @ApiProperty({ example: 12, description: 'Tickets that reached the event.' })
  count!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 42.5,
    description: 'Mean minutes from creation; null when no ticket reached the event.',
  })
  meanMinutes!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 18,
    description: 'Median minutes from creation; null when no ticket reached the event.',
  })
  medianMinutes!: number | null;
}

export class SatisfactionFiguresDto {
  @ApiProperty({ example: 9, description: 'Ratings given.' })
  ratings!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 4.33,
    description: 'Average rating from 1 to 5; null without ratings.',
  })
  average!: number | null;

  @ApiProperty({ example: 8, description: 'Ratings of 4 or 5.' })
  satisfied!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 88.9,
    description: 'Ratings of 4 or 5 per 100 ratings (CSAT); null without ratings.',
  })
  satisfiedPercent!: number | null;
}

export class ServiceDeskFiguresDto {
  @ApiProperty({ example: 14, description: 'Tickets created.' })
  created!: number;

  @ApiProperty({ example: 11, description: 'Tickets resolved.' })
  resolved!: number;

  @ApiProperty({
    type: DurationFiguresDto,
    description: 'Time to first response (MTTA), of the tickets first responded to.',
  })
  firstResponse!: DurationFiguresDto;

  @ApiProperty({
    type: DurationFiguresDto,
    description: 'Time to resolve (MTTR), of the tickets resolved.',
  })
  resolution!: DurationFiguresDto;

  @ApiProperty({
    type: SatisfactionFiguresDto,
    description: 'Satisfaction (CSAT), of the ratings given.',
  })
  satisfaction!: SatisfactionFiguresDto;
}

export class ServiceDeskDayDto extends ServiceDeskFiguresDto {
  @ApiProperty({ format: 'date', example: '2026-11-23', description: 'The local date.' })
  date!: string;
}

export class ServiceDeskReportDto {
  @ApiProperty({ format: 'date-time' })
  from!: string;

  @ApiProperty({ format: 'date-time', description: 'Exclusive.' })
  to!: string;

  @ApiProperty({ example: 'Europe/Moscow' })
  timeZone!: string;

  @ApiProperty({ type: String, nullable: true })
  groupId!: string | null;

  @ApiProperty({ enum: TICKET_TYPES, nullable: true })
  type!: TicketTypeName | null;

  @ApiProperty({
    type: [ServiceDeskDayDto],
    description: 'Every local day of the period, oldest first, days without tickets included.',
  })
  days!: ServiceDeskDayDto[];

  @ApiProperty({
    type: ServiceDeskFiguresDto,
    description: 'The whole period: its means and medians are of tickets, not of days.',
  })
  total!: ServiceDeskFiguresDto;
}
