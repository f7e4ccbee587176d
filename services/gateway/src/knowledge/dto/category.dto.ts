import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class CreateKnowledgeCategoryDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Удалённый доступ' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Absent for a root category.' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiProperty({ maxLength: 200, example: 'kb-editor-1' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  actorId!: string;
}

export class KnowledgeCategoryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentId!: string | null;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: [String], description: 'Ids from the root down to this category.' })
  path!: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class KnowledgeCategoryListDto {
  @ApiProperty({
    type: [KnowledgeCategoryDto],
    description: 'Parents before children, siblings by name.',
  })
  items!: KnowledgeCategoryDto[];
}
