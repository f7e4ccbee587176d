import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { TicketDto } from './ticket.dto';
import { TransitionTicketDto } from './transition-ticket.dto';
import { UpdateTicketDto } from './update-ticket.dto';

export const MAX_BULK_TICKETS = 100;

export class BulkUpdateTicketsDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: MAX_BULK_TICKETS,
    description: 'The tickets to change, each once.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_TICKETS)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  ids!: string[];

  @ApiPropertyOptional({
    type: TransitionTicketDto,
    description: 'One lifecycle action for every ticket (give this or `update`).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => TransitionTicketDto)
  transition?: TransitionTicketDto;

  @ApiPropertyOptional({
    type: UpdateTicketDto,
    description: 'One edit of every ticket (give this or `transition`).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => UpdateTicketDto)
  update?: UpdateTicketDto;
}

export class BulkUpdateResultDto {
  @ApiProperty({
    type: [TicketDto],
    description: 'The tickets after the change, in request order.',
  })
  items!: TicketDto[];
}
