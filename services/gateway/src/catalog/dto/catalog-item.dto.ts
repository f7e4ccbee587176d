import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, type TransformFnParams } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { JSON_OBJECT_SCHEMA, type JsonObject } from '../../tickets/dto/json-object';
import {
  IMPACTS,
  type ImpactName,
  URGENCIES,
  type UrgencyName,
} from '../../tickets/dto/ticket-enums';

const FORM_SCHEMA_EXAMPLE = {
  type: 'object',
  required: ['laptopModel'],
  properties: {
    laptopModel: { type: 'string', enum: ['ThinkPad X1', 'MacBook Pro 14'] },
    needsDockingStation: { type: 'boolean' },
  },
  additionalProperties: false,
};

/** Something a requester can order from a service, with its form and where it goes. */
export class CatalogItemDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  serviceId!: string;

  @ApiProperty({ example: 'New laptop' })
  name!: string;

  @ApiProperty({ example: 'A laptop for a new or returning employee.' })
  description!: string;

  @ApiProperty({
    ...JSON_OBJECT_SCHEMA,
    example: FORM_SCHEMA_EXAMPLE,
    description: 'The JSON Schema (2020-12) of the form a request fills in (`fields`).',
  })
  formSchema!: JsonObject;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The category requests get; null when none.',
  })
  defaultCategoryId!: string | null;

  @ApiProperty({ enum: IMPACTS })
  defaultImpact!: ImpactName;

  @ApiProperty({ enum: URGENCIES })
  defaultUrgency!: UrgencyName;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'workplace-support',
    description: 'The group whose queue requests go to; null when routing decides.',
  })
  fulfilmentGroupId!: string | null;

  @ApiProperty({ description: 'Whether requesters can still order it.' })
  active!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    example: 1,
    description: 'One more on each change. Also sent as the ETag; name it in If-Match to update.',
  })
  version!: number;

  @ApiProperty({
    format: 'date-time',
    description: 'When it last changed (its creation at first).',
  })
  updatedAt!: string;
}

export class CatalogItemListDto {
  @ApiProperty({ type: [CatalogItemDto] })
  items!: CatalogItemDto[];
}

/** `true` and `false` as booleans; anything else stays as given, for IsBoolean to refuse. */
function toBoolean({ value }: TransformFnParams): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

export class ListCatalogItemsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this service's items." })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: 'Also the items no longer offered.',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeInactive?: boolean;
}

export class CreateCatalogItemDto {
  @ApiProperty({ format: 'uuid', description: 'The service that offers the item.' })
  @IsUUID()
  serviceId!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'New laptop' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 20000, example: 'A laptop for a new or returning employee.' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({
    ...JSON_OBJECT_SCHEMA,
    example: FORM_SCHEMA_EXAMPLE,
    description:
      'A JSON Schema (2020-12) with "type": "object"; when absent the form asks for nothing.',
  })
  @IsOptional()
  @IsObject()
  formSchema?: JsonObject;

  @ApiPropertyOptional({ format: 'uuid', description: 'The category requests get.' })
  @IsOptional()
  @IsUUID()
  defaultCategoryId?: string;

  @ApiPropertyOptional({ enum: IMPACTS, default: 'medium' })
  @IsOptional()
  @IsIn(IMPACTS)
  defaultImpact?: ImpactName;

  @ApiPropertyOptional({ enum: URGENCIES, default: 'medium' })
  @IsOptional()
  @IsIn(URGENCIES)
  defaultUrgency?: UrgencyName;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 200,
    example: 'workplace-support',
    description: 'The group whose queue requests go to.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fulfilmentGroupId?: string;
}

/**
 * An item as it should be from now on: the whole item, as on creation, and whether it is still
 * offered. What is left out takes the same defaults as on creation.
 */
export class UpdateCatalogItemDto extends CreateCatalogItemDto {
  @ApiProperty({
    description:
      'false retires the item: it leaves the portal and cannot be ordered; tickets opened ' +
      'from it stay as they are. true offers it again.',
  })
  @IsBoolean()
  active!: boolean;
}
