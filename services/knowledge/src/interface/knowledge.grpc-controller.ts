import { Controller, Inject, UseFilters } from '@nestjs/common';
import {
  type CreateArticleRequest,
  type CreateArticleResponse,
  type CreateKnowledgeCategoryRequest,
  type CreateKnowledgeCategoryResponse,
  type DeleteArticleRequest,
  type DeleteArticleResponse,
  type GetArticleFeedbackRequest,
  type GetArticleFeedbackResponse,
  type GetArticleRequest,
  type GetArticleResponse,
  type GetArticleVersionRequest,
  type GetArticleVersionResponse,
  type KnowledgeServiceController,
  KnowledgeServiceControllerMethods,
  type LinkArticleToTicketRequest,
  type LinkArticleToTicketResponse,
  type ListArticleReviewsRequest,
  type ListArticleReviewsResponse,
  type ListArticlesRequest,
  type ListArticlesResponse,
  type ListArticleVersionsRequest,
  type ListArticleVersionsResponse,
  type ListKnowledgeCategoriesResponse,
  type ListTicketArticlesRequest,
  type ListTicketArticlesResponse,
  type ListUnansweredSearchesRequest,
  type ListUnansweredSearchesResponse,
  type RecordArticleViewRequest,
  type RecordArticleViewResponse,
  type RecordDeflectionRequest,
  type RecordDeflectionResponse,
  type SearchArticlesRequest,
  type SearchArticlesResponse,
  type SuggestArticlesRequest,
  type SuggestArticlesResponse,
  type TransitionArticleRequest,
  type TransitionArticleResponse,
  type UpdateArticleRequest,
  type UpdateArticleResponse,
  type VoteArticleRequest,
  type VoteArticleResponse,
} from '@itsm/contracts';
import {
  articleStatusMessages,
  audienceMessages,
  fromMessage,
  languageMessages,
  toArticleMessage,
  toCategoryMessage,
  toFeedbackMessage,
  toReviewMessage,
  toSearchHitMessage,
  toTicketLinkMessage,
  toUnansweredSearchMessage,
  toVersionMessage,
} from '../application/article-message.mapper';
import { ArticleVersionsUseCase } from '../application/article-versions/article-versions.use-case';
import { CreateCategoryUseCase } from '../application/categories/create-category.use-case';
import { ListCategoriesUseCase } from '../application/categories/list-categories.use-case';
import { CreateArticleUseCase } from '../application/create-article/create-article.use-case';
import { DeleteArticleUseCase } from '../application/delete-article/delete-article.use-case';
import { ArticleFeedbackUseCase } from '../application/feedback/article-feedback.use-case';
import { GetArticleUseCase } from '../application/get-article/get-article.use-case';
import { ListArticlesUseCase } from '../application/list-articles/list-articles.use-case';
import { CLOCK, type Clock } from '../application/ports/clock';
import { ListUnansweredSearchesUseCase } from '../application/reports/list-unanswered-searches.use-case';
import { SearchArticlesUseCase } from '../application/search-articles/search-articles.use-case';
import { SuggestArticlesUseCase } from '../application/suggest-articles/suggest-articles.use-case';
import { TicketLinksUseCase } from '../application/ticket-links/ticket-links.use-case';
import { TransitionArticleUseCase } from '../application/transition-article/transition-article.use-case';
import { UpdateArticleUseCase } from '../application/update-article/update-article.use-case';
import { type FieldViolation, throwIfInvalid } from '../domain/knowledge-error';
import {
  optionalUuid,
  requiredUuid,
  toCreateArticleCommand,
  toTransitionCommand,
  toUpdateArticleCommand,
  viewerOf,
  viewSourceOf,
} from './article-request.mapper';
import { KnowledgeErrorRpcFilter } from './knowledge-error.grpc-mapper';

