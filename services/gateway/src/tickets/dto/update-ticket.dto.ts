import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  IMPACTS,
  type ImpactName,
  PRIORITIES,
  type PriorityName,
  URGENCIES,
  type UrgencyName,
} from './ticket-enums';
import { AreTags, TAGS_SCHEMA } from './tags';
import { ClaimedActor } from '../../auth/actor';

/** A partial update: only the fields present change. */
export class UpdateTicketDto {
  @ClaimedActor({ who: 'Who edits.' })
  actorId?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({
    enum: IMPACTS,
    description: 'Recomputes the priority unless it was set by hand.',
  })
  @IsOptional()
  @IsIn(IMPACTS)
  impact?: ImpactName;

  @ApiPropertyOptional({
    enum: URGENCIES,
    description: 'Recomputes the priority unless it was set by hand.',
  })
  @IsOptional()
  @IsIn(URGENCIES)
  urgency?: UrgencyName;

  @ApiPropertyOptional({
    enum: PRIORITIES,
    nullable: true,
    description:
      'Set the priority by hand (needs priorityReason); null hands it back to the impact × urgency matrix.',
  })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: PriorityName | null;

  @ApiPropertyOptional({ maxLength: 500, example: 'Affects the whole trading floor' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  priorityReason?: string;

  @ApiPropertyOptional({
    ...TAGS_SCHEMA,
    description: 'The whole new set of tags, stored lower-case and trimmed; `[]` removes them all.',
  })
  @IsOptional()
  @AreTags()
  tags?: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 50,
    example: ['0194a000-0000-7000-8000-00000000c001'],
    description:
      'The whole new set of configuration items (CMDB ids) the ticket is about; `[]` removes them.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  configurationItemIds?: string[];
}
