import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, type TransformFnParams, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AreTags, MAX_TAG_LENGTH, MAX_TAGS } from './tags';
import {
  PRIORITIES,
  type PriorityName,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketStatusName,
  type TicketTypeName,
} from './ticket-enums';
import { INSTANT } from './instant';

/** Tickets asked for by id in one list: a page's worth. */
export const MAX_TICKET_IDS = 100;

/** REST spellings of the list orders; a leading minus sorts descending. */
export const TICKET_SORTS = [
  '-createdAt',
  'createdAt',
  '-updatedAt',
  'updatedAt',
  '-priority',
  'priority',
] as const;
export type TicketSortName = (typeof TICKET_SORTS)[number];

/**
 * `?tag=vpn&tag=vip` and `?tag=vpn,vip` alike become `['vpn', 'vip']`; one `?tag=vpn` becomes
 * `['vpn']`. Blank pieces stay, so `?tag=vpn,` is refused rather than read as `vpn`. The same for
 * `?id=`.
 */
function toList({ value }: TransformFnParams): unknown {
  if (value === undefined) return undefined;
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.flatMap((item) =>
    typeof item === 'string' ? item.split(',').map((tag) => tag.trim()) : [item],
  );
}

export class ListTicketsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
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

  @ApiPropertyOptional({ enum: TICKET_TYPES })
  @IsOptional()
  @IsIn(TICKET_TYPES)
  type?: TicketTypeName;

  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatusName;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: PriorityName;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  requesterId?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organizationId?: string;

  @ApiPropertyOptional({ maxLength: 200, description: "A group's queue." })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  assignmentGroupId?: string;

  @ApiPropertyOptional({ maxLength: 200, description: "An agent's queue." })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  assigneeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Tickets about this business service.' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Tickets in this category.' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'не работает впн',
    description: 'Words to find in title or description; Russian and English word forms match.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: TICKET_SORTS,
    default: '-createdAt',
    description:
      'Sort order; a leading minus sorts descending. `-priority` puts the most urgent first, newest first among equals.',
  })
  @IsOptional()
  @IsIn(TICKET_SORTS)
  sort?: TicketSortName;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-11-01T00:00:00+03:00',
    description: 'Created at or after this instant.',
  })
  @IsOptional()
  @IsISO8601(INSTANT)
  createdFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Created before this instant.' })
  @IsOptional()
  @IsISO8601(INSTANT)
  createdTo?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Last changed at or after this instant.',
  })
  @IsOptional()
  @IsISO8601(INSTANT)
  updatedFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Last changed before this instant.' })
  @IsOptional()
  @IsISO8601(INSTANT)
  updatedTo?: string;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: MAX_TAG_LENGTH },
    maxItems: MAX_TAGS,
    example: ['vpn', 'vip'],
    description:
      `Tickets carrying every one of these tags (1 to ${MAX_TAG_LENGTH} characters each, any case). ` +
      'Repeat the parameter (`?tag=vpn&tag=vip`) or separate the tags by commas (`?tag=vpn,vip`).',
  })
  @IsOptional()
  @Transform(toList)
  @AreTags()
  tag?: string[];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', format: 'uuid' },
    maxItems: MAX_TICKET_IDS,
    description:
      'Only these tickets (those of them the caller may see), e.g. to show the titles of a list ' +
      'of ticket ids in one call. Repeat the parameter or separate the ids by commas.',
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(MAX_TICKET_IDS)
  @IsUUID(undefined, { each: true })
  id?: string[];
}
