import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { OutboxWriter } from '@itsm/messaging';
import { createDataSource, runMigrations } from '@itsm/persistence';
import { createSearchClient, type SearchClient } from '@itsm/search';
import { createTestDatabase, type TestDatabase, testEnvironment } from '@itsm/testing';
import { ArticleVersionsUseCase } from '../application/article-versions/article-versions.use-case';
import { CreateCategoryUseCase } from '../application/categories/create-category.use-case';
import { CreateArticleUseCase } from '../application/create-article/create-article.use-case';
import { ArticleFeedbackUseCase } from '../application/feedback/article-feedback.use-case';
import { GetArticleUseCase } from '../application/get-article/get-article.use-case';
import { ArticleIndexProjector } from '../application/index-articles/article-index.projector';
import { ReindexArticlesUseCase } from '../application/index-articles/reindex-articles.use-case';
import { systemClock } from '../application/ports/clock';
import { SearchArticlesUseCase } from '../application/search-articles/search-articles.use-case';
import { SuggestArticlesUseCase } from '../application/suggest-articles/suggest-articles.use-case';
import { TicketLinksUseCase } from '../application/ticket-links/ticket-links.use-case';
import { TransitionArticleUseCase } from '../application/transition-article/transition-article.use-case';
import { UpdateArticleUseCase } from '../application/update-article/update-article.use-case';
import type { Article, ArticleContent, Language } from '../domain/article';
import { knowledgeDataSourceSettings } from '../app.module';
import { knowledgeArticlesIndex } from '../infrastructure/search/knowledge-articles.index';
import { OpenSearchArticleIndex } from '../infrastructure/search/opensearch-article-index';
import { TypeOrmArticleStore } from '../infrastructure/typeorm-article.store';
import { TypeOrmFeedbackStore } from '../infrastructure/typeorm-feedback.store';
import { TypeOrmIndexQueue } from '../infrastructure/typeorm-index-queue';

const silent = { info: () => undefined, warn: () => undefined };
const ids = { newId: () => uuidv7() };

/**
 * The knowledge service's use cases against a fresh PostgreSQL database and a uniquely named
 * index on the real engine, wired by hand so a test decides when the index projector runs.
 */
export class KnowledgeHarness {
  readonly alias = `it-kb-${randomBytes(4).toString('hex')}`;
  readonly definition = knowledgeArticlesIndex({ alias: this.alias, replicas: 0 });
  readonly searchUrl = testEnvironment().OPENSEARCH_URL;
  readonly client: SearchClient = createSearchClient({
    node: this.searchUrl,
    flavour: 'opensearch',
    requestTimeoutMs: 10_000,
  });
  readonly index = new OpenSearchArticleIndex(this.client, this.definition);

  private constructor(
    readonly database: TestDatabase,
    readonly dataSource: DataSource,
  ) {}

  static async start(): Promise<KnowledgeHarness> {
    const database = await createTestDatabase('itsm_knowledge');
    const settings = knowledgeDataSourceSettings({
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: 5,
    });
    await runMigrations(createDataSource(settings));
    const dataSource = await createDataSource(settings).initialize();
    const harness = new KnowledgeHarness(database, dataSource);
    await harness.projectorWith(harness.index).projectBatch();
    return harness;
  }

  readonly outbox = new OutboxWriter('/itsm/knowledge');
  get articles() {
    return new TypeOrmArticleStore(this.dataSource, this.outbox);
  }
  get feedbackStore() {
    return new TypeOrmFeedbackStore(this.dataSource, this.outbox);
  }
  get queue() {
    return new TypeOrmIndexQueue(this.dataSource);
  }

  createArticle = () => new CreateArticleUseCase(this.articles, systemClock, ids);
  createCategory = () => new CreateCategoryUseCase(this.articles, systemClock, ids);
  transition = () => new TransitionArticleUseCase(this.articles, systemClock, ids);
  update = () => new UpdateArticleUseCase(this.articles, systemClock);
  getArticle = () => new GetArticleUseCase(this.articles, systemClock);
  versions = () => new ArticleVersionsUseCase(this.articles);
  search = () => new SearchArticlesUseCase(this.index, this.feedbackStore, systemClock);
  suggest = () => new SuggestArticlesUseCase(this.index, systemClock, ids);
  feedback = () => new ArticleFeedbackUseCase(this.articles, this.feedbackStore, systemClock);
  ticketLinks = () => new TicketLinksUseCase(this.articles, this.feedbackStore, systemClock);
  reindex = () =>
    new ReindexArticlesUseCase(this.queue, this.index, { batchSize: 3, catchUpMarginMs: 60_000 });

  /** An index projector writing through `writer` (a real or an unreachable engine). */
  projectorWith(writer: OpenSearchArticleIndex): ArticleIndexProjector {
    return new ArticleIndexProjector(this.queue, writer, silent, {
      batchSize: 100,
      idlePollMs: 10,
      maxBackoffMs: 50,
    });
  }

  /** Drains the index queue into the real engine and makes the writes searchable. */
  async project(): Promise<number> {
    const projector = this.projectorWith(this.index);
    let total = 0;
    for (;;) {
      const projected = await projector.projectBatch();
      total += projected;
      if (projected === 0) break;
    }
    await this.client.indices.refresh({ index: this.alias });
    return total;
  }

  /** Writes, reviews and approves an article: version 1 is live (not yet indexed). */
  async publish(
    input: Partial<ArticleContent> & { title: string; body: string },
    language: Language = 'ru',
  ): Promise<Article> {
    const draft = await this.createArticle().execute({
      language,
      content: {
        audience: 'public',
        categoryId: null,
        tags: [],
        serviceIds: [],
        configurationItemIds: [],
        ...input,
      },
      authorId: 'author-1',
      translationOf: undefined,
      reviewBy: null,
      expiresAt: null,
    });
    const step = (action: 'submit' | 'approve', actorId: string) =>
      this.transition().execute({
        articleId: draft.id,
        action,
        actorId,
        comment: undefined,
        version: undefined,
        expectedRevision: undefined,
      });
    await step('submit', 'author-1');
    return (await step('approve', 'reviewer-1')).article;
  }

  async stop(): Promise<void> {
    await this.client.indices.delete(
      { index: `${this.alias}-v*` },
      { ignore: [404], maxRetries: 0 },
    );
    await this.client.close();
    await this.dataSource.destroy();
    await this.database.drop();
  }
}
