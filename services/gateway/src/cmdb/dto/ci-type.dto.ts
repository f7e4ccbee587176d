import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { JSON_OBJECT_SCHEMA, type JsonObject } from '../../tickets/dto/json-object';

const ATTRIBUTE_SCHEMA_EXAMPLE = {
  type: 'object',
  properties: { cpu: { type: 'integer', minimum: 1 }, os: { type: 'string' } },
  required: ['os'],
};

/** A kind of configuration item as written by POST and PUT (PUT replaces the whole type). */
export class WriteCiTypeDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 100,
    example: 'server',
    description:
      'Lower-case key items, filters and imports name the type by, e.g. `virtual_machine`; unique.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  key!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Server' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  nameEn!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Сервер' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  nameRu!: string;

  @ApiPropertyOptional({
    ...JSON_OBJECT_SCHEMA,
    example: ATTRIBUTE_SCHEMA_EXAMPLE,
    description:
      'JSON Schema (2020-12) the attributes of items of the type must satisfy; absent: any ' +
      'attributes. A new schema that existing items fail is refused with 409 naming them.',
  })
  @IsOptional()
  @IsObject()
  attributeSchema?: JsonObject;

  @ApiPropertyOptional({
    default: false,
    description: 'Items are assets: a lifecycle, a holder, a location and a stock journal.',
  })
  @IsOptional()
  @IsBoolean()
  asset?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'Items are business services: impact analysis reports them as affected.',
  })
  @IsOptional()
  @IsBoolean()
  businessService?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'Items are software licences with a number of seats.',
  })
  @IsOptional()
  @IsBoolean()
  licence?: boolean;
}

export class CiTypeDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'server' })
  key!: string;

  @ApiProperty({ example: 'Server' })
  nameEn!: string;

  @ApiProperty({ example: 'Сервер' })
  nameRu!: string;

  @ApiProperty({
    ...JSON_OBJECT_SCHEMA,
    example: ATTRIBUTE_SCHEMA_EXAMPLE,
    description: 'JSON Schema of the attributes; {} when any attributes go.',
  })
  attributeSchema!: JsonObject;

  @ApiProperty()
  asset!: boolean;

  @ApiProperty()
  businessService!: boolean;

  @ApiProperty()
  licence!: boolean;

  @ApiProperty({ example: 1, description: 'Also sent as the ETag; name it in If-Match to update.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class CiTypeListDto {
  @ApiProperty({ type: [CiTypeDto], description: 'By key.' })
  items!: CiTypeDto[];
}
