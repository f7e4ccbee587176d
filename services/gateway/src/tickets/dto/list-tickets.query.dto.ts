import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  PRIORITIES,
  type PriorityName,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketStatusName,
  type TicketTypeName,
} from './ticket-enums';

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

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'не работает впн',
    description: 'Words to find in title or description; Russian and English word forms match.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
