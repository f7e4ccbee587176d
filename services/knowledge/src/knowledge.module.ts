import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { OutboxWriter } from '@itsm/messaging';
import type { IndexDefinition, SearchClient } from '@itsm/search';
import { ArticleVersionsUseCase } from './application/article-versions/article-versions.use-case';
import { CreateCategoryUseCase } from './application/categories/create-category.use-case';
import { ListCategoriesUseCase } from './application/categories/list-categories.use-case';
import { CreateArticleUseCase } from './application/create-article/create-article.use-case';
import { DeleteArticleUseCase } from './application/delete-article/delete-article.use-case';
import { ArticleFeedbackUseCase } from './application/feedback/article-feedback.use-case';
import { GetArticleUseCase } from './application/get-article/get-article.use-case';
import {
  ArticleIndexProjector,
  type ArticleIndexProjectorOptions,
} from './application/index-articles/article-index.projector';
import { ListArticlesUseCase } from './application/list-articles/list-articles.use-case';
import {
  ARTICLE_INDEX_WRITER,
  ARTICLE_SEARCH,
  type ArticleIndexWriter,
  type ArticleSearch,
} from './application/ports/article-search';
import { ARTICLE_STORE, type ArticleStore } from './application/ports/article-store';
import { CLOCK, type Clock, systemClock } from './application/ports/clock';
import { FEEDBACK_STORE, type FeedbackStore } from './application/ports/feedback-store';
import { ID_GENERATOR, type IdGenerator } from './application/ports/id-generator';
import { INDEX_QUEUE, type IndexQueue } from './application/ports/index-queue';
import { ListUnansweredSearchesUseCase } from './application/reports/list-unanswered-searches.use-case';
import { SearchArticlesUseCase } from './application/search-articles/search-articles.use-case';
import { SuggestArticlesUseCase } from './application/suggest-articles/suggest-articles.use-case';
import { TicketLinksUseCase } from './application/ticket-links/ticket-links.use-case';
import { TransitionArticleUseCase } from './application/transition-article/transition-article.use-case';
import { UpdateArticleUseCase } from './application/update-article/update-article.use-case';
import { IndexMetrics } from './infrastructure/index-metrics';
import { OpenSearchArticleIndex } from './infrastructure/search/opensearch-article-index';
import { SEARCH_CLIENT } from './infrastructure/search/search-client.provider';
import { TypeOrmArticleStore } from './infrastructure/typeorm-article.store';
import { TypeOrmFeedbackStore } from './infrastructure/typeorm-feedback.store';
import { TypeOrmIndexQueue } from './infrastructure/typeorm-index-queue';
import { KnowledgeGrpcController } from './interface/knowledge.grpc-controller';

export interface KnowledgeModuleSettings {
  /** Built from the configuration; closed when the service stops. */
  searchClient: SearchClient;
  index: IndexDefinition;
  projector: ArticleIndexProjectorOptions;
}

/** Starts the index projector with the application and stops it (and the client) with it. */
@Injectable()
class SearchLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(ArticleIndexProjector) private readonly projector: ArticleIndexProjector,
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    @Inject(IndexMetrics) private readonly metrics: IndexMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.metrics.observe();
    this.projector.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projector.stop();
    await this.client.close();
  }
}

