import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { TicketDto } from './ticket.dto';

export class MergeTicketDto {
  @ApiProperty({ format: 'uuid', description: 'The ticket that stays.' })
  @IsUUID()
  targetId!: string;

  @ApiProperty({
    maxLength: 200,
    example: 'agent-17',
    description: 'Who merges (until sign-in lands, given by the caller).',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  actorId!: string;
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
