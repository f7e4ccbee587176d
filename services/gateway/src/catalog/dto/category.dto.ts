import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { JSON_OBJECT_SCHEMA, type JsonObject } from '../../tickets/dto/json-object';

const FORM_SCHEMA_EXAMPLE = {
  type: 'object',
  required: ['printerName'],
  properties: { printerName: { type: 'string', minLength: 1 } },
};

/** A node of the category tree; its form asks for the fields tickets in it need. */
export class CategoryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null for a root category.',
  })
  parentId!: string | null;

  @ApiProperty({ example: 'Printers' })
  name!: string;

  @ApiProperty({
    ...JSON_OBJECT_SCHEMA,
    nullable: true,
    example: FORM_SCHEMA_EXAMPLE,
    description:
      'A JSON Schema (2020-12) of the customFields tickets in this category ask for; null for none.',
  })
  formSchema!: JsonObject | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class CategoryListDto {
  @ApiProperty({ type: [CategoryDto], description: 'Parents before children, siblings by name.' })
  items!: CategoryDto[];
}

export class CreateCategoryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The parent category; a root when absent. The tree is at most five levels deep.',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    example: 'Printers',
    description: 'Unique among its siblings, whatever the case.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    ...JSON_OBJECT_SCHEMA,
    example: FORM_SCHEMA_EXAMPLE,
    description: 'A JSON Schema (2020-12) with "type": "object"; no form when absent.',
  })
  @IsOptional()
  @IsObject()
  formSchema?: JsonObject;
}
