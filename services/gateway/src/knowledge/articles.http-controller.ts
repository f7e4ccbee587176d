import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { firstValueFrom } from 'rxjs';
import type { Principal } from '@itsm/auth';
import type { Article, KnowledgeServiceClient } from '@itsm/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { actorFor } from '../auth/actor';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { TicketVisibilityCheck } from '../tickets/ticket-visibility-check';
import {
  ArticleDto,
  ArticlePageDto,
  ArticleReviewListDto,
  ArticleVersionDetailDto,
  ArticleVersionListDto,
  TransitionResultDto,
} from './dto/article.dto';
import {
  ArticleFeedbackDto,
  LinkArticleToTicketDto,
  RecordViewDto,
  TicketArticleLinkDto,
  VoteArticleDto,
} from './dto/feedback.dto';
import { ListArticlesQueryDto, ViewQueryDto } from './dto/list-articles.query.dto';
import { TransitionArticleDto } from './dto/transition-article.dto';
import { CreateArticleDto, DeleteArticleQueryDto, UpdateArticleDto } from './dto/write-article.dto';
import { IF_MATCH_HEADER, versionFromIfMatch, withETag } from '../http/etag';
import { checkArticleAction, viewerFor } from './knowledge-access';
import { KNOWLEDGE_CLIENT } from './knowledge-client.provider';
import {
  toArticleDto,
  toCreateArticleRequest,
  toFeedbackDto,
  toListArticlesRequest,
  toReviewDto,
  toTicketLinkDto,
  toTransitionArticleRequest,
  toUpdateArticleRequest,
  toVersionDetailDto,
  toVersionDto,
  viewSourceOf,
} from './knowledge-dto.mapper';

const ARTICLES_PATH = '/api/v1/knowledge/articles';

/** The article of a service answer as REST, its revision sent as the ETag. */
function articleWithETag(article: Article | undefined, response: Response): ArticleDto {
  if (!article) throw new Error('the knowledge service answered without an article');
  const dto = toArticleDto(article);
  return withETag(dto, dto.revision, response);
}

const uuid = () => new ParseUUIDPipe({ version: undefined });

/** Whoever a body names as acting: the caller, unless they may act for another. */
const actorOf = (principal: Principal, claimed: string | undefined): string =>
  actorFor(principal, claimed, 'tickets.act_on_behalf');

