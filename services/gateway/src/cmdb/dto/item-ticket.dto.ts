import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { toBoolean } from '../../knowledge/dto/list-articles.query.dto';
import {
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketStatusName,
  type TicketTypeName,
} from '../../tickets/dto/ticket-enums';

export class ItemTicketsQueryDto {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Only open tickets.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  openOnly?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** A ticket that names the item, as the CMDB learned it from the tickets' events. */
export class ItemTicketDto {
  @ApiProperty({ format: 'uuid' })
  ticketId!: string;

  @ApiProperty({ example: 'INC-000123' })
  number!: string;

  @ApiProperty({ enum: TICKET_TYPES })
  type!: TicketTypeName;

  @ApiProperty({ example: 'Database does not answer' })
  title!: string;

  @ApiProperty({ enum: TICKET_STATUSES })
  status!: TicketStatusName;

  @ApiProperty()
  open!: boolean;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class ItemTicketListDto {
  @ApiProperty({ type: [ItemTicketDto], description: 'Its open incidents and recent changes.' })
  items!: ItemTicketDto[];
}
