import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { WEEKDAYS, type WeekdayName } from '../../sla/dto/sla-enums';
import { AVAILABILITIES, type AvailabilityName } from './routing-enums';
import { MAX_SKILLS, SkillLevelDto } from './skill.dto';

const MAX_GROUPS = 100;
const MAX_SHIFT_WINDOWS = 50;

const AVAILABILITY_DESCRIPTION =
  '`online`: takes tickets; `away` and `off`: takes none. An agent coming online takes the ' +
  'tickets waiting in their groups’ queues.';

/** A working window on a weekday, in the shift's time zone. */
export class ShiftWindowDto {
  @ApiProperty({ enum: WEEKDAYS, example: 'monday' })
  @IsIn(WEEKDAYS)
  weekday!: WeekdayName;

  @ApiProperty({ example: '09:00', description: 'Local time HH:mm.' })
  @IsString()
  @MaxLength(5)
  start!: string;

  @ApiProperty({
    example: '18:00',
    description: 'Local time HH:mm; an end before the start runs past midnight.',
  })
  @IsString()
  @MaxLength(5)
  end!: string;
}

/** When an agent works; outside it they are off shift and get no tickets. */
export class WorkingShiftDto {
  @ApiProperty({ example: 'Europe/Moscow', description: 'IANA time zone the windows are read in.' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  timeZone!: string;

  @ApiProperty({ type: [ShiftWindowDto], maxItems: MAX_SHIFT_WINDOWS })
  @IsArray()
  @ArrayMaxSize(MAX_SHIFT_WINDOWS)
  @ValidateNested({ each: true })
  @Type(() => ShiftWindowDto)
  windows!: ShiftWindowDto[];
}

/** An agent as written by POST and PUT (PUT replaces the whole agent). */
export class WriteAgentDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    example: 'agent-17',
    description: 'The person’s user id: what tickets name as assignee.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  userId!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Anna Petrova' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_GROUPS,
    description: 'The assignment groups the agent works in.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_GROUPS)
  @IsUUID(undefined, { each: true })
  groupIds?: string[];

  @ApiPropertyOptional({ type: [SkillLevelDto], maxItems: MAX_SKILLS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SKILLS)
  @ValidateNested({ each: true })
  @Type(() => SkillLevelDto)
  skills?: SkillLevelDto[];

  @ApiProperty({ minimum: 0, maximum: 1000, example: 8, description: 'Most open tickets at once.' })
  @IsInt()
  @Min(0)
  @Max(1000)
  capacity!: number;

  @ApiPropertyOptional({
    enum: AVAILABILITIES,
    default: 'online',
    description: AVAILABILITY_DESCRIPTION,
  })
  @IsOptional()
  @IsIn(AVAILABILITIES)
  availability?: AvailabilityName;

  @ApiPropertyOptional({
    type: WorkingShiftDto,
    nullable: true,
    description: 'Absent or null: always on shift.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => WorkingShiftDto)
  shift?: WorkingShiftDto | null;
}

export class AgentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'agent-17' })
  userId!: string;

  @ApiProperty({ example: 'Anna Petrova' })
  displayName!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  groupIds!: string[];

  @ApiProperty({ type: [SkillLevelDto] })
  skills!: SkillLevelDto[];

  @ApiProperty({ example: 8 })
  capacity!: number;

  @ApiProperty({ enum: AVAILABILITIES })
  availability!: AvailabilityName;

  @ApiProperty({ type: WorkingShiftDto, nullable: true, description: 'null: always on shift.' })
  shift!: WorkingShiftDto | null;

  @ApiProperty({ example: 3, description: 'Open tickets the agent holds, as routing counts them.' })
  openTickets!: number;

  @ApiProperty({ example: 4.5, description: 'Open tickets weighted by priority.' })
  weightedLoad!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastAssignedAt!: string | null;

  @ApiProperty({ example: 1, description: 'Also sent as the ETag; name it in If-Match to update.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class AgentPageDto {
  @ApiProperty({ type: [AgentDto], description: 'By display name.' })
  items!: AgentDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page.' })
  nextCursor!: string | null;
}

export class ListAgentsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only members of this group.' })
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'petr',
    description: 'Only agents whose display name contains this text, in any case.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  query?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'u-petrov',
    description: 'Only the agent record of this user (the platform’s user id).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  userId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class SetAgentAvailabilityDto {
  @ApiProperty({ enum: AVAILABILITIES, description: AVAILABILITY_DESCRIPTION })
  @IsIn(AVAILABILITIES)
  availability!: AvailabilityName;
}

export class AgentAvailabilityResultDto {
  @ApiProperty({ type: AgentDto })
  agent!: AgentDto;

  @ApiProperty({
    example: 2,
    description: 'Tickets the agent took from their groups’ queues on coming online.',
  })
  assignedFromQueue!: number;
}

export class SetCategorySkillsDto {
  @ApiProperty({
    type: [SkillLevelDto],
    maxItems: MAX_SKILLS,
    description: 'Replaces what the category’s tickets need; `[]` removes the requirement.',
  })
  @IsArray()
  @ArrayMaxSize(MAX_SKILLS)
  @ValidateNested({ each: true })
  @Type(() => SkillLevelDto)
  skills!: SkillLevelDto[];
}

/** The skills a category's tickets need, matched by `skills_match` groups. */
export class CategorySkillsDto {
  @ApiProperty({ format: 'uuid', description: 'A category of the catalog.' })
  categoryId!: string;

  @ApiProperty({ type: [SkillLevelDto] })
  skills!: SkillLevelDto[];
}

export class CategorySkillsListDto {
  @ApiProperty({ type: [CategorySkillsDto] })
  items!: CategorySkillsDto[];
}