@ApiTags('knowledge')
@Controller(ARTICLES_PATH)
export class ArticlesHttpController {
  constructor(
    @Inject(KNOWLEDGE_CLIENT) private readonly knowledge: KnowledgeServiceClient,
    private readonly visibility: TicketVisibilityCheck,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Write a new article (a draft), or a translation of another' })
  @ApiCreatedResponse({ type: ArticleDto })
  @ApiProblemResponses(400, 409, 503)
  @RequirePermission('knowledge.write')
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateArticleDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ArticleDto> {
    const { article } = await firstValueFrom(
      this.knowledge.createArticle(toCreateArticleRequest(body, actorOf(principal, body.authorId))),
    );
    const dto = articleWithETag(article, response);
    response.setHeader('Location', `${ARTICLES_PATH}/${dto.id}`);
    return dto;
  }

  @Get()
  @ApiOperation({
    summary: "Authors' and reviewers' list, newest first, drafts included (readers use search)",
  })
  @ApiOkResponse({ type: ArticlePageDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('knowledge.write')
  async list(@Query() query: ListArticlesQueryDto): Promise<ArticlePageDto> {
    const page = await firstValueFrom(this.knowledge.listArticles(toListArticlesRequest(query)));
    return { items: page.articles.map(toArticleDto), nextCursor: page.nextPageToken || null };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One article; a requester gets its live version only if it is public and unexpired',
  })
  @ApiOkResponse({ type: ArticleDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('knowledge.read')
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Query() query: ViewQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ArticleDto> {
    const { article } = await firstValueFrom(
      this.knowledge.getArticle({ id, viewer: viewerFor(principal, query.view) }),
    );
    return articleWithETag(article, response);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Edit the working copy (a published article gets a draft revision) or the review date, expiry and outdated flag',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: ArticleDto })
  @ApiProblemResponses(400, 404, 409, 412, 503)
  @RequirePermission('knowledge.write')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: UpdateArticleDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ArticleDto> {
    const editorId = actorOf(principal, body.editorId);
    const { article } = await firstValueFrom(
      this.knowledge.updateArticle(
        toUpdateArticleRequest(id, body, editorId, versionFromIfMatch(ifMatch)),
      ),
    );
    return articleWithETag(article, response);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a draft that was never published (archive anything else)' })
  @ApiNoContentResponse({ description: 'The draft is gone.' })
  @ApiProblemResponses(400, 404, 409, 503)
  @RequirePermission('knowledge.write')
  async delete(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Query() query: DeleteArticleQueryDto,
  ): Promise<void> {
    await firstValueFrom(
      this.knowledge.deleteArticle({ id, actorId: actorOf(principal, query.actorId) }),
    );
  }

  @Post(':id/transitions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Submit for review, approve, send back, publish, archive or roll back to a version',
    description:
      'Authors (`knowledge.write`) submit; approving, sending back, publishing, archiving and ' +
      'rolling back decide what readers find and need `knowledge.publish` (else 403).',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: TransitionResultDto })
  @ApiProblemResponses(400, 404, 409, 412, 503)
  @RequirePermission('knowledge.write')
  async transition(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: TransitionArticleDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TransitionResultDto> {
    checkArticleAction(principal, body.action);
    const actorId = actorOf(principal, body.actorId);
    const { article, publishedVersion } = await firstValueFrom(
      this.knowledge.transitionArticle(
        toTransitionArticleRequest(id, body, actorId, versionFromIfMatch(ifMatch)),
      ),
    );
    return {
      article: articleWithETag(article, response),
      publishedVersion: publishedVersion ? toVersionDto(publishedVersion) : null,
    };
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'Published versions, newest first' })
  @ApiOkResponse({ type: ArticleVersionListDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('knowledge.write')
  async versions(@Param('id', uuid()) id: string): Promise<ArticleVersionListDto> {
    const { versions } = await firstValueFrom(
      this.knowledge.listArticleVersions({ articleId: id }),
    );
    return { items: versions.map(toVersionDto) };
  }

  @Get(':id/versions/:number')
  @ApiOperation({ summary: 'One version, with what changed since the one before (body as a diff)' })
  @ApiOkResponse({ type: ArticleVersionDetailDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('knowledge.write')
  async version(
    @Param('id', uuid()) id: string,
    @Param('number', ParseIntPipe) number: number,
  ): Promise<ArticleVersionDetailDto> {
    return toVersionDetailDto(
      await firstValueFrom(this.knowledge.getArticleVersion({ articleId: id, number })),
    );
  }

  @Get(':id/reviews')
  @ApiOperation({ summary: "Reviewers' decisions with their comments, oldest first" })
  @ApiOkResponse({ type: ArticleReviewListDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('knowledge.write')
  async reviews(@Param('id', uuid()) id: string): Promise<ArticleReviewListDto> {
    const { reviews } = await firstValueFrom(this.knowledge.listArticleReviews({ articleId: id }));
    return { items: reviews.map(toReviewDto) };
  }

  @Post(':id/votes')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '"Was this helpful?": one vote per reader; voting again replaces it' })
  @ApiOkResponse({ type: ArticleFeedbackDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('knowledge.feedback')
  async vote(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: VoteArticleDto,
  ): Promise<ArticleFeedbackDto> {
    const { feedback } = await firstValueFrom(
      this.knowledge.voteArticle({
        articleId: id,
        voterId: actorOf(principal, body.voterId),
        helpful: body.helpful,
        comment: body.comment ?? '',
        viewer: viewerFor(principal, body.view),
      }),
    );
    return toFeedbackDto(feedback);
  }

  @Post(':id/views')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Count a read, and where it came from (search, suggestion, direct)' })
  @ApiNoContentResponse({ description: 'Counted.' })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('knowledge.read')
  async view(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: RecordViewDto,
  ): Promise<void> {
    await firstValueFrom(
      this.knowledge.recordArticleView({
        articleId: id,
        viewerId: actorOf(principal, body.viewerId),
        source: viewSourceOf(body.source),
        suggestionId: body.suggestionId ?? '',
        viewer: viewerFor(principal, body.view),
      }),
    );
  }

  @Get(':id/feedback')
  @ApiOperation({ summary: 'Views, votes, tickets solved with it and tickets deflected' })
  @ApiOkResponse({ type: ArticleFeedbackDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('knowledge.write')
  async feedback(@Param('id', uuid()) id: string): Promise<ArticleFeedbackDto> {
    const { feedback } = await firstValueFrom(this.knowledge.getArticleFeedback({ articleId: id }));
    return toFeedbackDto(feedback);
  }

  @Post(':id/tickets')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      '"Solved with": link the article to a ticket it solved; the same link again answers 200',
    description: '404 when the ticket does not exist or the caller may not see it.',
  })
  @ApiCreatedResponse({ type: TicketArticleLinkDto })
  @ApiOkResponse({ type: TicketArticleLinkDto, description: 'The link existed already.' })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('tickets.work')
  async linkTicket(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid()) id: string,
    @Body() body: LinkArticleToTicketDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketArticleLinkDto> {
    const actorId = actorOf(principal, body.actorId);
    await this.visibility.visibleTicket(principal, body.ticketId);
    const { link, created } = await firstValueFrom(
      this.knowledge.linkArticleToTicket({ articleId: id, ticketId: body.ticketId, actorId }),
    );
    if (!link) throw new Error('the knowledge service answered without a link');
    if (!created) response.status(HttpStatus.OK);
    return toTicketLinkDto(link);
  }
}
