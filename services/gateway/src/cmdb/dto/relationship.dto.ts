import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { ClaimedActor } from '../../auth/actor';
import { RELATIONSHIP_TYPES, type RelationshipTypeName } from './cmdb-enums';

const TYPE_DESCRIPTION =
  'Read as “source <type> target”: `runs_on` (application on VM, VM on host), `depends_on` ' +
  '(business service on application), `connected_to` (network links; both ways for impact), ' +
  '`hosted_in` (server in a rack), `uses_licence` (takes a seat of the target licence).';

export class CreateRelationshipDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sourceId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  targetId!: string;

  @ApiProperty({ enum: RELATIONSHIP_TYPES, example: 'runs_on', description: TYPE_DESCRIPTION })
  @IsIn(RELATIONSHIP_TYPES)
  type!: RelationshipTypeName;

  @ClaimedActor({ who: 'Who relates the items.' })
  actorId?: string;
}

export class RelationshipDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  sourceId!: string;

  @ApiProperty({ format: 'uuid' })
  targetId!: string;

  @ApiProperty({ enum: RELATIONSHIP_TYPES, description: TYPE_DESCRIPTION })
  type!: RelationshipTypeName;

  @ApiProperty({ example: 'agent-17' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class RelationshipListDto {
  @ApiProperty({ type: [RelationshipDto], description: 'Where the item is source or target.' })
  items!: RelationshipDto[];
}

export class DeleteRelationshipQueryDto {
  @ClaimedActor({ who: 'Who removes the relationship.' })
  actorId?: string;
}
