import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ARTICLE_AUDIENCES,
  ARTICLE_LANGUAGES,
  ARTICLE_STATUSES,
  type ArticleAudienceName,
  type ArticleLanguageName,
  type ArticleStatusName,
} from './knowledge-enums';

/** What a version holds and a reviewer approves. */
export class ArticleContentDto {
  @ApiProperty({ example: 'Не работает VPN: что проверить' })
  title!: string;

  @ApiProperty({ description: 'Markdown as written; sanitise it when rendering.' })
  body!: string;

  @ApiProperty({ enum: ARTICLE_AUDIENCES })
  audience!: ArticleAudienceName;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  categoryId!: string | null;

  @ApiProperty({ type: [String], example: ['vpn'] })
  tags!: string[];

  @ApiProperty({ type: [String], description: 'Business services the article is about.' })
  serviceIds!: string[];

  @ApiProperty({ type: [String], description: 'Configuration items the article is about.' })
  configurationItemIds!: string[];
}

export class ArticleDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ARTICLE_LANGUAGES })
  language!: ArticleLanguageName;

  @ApiProperty({
    format: 'uuid',
    description: 'Shared by an article and its translations (one per language).',
  })
  translationGroupId!: string;

  @ApiProperty({
    enum: ARTICLE_STATUSES,
    description:
      'draft → submit → in_review → approve → published, or send_back → draft; archive from any of them; ' +
      'publish brings an archived article back. Editing a published article starts a draft revision ' +
      'while the live version stays readable.',
  })
  status!: ArticleStatusName;

  @ApiProperty({
    type: ArticleContentDto,
    description: 'The working copy (for requesters: the live version).',
  })
  content!: ArticleContentDto;

  @ApiProperty({ description: 'Number of the live version; 0 until first published.' })
  publishedVersion!: number;

  @ApiProperty({ type: ArticleContentDto, nullable: true, description: 'The live version.' })
  publishedContent!: ArticleContentDto | null;

  @ApiProperty()
  authorId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Who last changed the working copy.' })
  editorId!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When authors should review it; past it, the article is outdated.',
  })
  reviewBy!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'After it, requesters no longer find the article.',
  })
  expiresAt!: string | null;

  @ApiProperty({ description: 'Flagged by hand, or past reviewBy.' })
  outdated!: boolean;

  @ApiProperty({ description: 'Sent as the ETag; If-Match takes it.' })
  revision!: number;
}

export class ArticlePageDto {
  @ApiProperty({ type: [ArticleDto] })
  items!: ArticleDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page.' })
  nextCursor!: string | null;
}

export class ArticleVersionDto {
  @ApiProperty()
  number!: number;

  @ApiProperty({ type: ArticleContentDto })
  content!: ArticleContentDto;

  @ApiProperty({ description: 'Who wrote this content; for a rollback, who rolled back.' })
  authorId!: string;

  @ApiProperty()
  approvedBy!: string;

  @ApiProperty({ enum: ['approve', 'rollback'] })
  origin!: 'approve' | 'rollback';

  @ApiProperty({ type: Number, nullable: true, description: 'The version a rollback restored.' })
  restoredFrom!: number | null;

  @ApiProperty({ format: 'date-time' })
  publishedAt!: string;
}

export class ArticleVersionListDto {
  @ApiProperty({ type: [ArticleVersionDto], description: 'Newest first.' })
  items!: ArticleVersionDto[];
}

export class ArticleFieldChangeDto {
  @ApiProperty({ example: 'title' })
  field!: string;

  @ApiProperty({ description: 'JSON of the value before.' })
  from!: string;

  @ApiProperty({ description: 'JSON of the value after.' })
  to!: string;
}

export class ArticleVersionDetailDto extends ArticleVersionDto {
  @ApiProperty({
    type: [ArticleFieldChangeDto],
    description: 'What differs from the previous version.',
  })
  changes!: ArticleFieldChangeDto[];

  @ApiProperty({ description: 'Line diff of the body against the previous version (unified).' })
  bodyDiff!: string;
}

export class ArticleReviewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  reviewerId!: string;

  @ApiProperty({ enum: ['approved', 'sent_back'] })
  decision!: 'approved' | 'sent_back';

  @ApiProperty()
  comment!: string;

  @ApiProperty({ description: 'The revision that was reviewed.' })
  revision!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class ArticleReviewListDto {
  @ApiProperty({ type: [ArticleReviewDto], description: 'Oldest first.' })
  items!: ArticleReviewDto[];
}

export class TransitionResultDto {
  @ApiProperty({ type: ArticleDto })
  article!: ArticleDto;

  @ApiPropertyOptional({
    type: ArticleVersionDto,
    nullable: true,
    description: 'The version approve or rollback published.',
  })
  publishedVersion!: ArticleVersionDto | null;
}
