import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ASSIGNMENT_STRATEGIES, type AssignmentStrategyName } from './routing-enums';

const STRATEGY_DESCRIPTION =
  'How an agent of the group is chosen. `round_robin`: the eligible agent given a ticket longest ' +
  'ago; `least_loaded`: the one with the least open work, weighted by priority; `skills_match`: ' +
  'the one strongest in the skills the ticket’s category needs, then the least loaded.';

/** An assignment group as written by POST and PUT (PUT replaces the whole group). */
export class WriteSupportGroupDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Network' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ format: 'uuid', description: 'The line of support the group belongs to.' })
  @IsUUID()
  lineId!: string;

  @ApiProperty({ enum: ASSIGNMENT_STRATEGIES, description: STRATEGY_DESCRIPTION })
  @IsIn(ASSIGNMENT_STRATEGIES)
  strategy!: AssignmentStrategyName;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'lead-7',
    description: 'The user told when a ticket of the group breaches its SLA; absent: nobody.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  supervisorId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The group of the next line functional escalations go to; absent: none.',
  })
  @IsOptional()
  @IsUUID()
  escalationGroupId?: string;

  @ApiPropertyOptional({
    default: false,
    description: 'An SLA warning moves the ticket to the escalation group by itself.',
  })
  @IsOptional()
  @IsBoolean()
  escalateOnSlaWarning?: boolean;

  @ApiPropertyOptional({
    default: true,
    description: 'Hand tickets to agents automatically; false: they wait in the group queue.',
  })
  @IsOptional()
  @IsBoolean()
  autoAssign?: boolean;
}

export class SupportGroupDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Network' })
  name!: string;

  @ApiProperty({ format: 'uuid' })
  lineId!: string;

  @ApiProperty({ enum: ASSIGNMENT_STRATEGIES })
  strategy!: AssignmentStrategyName;

  @ApiProperty({ type: String, nullable: true, example: 'lead-7' })
  supervisorId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  escalationGroupId!: string | null;

  @ApiProperty()
  escalateOnSlaWarning!: boolean;

  @ApiProperty()
  autoAssign!: boolean;

  @ApiProperty({ example: 3, description: 'Tickets of the group waiting for an agent.' })
  queuedTickets!: number;

  @ApiProperty({ example: 1, description: 'Also sent as the ETag; name it in If-Match to update.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class SupportGroupListDto {
  @ApiProperty({ type: [SupportGroupDto], description: 'By line level, then name.' })
  items!: SupportGroupDto[];
}

export class ListSupportGroupsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the groups of this line.' })
  @IsOptional()
  @IsUUID()
  lineId?: string;
}
