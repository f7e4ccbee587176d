import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ClaimedActor } from '../../auth/actor';
import {
  ASSET_ACTIONS,
  ASSET_STATES,
  type AssetActionName,
  type AssetStateName,
  MOVEMENT_KINDS,
  type MovementKindName,
} from './cmdb-enums';
import { ConfigurationItemDto } from './configuration-item.dto';

export class AssetActionDto {
  @ApiProperty({
    enum: ASSET_ACTIONS,
    example: 'assign',
    description:
      'One step of the asset’s lifecycle: `receive` into stock, `assign` to a person, `return` ' +
      'to stock, `move` elsewhere, `send_to_repair` and `back_from_repair`, `retire`, ' +
      '`dispose`. An action its state does not allow is refused with 409 naming the allowed ones.',
  })
  @IsIn(ASSET_ACTIONS)
  action!: AssetActionName;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 200,
    example: 'user-42',
    description: '`assign`: the person.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  holderId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: '`receive`, `return`, `move`, `back_from_repair`: where to.',
  })
  @IsOptional()
  @IsUUID()
  locationId?: string;

  @ApiPropertyOptional({ maxLength: 2000, example: 'new starter in accounting' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ClaimedActor({ who: 'Who acts.' })
  actorId?: string;
}

/** One line of the stock journal. */
export class AssetMovementDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  assetId!: string;

  @ApiProperty({ enum: MOVEMENT_KINDS })
  kind!: MovementKindName;

  @ApiProperty({ enum: ASSET_STATES, nullable: true, description: 'null for the first line.' })
  fromState!: AssetStateName | null;

  @ApiProperty({ enum: ASSET_STATES })
  toState!: AssetStateName;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  fromLocationId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  toLocationId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'user-17' })
  fromHolderId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'user-42' })
  toHolderId!: string | null;

  @ApiProperty({ example: 'agent-17' })
  actorId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'new starter in accounting' })
  reason!: string | null;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;
}

export class AssetMovementListDto {
  @ApiProperty({ type: [AssetMovementDto], description: 'Newest first.' })
  items!: AssetMovementDto[];
}

export class AssetActionResultDto {
  @ApiProperty({ type: ConfigurationItemDto, description: 'The asset as it is now.' })
  item!: ConfigurationItemDto;

  @ApiProperty({ type: AssetMovementDto, description: 'The line the action wrote to the journal.' })
  movement!: AssetMovementDto;
}

export class ListMovementsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
