import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ClaimedActor } from '../../auth/actor';
import {
  DISCREPANCY_KINDS,
  type DiscrepancyKindName,
  INVENTORY_STATUSES,
  type InventoryStatusName,
} from './cmdb-enums';

/** Most inventory numbers one scan request records. */
const MAX_SCANNED = 5_000;

export class OpenInventoryDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Warehouse 2, Q4 2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ format: 'uuid', description: 'The location whose assets are counted.' })
  @IsUUID()
  locationId!: string;

  @ClaimedActor({ who: 'Who opens the inventory.' })
  actorId?: string;
}

export class RecordInventoryScanDto {
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: MAX_SCANNED,
    example: ['INV-000123', 'INV-000124'],
    description: 'Inventory numbers found; one scanned twice counts once.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SCANNED)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  inventoryNumbers!: string[];

  @ClaimedActor({ who: 'Who scanned.' })
  actorId?: string;
}

export class CloseInventoryDto {
  @ClaimedActor({ who: 'Who closes the inventory.' })
  actorId?: string;
}

export class InventoryDiscrepancyDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: unknown.' })
  assetId!: string | null;

  @ApiProperty({ example: 'INV-000123' })
  inventoryNumber!: string;

  @ApiProperty({
    enum: DISCREPANCY_KINDS,
    description:
      '`missing`: expected here, not found; `unexpected`: found here, recorded elsewhere; ' +
      '`unknown`: found, not in the CMDB.',
  })
  kind!: DiscrepancyKindName;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: '`unexpected`: where the CMDB has it.',
  })
  recordedLocationId!: string | null;
}

/** An inventory count of a location: what the CMDB expects there against what was scanned. */
export class InventoryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Warehouse 2, Q4 2026' })
  name!: string;

  @ApiProperty({ format: 'uuid' })
  locationId!: string;

  @ApiProperty({ enum: INVENTORY_STATUSES, description: 'Closing freezes the discrepancies.' })
  status!: InventoryStatusName;

  @ApiProperty({ example: 120, description: 'Assets the CMDB had at the location on opening.' })
  expected!: number;

  @ApiProperty({ example: 117, description: 'Distinct assets scanned so far.' })
  found!: number;

  @ApiProperty({ type: [InventoryDiscrepancyDto] })
  discrepancies!: InventoryDiscrepancyDto[];

  @ApiProperty({ format: 'date-time' })
  openedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt!: string | null;

  @ApiProperty({ example: 'agent-17' })
  openedBy!: string;
}
