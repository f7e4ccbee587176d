import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  ARTICLE_LANGUAGES,
  ARTICLE_STATUSES,
  type ArticleLanguageName,
  type ArticleStatusName,
  VIEWS,
  type ViewName,
} from './knowledge-enums';

export function toBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

export class ViewQueryDto {
  @ApiPropertyOptional({
    enum: VIEWS,
    default: 'requester',
    description:
      'requester (default): only public, published, unexpired articles exist. agent: every article, ' +
      'with its working copy; needs the `knowledge.write` permission (else 403).',
  })
  @IsOptional()
  @IsIn(VIEWS)
  view?: ViewName;
}

export class ListArticlesQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ enum: ARTICLE_STATUSES })
  @IsOptional()
  @IsIn(ARTICLE_STATUSES)
  status?: ArticleStatusName;

  @ApiPropertyOptional({ enum: ARTICLE_LANGUAGES })
  @IsOptional()
  @IsIn(ARTICLE_LANGUAGES)
  language?: ArticleLanguageName;

  @ApiPropertyOptional({ format: 'uuid', description: 'The category or any below it.' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  authorId?: string;

  @ApiPropertyOptional({ description: 'Only articles flagged outdated or past their review date.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  outdated?: boolean;
}