/** Use cases wired to their ports; the gRPC controller is the way in. */
@Module({})
export class KnowledgeModule {
  static register(settings: KnowledgeModuleSettings): DynamicModule {
    const useCase = <T>(
      type: new (...args: never[]) => T,
      inject: (symbol | (new (...args: never[]) => unknown))[],
      build: (...deps: never[]) => T,
    ) => ({ provide: type, inject, useFactory: build });
    return {
      module: KnowledgeModule,
      controllers: [KnowledgeGrpcController],
      providers: [
        { provide: CLOCK, useValue: systemClock },
        { provide: ID_GENERATOR, useValue: { newId: () => uuidv7() } satisfies IdGenerator },
        { provide: SEARCH_CLIENT, useValue: settings.searchClient },
        {
          provide: ARTICLE_STORE,
          inject: [DataSource, OutboxWriter],
          useFactory: (dataSource: DataSource, outbox: OutboxWriter) =>
            new TypeOrmArticleStore(dataSource, outbox),
        },
        {
          provide: FEEDBACK_STORE,
          inject: [DataSource, OutboxWriter],
          useFactory: (dataSource: DataSource, outbox: OutboxWriter) =>
            new TypeOrmFeedbackStore(dataSource, outbox),
        },
        {
          provide: INDEX_QUEUE,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new TypeOrmIndexQueue(dataSource),
        },
        {
          provide: OpenSearchArticleIndex,
          useValue: new OpenSearchArticleIndex(settings.searchClient, settings.index),
        },
        { provide: ARTICLE_SEARCH, useExisting: OpenSearchArticleIndex },
        { provide: ARTICLE_INDEX_WRITER, useExisting: OpenSearchArticleIndex },
        {
          provide: ArticleIndexProjector,
          inject: [INDEX_QUEUE, ARTICLE_INDEX_WRITER, PinoLogger],
          useFactory: (queue: IndexQueue, writer: ArticleIndexWriter, logger: PinoLogger) => {
            logger.setContext('ArticleIndexProjector');
            return new ArticleIndexProjector(queue, writer, logger, settings.projector);
          },
        },
        {
          provide: IndexMetrics,
          inject: [INDEX_QUEUE],
          useFactory: (queue: IndexQueue) => new IndexMetrics(queue),
        },
        SearchLifecycle,
        useCase(
          CreateCategoryUseCase,
          [ARTICLE_STORE, CLOCK, ID_GENERATOR],
          (store: ArticleStore, clock: Clock, ids: IdGenerator) =>
            new CreateCategoryUseCase(store, clock, ids),
        ),
        useCase(
          ListCategoriesUseCase,
          [ARTICLE_STORE],
          (store: ArticleStore) => new ListCategoriesUseCase(store),
        ),
        useCase(
          CreateArticleUseCase,
          [ARTICLE_STORE, CLOCK, ID_GENERATOR],
          (store: ArticleStore, clock: Clock, ids: IdGenerator) =>
            new CreateArticleUseCase(store, clock, ids),
        ),
        useCase(
          GetArticleUseCase,
          [ARTICLE_STORE, CLOCK],
          (store: ArticleStore, clock: Clock) => new GetArticleUseCase(store, clock),
        ),
        useCase(
          ListArticlesUseCase,
          [ARTICLE_STORE, CLOCK],
          (store: ArticleStore, clock: Clock) => new ListArticlesUseCase(store, clock),
        ),
        useCase(
          UpdateArticleUseCase,
          [ARTICLE_STORE, CLOCK],
          (store: ArticleStore, clock: Clock) => new UpdateArticleUseCase(store, clock),
        ),
        useCase(
          DeleteArticleUseCase,
          [ARTICLE_STORE, CLOCK],
          (store: ArticleStore, clock: Clock) => new DeleteArticleUseCase(store, clock),
        ),
        useCase(
          TransitionArticleUseCase,
          [ARTICLE_STORE, CLOCK, ID_GENERATOR],
          (store: ArticleStore, clock: Clock, ids: IdGenerator) =>
            new TransitionArticleUseCase(store, clock, ids),
        ),
        useCase(
          ArticleVersionsUseCase,
          [ARTICLE_STORE],
          (store: ArticleStore) => new ArticleVersionsUseCase(store),
        ),
        useCase(
          SearchArticlesUseCase,
          [ARTICLE_SEARCH, FEEDBACK_STORE, CLOCK],
          (search: ArticleSearch, feedback: FeedbackStore, clock: Clock) =>
            new SearchArticlesUseCase(search, feedback, clock),
        ),
        useCase(
          SuggestArticlesUseCase,
          [ARTICLE_SEARCH, CLOCK, ID_GENERATOR],
          (search: ArticleSearch, clock: Clock, ids: IdGenerator) =>
            new SuggestArticlesUseCase(search, clock, ids),
        ),
        useCase(
          ArticleFeedbackUseCase,
          [ARTICLE_STORE, FEEDBACK_STORE, CLOCK],
          (store: ArticleStore, feedback: FeedbackStore, clock: Clock) =>
            new ArticleFeedbackUseCase(store, feedback, clock),
        ),
        useCase(
          TicketLinksUseCase,
          [ARTICLE_STORE, FEEDBACK_STORE, CLOCK],
          (store: ArticleStore, feedback: FeedbackStore, clock: Clock) =>
            new TicketLinksUseCase(store, feedback, clock),
        ),
        useCase(
          ListUnansweredSearchesUseCase,
          [FEEDBACK_STORE],
          (feedback: FeedbackStore) => new ListUnansweredSearchesUseCase(feedback),
        ),
      ],
    };
  }
}
