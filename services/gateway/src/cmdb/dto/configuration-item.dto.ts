import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ClaimedActor } from '../../auth/actor';
import { JSON_OBJECT_SCHEMA, type JsonObject } from '../../tickets/dto/json-object';
import {
  ASSET_STATES,
  type AssetStateName,
  CI_STATUSES,
  type CiStatusName,
  HISTORY_ACTIONS,
  type HistoryActionName,
} from './cmdb-enums';

const MAX_SEATS = 10_000_000;

const ASSET_STATE_DESCRIPTION = 'It changes through asset actions only (`/asset-actions`).';

/** What an asset carries besides its attributes, as written by POST and PUT. */
export class WriteAssetDetailsDto {
  @ApiPropertyOptional({
    enum: ASSET_STATES,
    description: `The state a new asset starts in; ignored by PUT. ${ASSET_STATE_DESCRIPTION}`,
  })
  @IsOptional()
  @IsIn(ASSET_STATES)
  state?: AssetStateName;

  @ApiPropertyOptional({ maxLength: 100, example: 'INV-000123', description: 'Инвентарный номер.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  inventoryNumber?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'PF3K2L9X' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  serialNumber?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'user-42',
    description: 'The person who holds it; absent while in stock.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  holderId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Where it is.' })
  @IsOptional()
  @IsUUID()
  locationId?: string;

  @ApiPropertyOptional({ example: '2028-03-31', description: 'YYYY-MM-DD.' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  warrantyEnd?: string;

  @ApiPropertyOptional({ example: '2027-12-31', description: 'YYYY-MM-DD.' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  contractEnd?: string;

  @ApiPropertyOptional({ minimum: 0, example: 50, description: 'Licences only: seats owned.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_SEATS)
  seats?: number;
}

/** A configuration item as written by POST and PUT (PUT replaces the whole item). */
export class WriteConfigurationItemDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 100,
    example: 'server',
    description: 'The key of its type.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  type!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'db-prod-01' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: '1C-000451',
    description: 'Its id in the system it comes from (e.g. 1C); unique per type.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  externalId?: string;

  @ApiPropertyOptional({
    ...JSON_OBJECT_SCHEMA,
    example: { cpu: 16, os: 'Ubuntu 24.04' },
    description: 'Checked against its type’s JSON Schema; every wrong attribute is named.',
  })
  @IsOptional()
  @IsObject()
  attributes?: JsonObject;

  @ApiPropertyOptional({ enum: CI_STATUSES, description: 'Absent: the service’s default.' })
  @IsOptional()
  @IsIn(CI_STATUSES)
  status?: CiStatusName;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'dba-team',
    description: 'The person or team accountable for it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ownerId?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'Database administration',
    description: 'The support group that fixes it: a routing group id or a group name.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  supportGroupId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  locationId?: string;

  @ApiPropertyOptional({
    type: WriteAssetDetailsDto,
    description: 'Items of asset types: inventory number, holder, location, warranty, seats.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => WriteAssetDetailsDto)
  asset?: WriteAssetDetailsDto;

  @ClaimedActor({ who: 'Who writes the item.' })
  actorId?: string;
}

export class AssetDetailsDto {
  @ApiProperty({ enum: ASSET_STATES, description: ASSET_STATE_DESCRIPTION })
  state!: AssetStateName;

  @ApiProperty({ type: String, nullable: true, example: 'INV-000123' })
  inventoryNumber!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'PF3K2L9X' })
  serialNumber!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'user-42', description: 'null in stock.' })
  holderId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  locationId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2028-03-31' })
  warrantyEnd!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2027-12-31' })
  contractEnd!: string | null;

  @ApiProperty({ example: 50, description: 'Licences: seats owned; 0 for other assets.' })
  seats!: number;
}

export class ConfigurationItemDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'server', description: 'The key of its type.' })
  type!: string;

  @ApiProperty({ example: 'db-prod-01' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: '1C-000451' })
  externalId!: string | null;

  @ApiProperty({
    ...JSON_OBJECT_SCHEMA,
    example: { cpu: 16, os: 'Ubuntu 24.04' },
    description: '{} when it has none.',
  })
  attributes!: JsonObject;

  @ApiProperty({ enum: CI_STATUSES })
  status!: CiStatusName;

  @ApiProperty({ type: String, nullable: true, example: 'dba-team' })
  ownerId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Database administration' })
  supportGroupId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  locationId!: string | null;

  @ApiProperty({
    type: AssetDetailsDto,
    nullable: true,
    description: 'Items of asset types; null for others.',
  })
  asset!: AssetDetailsDto | null;

  @ApiProperty({ example: 1, description: 'Also sent as the ETag; name it in If-Match to update.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class ConfigurationItemPageDto {
  @ApiProperty({ type: [ConfigurationItemDto], description: 'By name.' })
  items!: ConfigurationItemDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page.' })
  nextCursor!: string | null;
}

export class ListConfigurationItemsQueryDto {
  @ApiPropertyOptional({
    maxLength: 100,
    example: 'laptop',
    description: 'Only items of this type.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  type?: string;

  @ApiPropertyOptional({ enum: CI_STATUSES })
  @IsOptional()
  @IsIn(CI_STATUSES)
  status?: CiStatusName;

  @ApiPropertyOptional({ enum: ASSET_STATES, description: 'Only assets in this state.' })
  @IsOptional()
  @IsIn(ASSET_STATES)
  assetState?: AssetStateName;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'user-42',
    description: 'Only assets they hold.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  holderId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only items at this location.' })
  @IsOptional()
  @IsUUID()
  locationId?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'db-prod',
    description: 'Name, external id, inventory or serial number containing this text.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

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

/** The OpenAPI schema of any JSON value. */
const ANY_JSON_VALUE = {
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'object', additionalProperties: true },
    { type: 'array', items: {} },
  ],
};

/** One field of an item as it was and became; values are JSON, null when absent. */
export class ItemFieldChangeDto {
  @ApiProperty({ example: 'attributes.cpu' })
  field!: string;

  @ApiProperty({ ...ANY_JSON_VALUE, nullable: true, example: 8, description: 'null when absent.' })
  oldValue!: unknown;

  @ApiProperty({ ...ANY_JSON_VALUE, nullable: true, example: 16, description: 'null when absent.' })
  newValue!: unknown;
}

/** One change of a configuration item. */
export class CiHistoryEntryDto {
  @ApiProperty({ example: 3, description: 'The item’s version after the change.' })
  version!: number;

  @ApiProperty({ enum: HISTORY_ACTIONS })
  action!: HistoryActionName;

  @ApiProperty({ example: 'agent-17' })
  actorId!: string;

  @ApiProperty({ type: [ItemFieldChangeDto] })
  changes!: ItemFieldChangeDto[];

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;
}

export class CiHistoryDto {
  @ApiProperty({ type: [CiHistoryEntryDto], description: 'Newest first.' })
  items!: CiHistoryEntryDto[];
}
