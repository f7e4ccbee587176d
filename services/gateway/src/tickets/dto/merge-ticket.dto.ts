import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { TicketDto } from './ticket.dto';
import { ClaimedActor } from '../../auth/actor';

export class MergeTicketDto {
  @ApiProperty({ format: 'uuid', description: 'The ticket that stays.' })
  @IsUUID()
  targetId!: string;

  @ClaimedActor({ who: 'Who merges.' })
  actorId?: string;
}

export class MergeResultDto {
  @ApiProperty({
    type: TicketDto,
    description: 'The duplicate after the merge: cancelled, a duplicate_of the target.',
  })
  source!: TicketDto;

  @ApiProperty({ type: TicketDto, description: 'The ticket that stays, with the conversation.' })
  target!: TicketDto;

  @ApiProperty({
    minimum: 0,
    example: 3,
    description: 'How many comments (public and internal) moved to the target.',
  })
  movedComments!: number;
}