/** gRPC `itsm.knowledge.v1.KnowledgeService`: request → command → use case → response. */
@Controller()
@KnowledgeServiceControllerMethods()
@UseFilters(KnowledgeErrorRpcFilter)
export class KnowledgeGrpcController implements KnowledgeServiceController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CreateCategoryUseCase) private readonly createCategory: CreateCategoryUseCase,
    @Inject(ListCategoriesUseCase) private readonly listCategories: ListCategoriesUseCase,
    @Inject(CreateArticleUseCase) private readonly createArticleUseCase: CreateArticleUseCase,
    @Inject(GetArticleUseCase) private readonly getArticleUseCase: GetArticleUseCase,
    @Inject(ListArticlesUseCase) private readonly listArticlesUseCase: ListArticlesUseCase,
    @Inject(UpdateArticleUseCase) private readonly updateArticleUseCase: UpdateArticleUseCase,
    @Inject(DeleteArticleUseCase) private readonly deleteArticleUseCase: DeleteArticleUseCase,
    @Inject(TransitionArticleUseCase)
    private readonly transitionArticleUseCase: TransitionArticleUseCase,
    @Inject(ArticleVersionsUseCase) private readonly versions: ArticleVersionsUseCase,
    @Inject(SearchArticlesUseCase) private readonly searchArticlesUseCase: SearchArticlesUseCase,
    @Inject(SuggestArticlesUseCase)
    private readonly suggestArticlesUseCase: SuggestArticlesUseCase,
    @Inject(ArticleFeedbackUseCase) private readonly feedback: ArticleFeedbackUseCase,
    @Inject(TicketLinksUseCase) private readonly ticketLinks: TicketLinksUseCase,
    @Inject(ListUnansweredSearchesUseCase)
    private readonly unansweredSearches: ListUnansweredSearchesUseCase,
  ) {}

  async createKnowledgeCategory(
    request: CreateKnowledgeCategoryRequest,
  ): Promise<CreateKnowledgeCategoryResponse> {
    const violations: FieldViolation[] = [];
    const parentId = optionalUuid('parentId', request.parentId, violations);
    throwIfInvalid('the category is invalid', violations);
    const category = await this.createCategory.execute({
      name: request.name,
      parentId,
      actorId: request.actorId,
    });
    return { category: toCategoryMessage(category) };
  }

  async listKnowledgeCategories(): Promise<ListKnowledgeCategoriesResponse> {
    return { categories: (await this.listCategories.execute()).map(toCategoryMessage) };
  }

  async createArticle(request: CreateArticleRequest): Promise<CreateArticleResponse> {
    const article = await this.createArticleUseCase.execute(toCreateArticleCommand(request));
    return { article: toArticleMessage(article, this.clock.now()) };
  }

  async getArticle(request: GetArticleRequest): Promise<GetArticleResponse> {
    const article = await this.getArticleUseCase.execute(
      requiredUuid('id', request.id),
      viewerOf(request.viewer),
    );
    return { article: toArticleMessage(article, this.clock.now()) };
  }

  async listArticles(request: ListArticlesRequest): Promise<ListArticlesResponse> {
    const violations: FieldViolation[] = [];
    const categoryId = optionalUuid('categoryId', request.categoryId, violations);
    throwIfInvalid('the list is invalid', violations);
    const page = await this.listArticlesUseCase.execute({
      pageSize: request.pageSize || undefined,
      pageToken: request.pageToken || undefined,
      status: fromMessage(articleStatusMessages, request.status),
      language: fromMessage(languageMessages, request.language),
      categoryId,
      authorId: request.authorId || undefined,
      outdatedOnly: request.outdatedOnly,
    });
    const now = this.clock.now();
    return {
      articles: page.articles.map((article) => toArticleMessage(article, now)),
      nextPageToken: page.nextPageToken ?? '',
    };
  }

  async updateArticle(request: UpdateArticleRequest): Promise<UpdateArticleResponse> {
    const article = await this.updateArticleUseCase.execute(toUpdateArticleCommand(request));
    return { article: toArticleMessage(article, this.clock.now()) };
  }

  async deleteArticle(request: DeleteArticleRequest): Promise<DeleteArticleResponse> {
    await this.deleteArticleUseCase.execute(requiredUuid('id', request.id), request.actorId);
    return {};
  }

  async transitionArticle(request: TransitionArticleRequest): Promise<TransitionArticleResponse> {
    const { article, version } = await this.transitionArticleUseCase.execute(
      toTransitionCommand(request),
    );
    return {
      article: toArticleMessage(article, this.clock.now()),
      publishedVersion: version ? toVersionMessage(version) : undefined,
    };
  }

  async listArticleVersions(
    request: ListArticleVersionsRequest,
  ): Promise<ListArticleVersionsResponse> {
    const versions = await this.versions.list(requiredUuid('articleId', request.articleId));
    return { versions: versions.map(toVersionMessage) };
  }

  async getArticleVersion(request: GetArticleVersionRequest): Promise<GetArticleVersionResponse> {
    const { version, changes, bodyDiff } = await this.versions.get(
      requiredUuid('articleId', request.articleId),
      request.number,
    );
    return { version: toVersionMessage(version), changes, bodyDiff };
  }

  async listArticleReviews(
    request: ListArticleReviewsRequest,
  ): Promise<ListArticleReviewsResponse> {
    const reviews = await this.versions.reviews(requiredUuid('articleId', request.articleId));
    return { reviews: reviews.map(toReviewMessage) };
  }

  async searchArticles(request: SearchArticlesRequest): Promise<SearchArticlesResponse> {
    const violations: FieldViolation[] = [];
    const categoryId = optionalUuid('categoryId', request.categoryId, violations);
    throwIfInvalid('the search is invalid', violations);
    const result = await this.searchArticlesUseCase.execute({
      text: request.query,
      viewer: viewerOf(request.viewer),
      audience: fromMessage(audienceMessages, request.audience),
      language: fromMessage(languageMessages, request.language),
      categoryId,
      tags: request.tags,
      serviceId: request.serviceId || undefined,
      page: request.page || undefined,
      pageSize: request.pageSize || undefined,
    });
    return {
      hits: result.hits.map(toSearchHitMessage),
      total: result.total,
      totalExact: result.totalExact,
      page: result.page,
      pageSize: result.pageSize,
    };
  }

  async suggestArticles(request: SuggestArticlesRequest): Promise<SuggestArticlesResponse> {
    const { suggestionId, hits } = await this.suggestArticlesUseCase.execute({
      title: request.title,
      description: request.description,
      viewer: viewerOf(request.viewer),
      language: fromMessage(languageMessages, request.language),
      serviceId: request.serviceId || undefined,
      limit: request.limit || undefined,
    });
    return { suggestionId, hits: hits.map(toSearchHitMessage) };
  }

  async voteArticle(request: VoteArticleRequest): Promise<VoteArticleResponse> {
    const feedback = await this.feedback.vote({
      articleId: requiredUuid('articleId', request.articleId),
      voterId: request.voterId,
      helpful: request.helpful,
      comment: request.comment,
      viewer: viewerOf(request.viewer),
    });
    return { feedback: toFeedbackMessage(feedback) };
  }

  async recordArticleView(request: RecordArticleViewRequest): Promise<RecordArticleViewResponse> {
    const violations: FieldViolation[] = [];
    const suggestionId = optionalUuid('suggestionId', request.suggestionId, violations);
    throwIfInvalid('the view is invalid', violations);
    await this.feedback.view({
      articleId: requiredUuid('articleId', request.articleId),
      viewerId: request.viewerId,
      source: viewSourceOf(request.source),
      suggestionId,
      viewer: viewerOf(request.viewer),
    });
    return {};
  }

  async recordDeflection(request: RecordDeflectionRequest): Promise<RecordDeflectionResponse> {
    const { feedback, recorded } = await this.feedback.deflect({
      suggestionId: requiredUuid('suggestionId', request.suggestionId),
      articleId: requiredUuid('articleId', request.articleId),
      requesterId: request.requesterId,
    });
    return { feedback: toFeedbackMessage(feedback), recorded };
  }

  async getArticleFeedback(
    request: GetArticleFeedbackRequest,
  ): Promise<GetArticleFeedbackResponse> {
    const feedback = await this.feedback.feedback(requiredUuid('articleId', request.articleId));
    return { feedback: toFeedbackMessage(feedback) };
  }

  async linkArticleToTicket(
    request: LinkArticleToTicketRequest,
  ): Promise<LinkArticleToTicketResponse> {
    const { link, created } = await this.ticketLinks.link({
      articleId: requiredUuid('articleId', request.articleId),
      ticketId: request.ticketId,
      actorId: request.actorId,
    });
    return { link: toTicketLinkMessage(link), created };
  }

  async listTicketArticles(
    request: ListTicketArticlesRequest,
  ): Promise<ListTicketArticlesResponse> {
    const links = await this.ticketLinks.ofTicket(request.ticketId);
    return { links: links.map(toTicketLinkMessage) };
  }

  async listUnansweredSearches(
    request: ListUnansweredSearchesRequest,
  ): Promise<ListUnansweredSearchesResponse> {
    const searches = await this.unansweredSearches.execute(request.limit || undefined);
    return { searches: searches.map(toUnansweredSearchMessage) };
  }
}
