import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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
import { toBoolean } from '../../knowledge/dto/list-articles.query.dto';
import { AreTags, TAGS_SCHEMA } from '../../tickets/dto/tags';
import { PRIORITIES, type PriorityName } from '../../tickets/dto/ticket-enums';
import { ClaimedActor } from '../../auth/actor';
import {
  RULE_FIELDS,
  RULE_OPERATORS,
  type RuleFieldName,
  type RuleOperatorName,
} from './routing-enums';

const MAX_CONDITIONS = 50;
const MAX_VALUES = 200;

/** A condition on one ticket field; a rule matches when all its conditions hold. */
export class RoutingRuleConditionDto {
  @ApiProperty({
    enum: RULE_FIELDS,
    example: 'category',
    description: '`custom_field` names the key in `customField`.',
  })
  @IsIn(RULE_FIELDS)
  field!: RuleFieldName;

  @ApiProperty({
    enum: RULE_OPERATORS,
    example: 'in',
    description:
      '`in` / `not_in`: the field is (not) any of the values; `contains_any` (keywords): the ' +
      'title or description holds any of them; `is_empty` / `is_not_empty` take no values.',
  })
  @IsIn(RULE_OPERATORS)
  operator!: RuleOperatorName;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_VALUES,
    example: ['0193a7a0-0000-7000-8000-0000000000c1'],
    description:
      'Ids for category and service, the API’s spellings for type, priority and channel ' +
      '(`incident`, `critical`, `email`), words for keywords.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_VALUES)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  values?: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 100,
    example: 'office',
    description: '`custom_field` only: the key in the ticket’s custom fields.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  customField?: string | null;
}

/** What a matching rule does; what is absent or null is left alone. */
export class RoutingRuleActionsDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The assignment group to route to.',
  })
  @IsOptional()
  @IsUUID()
  setGroupId?: string | null;

  @ApiPropertyOptional({ enum: PRIORITIES, nullable: true })
  @IsOptional()
  @IsIn(PRIORITIES)
  setPriority?: PriorityName | null;

  @ApiPropertyOptional({ ...TAGS_SCHEMA, description: 'Tags added to the ticket.' })
  @IsOptional()
  @AreTags()
  addTags?: string[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  setCategoryId?: string | null;
}

/** A routing rule as written by POST and PUT (PUT saves the whole rule as a new version). */
export class WriteRoutingRuleDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Network outages to Network' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    minimum: 1,
    example: 10,
    description: 'Rules are tried by ascending order. Absent on POST: after every other rule.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  order?: number;

  @ApiPropertyOptional({ default: true, description: 'A disabled rule routes nothing.' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({
    type: [RoutingRuleConditionDto],
    maxItems: MAX_CONDITIONS,
    description: 'All must hold; none: the rule matches every ticket.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CONDITIONS)
  @ValidateNested({ each: true })
  @Type(() => RoutingRuleConditionDto)
  conditions?: RoutingRuleConditionDto[];

  @ApiPropertyOptional({ type: RoutingRuleActionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoutingRuleActionsDto)
  actions?: RoutingRuleActionsDto;

  @ApiPropertyOptional({
    default: false,
    description: 'No later rule is tried once this one matched.',
  })
  @IsOptional()
  @IsBoolean()
  stopProcessing?: boolean;

  @ClaimedActor({ who: 'Who saves the rule.' })
  actorId?: string;
}

export class RoutingRuleDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Network outages to Network' })
  name!: string;

  @ApiProperty({ example: 10 })
  order!: number;

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ type: [RoutingRuleConditionDto] })
  conditions!: {
    field: RuleFieldName;
    operator: RuleOperatorName;
    values: string[];
    customField: string | null;
  }[];

  @ApiProperty({ type: RoutingRuleActionsDto, description: 'Every action; null when not set.' })
  actions!: Required<RoutingRuleActionsDto>;

  @ApiProperty()
  stopProcessing!: boolean;

  @ApiProperty({
    example: 2,
    description:
      'Every saved change is a new version (see /versions); also sent as the ETag, name it in ' +
      'If-Match to update.',
  })
  version!: number;

  @ApiProperty({ example: 'admin-1', description: 'Who saved this version.' })
  updatedBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class RoutingRuleListDto {
  @ApiProperty({ type: [RoutingRuleDto], description: 'In the order they are tried.' })
  items!: RoutingRuleDto[];
}

export class RoutingRuleVersionListDto {
  @ApiProperty({ type: [RoutingRuleDto], description: 'Every saved version, newest first.' })
  items!: RoutingRuleDto[];
}

export class ListRoutingRulesQueryDto {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Also disabled rules.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeDisabled?: boolean;
}

export class DeleteRoutingRuleQueryDto {
  @ClaimedActor({ who: 'Who deletes the rule.' })
  actorId?: string;
}
