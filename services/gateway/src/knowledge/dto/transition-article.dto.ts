import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { ARTICLE_ACTIONS, type ArticleActionName } from './knowledge-enums';
import { ClaimedActor } from '../../auth/actor';

export class TransitionArticleDto {
  @ApiProperty({
    enum: ARTICLE_ACTIONS,
    description:
      'submit: draft → in_review. approve: in_review → published, the working copy becomes the next ' +
      'version (not by its own editor). send_back: in_review → draft, with a comment. publish: archived → ' +
      'published (the last version is live again). archive: draft, in_review or published → archived. ' +
      'rollback: publishes the content of `version` as the next version.',
  })
  @IsIn(ARTICLE_ACTIONS)
  action!: ArticleActionName;

  @ClaimedActor({ who: 'Who acts.', example: 'kb-reviewer-2' })
  actorId?: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'Required with send_back: what the author should change. Optional with approve.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;

  @ApiPropertyOptional({
    minimum: 1,
    description: 'Required with rollback: the version to restore.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}
