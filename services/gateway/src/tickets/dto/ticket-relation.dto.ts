import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { RELATION_KINDS, type RelationKindName } from './ticket-enums';
import { ClaimedActor } from '../../auth/actor';

const KIND_DESCRIPTION =
  'Reads "source <kind> target". child_of: the source sits under the target (a user\'s incident under a major incident); ' +
  'duplicate_of: the source reports the same as the target (set by merging); ' +
  'caused_by: the source incident is caused by the target problem; relates_to: related without a direction.';

/** A relation between two tickets, read from the source: "source <kind> target". */
export class TicketRelationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  sourceId!: string;

  @ApiProperty({ example: 'INC-000123' })
  sourceNumber!: string;

  @ApiProperty({ enum: RELATION_KINDS, description: KIND_DESCRIPTION })
  kind!: RelationKindName;

  @ApiProperty({ format: 'uuid' })
  targetId!: string;

  @ApiProperty({ example: 'PRB-000007' })
  targetNumber!: string;

  @ApiProperty({ description: 'Who related the tickets.' })
  actorId!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class TicketRelationListDto {
  @ApiProperty({
    type: [TicketRelationDto],
    description: 'The relations in which the ticket is the source or the target, oldest first.',
  })
  items!: TicketRelationDto[];
}

export class LinkTicketDto {
  @ApiProperty({ enum: RELATION_KINDS, example: 'caused_by', description: KIND_DESCRIPTION })
  @IsIn(RELATION_KINDS)
  kind!: RelationKindName;

  @ApiProperty({ format: 'uuid', description: 'The ticket the relation points to.' })
  @IsUUID()
  targetId!: string;

  @ClaimedActor({ who: 'Who relates the tickets.' })
  actorId?: string;
}

export class UnlinkTicketQueryDto {
  @ClaimedActor({ who: 'Who removes the relation.' })
  actorId?: string;
}
