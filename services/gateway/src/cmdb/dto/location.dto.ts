import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { LOCATION_KINDS, type LocationKindName } from './cmdb-enums';

export class CreateLocationDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Moscow HQ, warehouse 2' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: LOCATION_KINDS, example: 'warehouse' })
  @IsIn(LOCATION_KINDS)
  kind!: LocationKindName;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The location it is part of, e.g. its site.',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'Moscow, Tverskaya 1' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;
}

export class LocationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Moscow HQ, warehouse 2' })
  name!: string;

  @ApiProperty({ enum: LOCATION_KINDS })
  kind!: LocationKindName;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Moscow, Tverskaya 1' })
  address!: string | null;

  @ApiProperty({ example: 1 })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class LocationListDto {
  @ApiProperty({ type: [LocationDto] })
  items!: LocationDto[];
}
