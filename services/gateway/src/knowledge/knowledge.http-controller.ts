import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { firstValueFrom } from 'rxjs';
import type { Principal } from '@itsm/auth';
import type { KnowledgeServiceClient } from '@itsm/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { actorFor } from '../auth/actor';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { TicketVisibilityCheck } from '../tickets/ticket-visibility-check';
import {
  KnowledgeCategoryDto,
  KnowledgeCategoryListDto,
  CreateKnowledgeCategoryDto,
} from './dto/category.dto';
import {
  DeflectionResultDto,
  RecordDeflectionDto,
  TicketArticleLinkListDto,
  UnansweredSearchesQueryDto,
  UnansweredSearchListDto,
} from './dto/feedback.dto';
import {
  SearchArticlesQueryDto,
  SearchResultDto,
  SuggestionsDto,
  SuggestionsQueryDto,
} from './dto/search.query.dto';
import { viewerFor } from './knowledge-access';
import { KNOWLEDGE_CLIENT } from './knowledge-client.provider';
import {
  toCategoryDto,
  toFeedbackDto,
  toSearchArticlesRequest,
  toSearchHitDto,
  toSuggestArticlesRequest,
  toTicketLinkDto,
  toUnansweredSearchDto,
} from './knowledge-dto.mapper';

const KNOWLEDGE_PATH = '/api/v1/knowledge';

/** Search, suggestions, categories and reports of the knowledge base. */
@ApiTags('knowledge')
@Controller(KNOWLEDGE_PATH)
export class KnowledgeHttpController {
  constructor(
    @Inject(KNOWLEDGE_CLIENT) private readonly knowledge: KnowledgeServiceClient,
    private readonly visibility: TicketVisibilityCheck,
  ) {}

  @Get('search')
  @ApiOperation({
    summary: 'Search published articles in Russian and English, typos forgiven, with highlights',
    description:
      'Requesters (the default) only ever get public, unexpired articles; agents pass `view=agent` ' +
      'or `audience=internal`. A search for words that finds nothing is counted for the authors.',
  })
  @ApiOkResponse({ type: SearchResultDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('knowledge.read')
  async search(
    @CurrentPrincipal() principal: Principal,
    @Query() query: SearchArticlesQueryDto,
  ): Promise<SearchResultDto> {
    const viewer = viewerFor(principal, query.view, query.audience);
    const result = await firstValueFrom(
      this.knowledge.searchArticles(toSearchArticlesRequest(query, viewer)),
    );
    return {
      items: result.hits.map(toSearchHitDto),
      total: result.total,
      totalExact: result.totalExact,
      page: result.page,
      pageSize: result.pageSize,
    };
  }

  @Get('suggestions')
  @ApiOperation({
    summary: "The articles that best match a ticket's title and description",
    description:
      'For the portal while a requester writes a ticket (public articles), and beside the ticket ' +
      'in the agent console (`view=agent`).',
  })
  @ApiOkResponse({ type: SuggestionsDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('knowledge.read')
  async suggestions(
    @CurrentPrincipal() principal: Principal,
    @Query() query: SuggestionsQueryDto,
  ): Promise<SuggestionsDto> {
    const viewer = viewerFor(principal, query.view);
    const { suggestionId, hits } = await firstValueFrom(
      this.knowledge.suggestArticles(toSuggestArticlesRequest(query, viewer)),
    );
    return { suggestionId, items: hits.map(toSearchHitDto) };
  }

  @Post('suggestions/:suggestionId/deflections')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'The requester read a suggested article and did not file the ticket; once per suggestion',
  })
  @ApiOkResponse({ type: DeflectionResultDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('knowledge.feedback')
  async deflection(
    @CurrentPrincipal() principal: Principal,
    @Param('suggestionId', new ParseUUIDPipe({ version: undefined })) suggestionId: string,
    @Body() body: RecordDeflectionDto,
  ): Promise<DeflectionResultDto> {
    const { feedback, recorded } = await firstValueFrom(
      this.knowledge.recordDeflection({
        suggestionId,
        articleId: body.articleId,
        requesterId: actorFor(principal, body.requesterId, 'tickets.act_on_behalf'),
      }),
    );
    return { feedback: toFeedbackDto(feedback), recorded };
  }

  @Get('tickets/:ticketId/articles')
  @ApiOperation({
    summary: 'The articles linked to a ticket as "solved with", oldest first',
    description: '404 when the ticket does not exist or the caller may not see it.',
  })
  @ApiOkResponse({ type: TicketArticleLinkListDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('knowledge.read')
  async ticketArticles(
    @CurrentPrincipal() principal: Principal,
    @Param('ticketId', new ParseUUIDPipe({ version: undefined })) ticketId: string,
  ): Promise<TicketArticleLinkListDto> {
    await this.visibility.visibleTicket(principal, ticketId);
    const { links } = await firstValueFrom(this.knowledge.listTicketArticles({ ticketId }));
    return { items: links.map(toTicketLinkDto) };
  }

  @Post('categories')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Add a category, at the root or below another' })
  @ApiCreatedResponse({ type: KnowledgeCategoryDto })
  @ApiProblemResponses(400, 409, 503)
  @RequirePermission('knowledge.publish')
  async createCategory(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateKnowledgeCategoryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<KnowledgeCategoryDto> {
    const { category } = await firstValueFrom(
      this.knowledge.createKnowledgeCategory({
        name: body.name,
        parentId: body.parentId ?? '',
        actorId: actorFor(principal, body.actorId, 'tickets.act_on_behalf'),
      }),
    );
    if (!category) throw new Error('the knowledge service answered without a category');
    response.setHeader('Location', `${KNOWLEDGE_PATH}/categories/${category.id}`);
    return toCategoryDto(category);
  }

  @Get('categories')
  @ApiOperation({ summary: 'The category tree, parents before children' })
  @ApiOkResponse({ type: KnowledgeCategoryListDto })
  @ApiProblemResponses(503)
  @RequirePermission('knowledge.read')
  async categories(): Promise<KnowledgeCategoryListDto> {
    const { categories } = await firstValueFrom(this.knowledge.listKnowledgeCategories({}));
    return { items: categories.map(toCategoryDto) };
  }

  @Get('reports/unanswered-searches')
  @ApiOperation({
    summary: 'What readers searched for and did not find, most frequent first: articles to write',
  })
  @ApiOkResponse({ type: UnansweredSearchListDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('knowledge.report')
  async unansweredSearches(
    @Query() query: UnansweredSearchesQueryDto,
  ): Promise<UnansweredSearchListDto> {
    const { searches } = await firstValueFrom(
      this.knowledge.listUnansweredSearches({ limit: query.limit ?? 0 }),
    );
    return { items: searches.map(toUnansweredSearchDto) };
  }
}
