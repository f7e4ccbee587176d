import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ClaimedActor } from '../../auth/actor';

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

  @ClaimedActor({ who: 'Who adds the category.', example: 'kb-editor-1' })
  actorId?: string;
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
