import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import {
  CI_STATUSES,
  type CiStatusName,
  IMPACT_DIRECTIONS,
  type ImpactDirectionName,
} from './cmdb-enums';

/** Most items one analysis starts from. */
export const MAX_IMPACT_ITEMS = 100;
/** The depth the service analyses to when none is asked for. */
export const DEFAULT_IMPACT_DEPTH = 5;

const DIRECTION_DESCRIPTION =
  '`upstream`: what depends on the items, what breaks when they fail; `downstream`: what they ' +
  'depend on, where a fault of theirs may come from.';

/** How far and which way an impact analysis goes. */
export class ImpactQueryDto {
  @ApiPropertyOptional({
    enum: IMPACT_DIRECTIONS,
    default: 'upstream',
    description: DIRECTION_DESCRIPTION,
  })
  @IsOptional()
  @IsIn(IMPACT_DIRECTIONS)
  direction?: ImpactDirectionName;

  @ApiPropertyOptional({ minimum: 1, maximum: 10, default: DEFAULT_IMPACT_DEPTH })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  depth?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 10_000,
    default: 1000,
    description: 'Most items reported; `truncated` says when more were reached.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  limit?: number;
}

/** The impact of several items at once, e.g. everything a change touches. */
export class AnalyzeImpactDto extends ImpactQueryDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: MAX_IMPACT_ITEMS,
    description: 'The configuration items to start from.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_IMPACT_ITEMS)
  @IsUUID(undefined, { each: true })
  itemIds!: string[];
}

/** An item the analysis reached, once, at its shortest path. */
export class ImpactedItemDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Online banking' })
  name!: string;

  @ApiProperty({ example: 'business_service', description: 'The key of its type.' })
  type!: string;

  @ApiProperty({ example: 2, description: 'Hops from the item analysed.' })
  depth!: number;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'The ids from the item analysed to this one.',
  })
  path!: string[];

  @ApiProperty()
  businessService!: boolean;

  @ApiProperty({ enum: CI_STATUSES })
  status!: CiStatusName;
}

export class ImpactAnalysisDto {
  @ApiProperty({ type: [ImpactedItemDto], description: 'Every item reached, to the depth.' })
  items!: ImpactedItemDto[];

  @ApiProperty({
    type: [ImpactedItemDto],
    description: 'The business services among them: what the business loses.',
  })
  businessServices!: ImpactedItemDto[];

  @ApiProperty({ description: 'More items were reached than `limit` lets through.' })
  truncated!: boolean;

  @ApiProperty({ example: 5, description: 'The depth analysed to.' })
  maxDepth!: number;
}

/** The impact of the configuration items a ticket names, e.g. a change before approval. */
export class TicketImpactDto extends ImpactAnalysisDto {
  @ApiProperty({ format: 'uuid' })
  ticketId!: string;

  @ApiProperty({
    type: [String],
    description: 'The items the ticket names; no items, no impact.',
  })
  configurationItemIds!: string[];
}
