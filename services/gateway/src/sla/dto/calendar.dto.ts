import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { CALENDAR_KINDS, type CalendarKindName } from './sla-enums';

/** Longest lists a calendar takes: intervals a day, and dates (a decade of holidays). */
const MAX_INTERVALS = 12;
const MAX_DATES = 3_660;

export class WorkingHoursDto {
  @ApiProperty({ example: '09:00', description: 'Local time HH:mm.' })
  @IsString()
  @MaxLength(5)
  from!: string;

  @ApiProperty({ example: '18:00', description: 'Local time HH:mm; 24:00 ends at midnight.' })
  @IsString()
  @MaxLength(5)
  to!: string;
}

/** An object of `YYYY-MM-DD` → name; which dates and names are the SLA service's to judge. */
const IsHolidayNames = () =>
  ValidateBy({
    name: 'isHolidayNames',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length <= MAX_DATES &&
        Object.values(value).every((name) => typeof name === 'string'),
      defaultMessage: () => '$property must be an object of dates to names, each a string',
    },
  });

const HOLIDAY_NAMES_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'string', maxLength: 100 },
  example: { '2027-01-01': 'Новый год', '2027-01-07': 'Рождество Христово' },
} as const;

const hoursOfDay = (day: string) =>
  applyDecorators(
    ApiPropertyOptional({
      type: [WorkingHoursDto],
      description: `${day}'s working intervals, sorted and disjoint; absent or empty: not worked.`,
      example: [{ from: '09:00', to: '18:00' }],
    }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(MAX_INTERVALS),
    ValidateNested({ each: true }),
    Type(() => WorkingHoursDto),
  );

/** Working hours per weekday, in the calendar's time zone; several intervals a day allowed. */
export class WeekHoursDto {
  @hoursOfDay('Monday') monday?: WorkingHoursDto[];
  @hoursOfDay('Tuesday') tuesday?: WorkingHoursDto[];
  @hoursOfDay('Wednesday') wednesday?: WorkingHoursDto[];
  @hoursOfDay('Thursday') thursday?: WorkingHoursDto[];
  @hoursOfDay('Friday') friday?: WorkingHoursDto[];
  @hoursOfDay('Saturday') saturday?: WorkingHoursDto[];
  @hoursOfDay('Sunday') sunday?: WorkingHoursDto[];
}

/** A date worked with its own hours, e.g. a Saturday worked in place of a holiday. */
export class WorkingDayDto {
  @ApiProperty({ example: '2026-12-26', description: 'YYYY-MM-DD in the calendar’s time zone.' })
  @IsString()
  @MaxLength(10)
  date!: string;

  @ApiProperty({ type: [WorkingHoursDto] })
  @IsArray()
  @ArrayMaxSize(MAX_INTERVALS)
  @ValidateNested({ each: true })
  @Type(() => WorkingHoursDto)
  hours!: WorkingHoursDto[];
}

/** What a business calendar is made of, as written by POST and PUT. */
export class WriteCalendarDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Moscow office' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    enum: CALENDAR_KINDS,
    description: '`always_on`: every instant counts (24×7); `working_hours`: only the hours given.',
  })
  @IsIn(CALENDAR_KINDS)
  kind!: CalendarKindName;

  @ApiProperty({
    example: 'Europe/Moscow',
    description: 'IANA time zone the hours and dates are read in (DST-correct).',
  })
  @IsString()
  @MaxLength(64)
  timeZone!: string;

  @ApiPropertyOptional({ type: WeekHoursDto, description: 'For `working_hours` calendars.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WeekHoursDto)
  workingHours?: WeekHoursDto;

  @ApiPropertyOptional({
    type: [String],
    example: ['2027-01-01', '2027-01-07'],
    description: 'YYYY-MM-DD dates not worked whatever their weekday.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_DATES)
  @IsString({ each: true })
  holidays?: string[];

  @ApiPropertyOptional({
    ...HOLIDAY_NAMES_SCHEMA,
    description:
      'What holidays are called, by date. Every key is one of `holidays`; a name is trimmed, ' +
      'not blank and at most 100 characters. A holiday without an entry has no name.',
  })
  @IsOptional()
  @IsHolidayNames()
  holidayNames?: Record<string, string>;

  @ApiPropertyOptional({ type: [WorkingDayDto], description: 'Moved working days.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_DATES)
  @ValidateNested({ each: true })
  @Type(() => WorkingDayDto)
  workingDays?: WorkingDayDto[];
}

export class CalendarDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Moscow office' })
  name!: string;

  @ApiProperty({ enum: CALENDAR_KINDS })
  kind!: CalendarKindName;

  @ApiProperty({ example: 'Europe/Moscow' })
  timeZone!: string;

  @ApiProperty({ type: WeekHoursDto, description: 'Every weekday; empty when not worked.' })
  workingHours!: Required<WeekHoursDto>;

  @ApiProperty({ type: [String] })
  holidays!: string[];

  @ApiProperty({
    ...HOLIDAY_NAMES_SCHEMA,
    description: 'What holidays are called, by date; `{}` when none has a name.',
  })
  holidayNames!: Record<string, string>;

  @ApiProperty({ type: [WorkingDayDto] })
  workingDays!: WorkingDayDto[];

  @ApiProperty({ example: 1, description: 'Also sent as the ETag; name it in If-Match to update.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class CalendarListDto {
  @ApiProperty({ type: [CalendarDto], description: 'By name.' })
  items!: CalendarDto[];
}
