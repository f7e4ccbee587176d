import type { EventType } from '@itsm/contracts';
import type { Article } from '../../domain/article';
import type { ArticleReview, ArticleVersion } from '../../domain/article-version';
import type { KnowledgeCategory } from '../../domain/category';
import type {
  ArticleListQuery,
  ArticleStore,
  ArticleTransaction,
  EmittedEvent,
} from '../ports/article-store';

export interface RecordedEvent {
  type: string;
  key: string;
  payload: unknown;
}

interface State {
  articles: Map<string, Article>;
  versions: ArticleVersion[];
  reviews: ArticleReview[];
  categories: Map<string, KnowledgeCategory>;
  events: RecordedEvent[];
  indexQueue: string[];
}

function copy(state: State): State {
  return {
    articles: new Map(state.articles),
    versions: [...state.versions],
    reviews: [...state.reviews],
    categories: new Map(state.categories),
    events: [...state.events],
    indexQueue: [...state.indexQueue],
  };
}

/** The article store in memory; a transaction that throws leaves nothing behind. */
export class InMemoryArticleStore implements ArticleStore {
  private state: State = {
    articles: new Map(),
    versions: [],
    reviews: [],
    categories: new Map(),
    events: [],
    indexQueue: [],
  };

  get events(): readonly RecordedEvent[] {
    return this.state.events;
  }

  /** Article ids queued for the index, in order, repeats included. */
  get indexQueue(): readonly string[] {
    return this.state.indexQueue;
  }

  get storedVersions(): readonly ArticleVersion[] {
    return this.state.versions;
  }

  seed(article: Article, versions: ArticleVersion[] = []): void {
    this.state.articles.set(article.id, article);
    this.state.versions.push(...versions);
  }

  seedCategory(category: KnowledgeCategory): void {
    this.state.categories.set(category.id, category);
  }

  async transaction<T>(work: (transaction: ArticleTransaction) => Promise<T>): Promise<T> {
    const draft = copy(this.state);
    const result = await work(this.transactionOn(draft));
    this.state = draft;
    return result;
  }

  findById(id: string): Promise<Article | undefined> {
    return Promise.resolve(this.state.articles.get(id));
  }

  list(query: ArticleListQuery): Promise<Article[]> {
    return Promise.resolve(
      [...this.state.articles.values()]
        .filter((article) => !query.status || article.status === query.status)
        .filter((article) => !query.afterId || article.id < query.afterId)
        .sort((a, b) => b.id.localeCompare(a.id))
        .slice(0, query.limit),
    );
  }

  versions(articleId: string): Promise<ArticleVersion[]> {
    return Promise.resolve(
      this.state.versions
        .filter((version) => version.articleId === articleId)
        .sort((a, b) => b.number - a.number),
    );
  }

  findVersion(articleId: string, number: number): Promise<ArticleVersion | undefined> {
    return Promise.resolve(
      this.state.versions.find((v) => v.articleId === articleId && v.number === number),
    );
  }

  reviews(articleId: string): Promise<ArticleReview[]> {
    return Promise.resolve(this.state.reviews.filter((review) => review.articleId === articleId));
  }

  categories(): Promise<KnowledgeCategory[]> {
    return Promise.resolve([...this.state.categories.values()]);
  }

  private transactionOn(state: State): ArticleTransaction {
    return {
      findForUpdate: (id) => Promise.resolve(state.articles.get(id)),
      insert: (article) => {
        const taken = [...state.articles.values()].some(
          (other) =>
            other.translationGroupId === article.translationGroupId &&
            other.language === article.language,
        );
        if (!taken) state.articles.set(article.id, article);
        return Promise.resolve(taken ? 'language-taken' : 'inserted');
      },
      update: (article, previousRevision) => {
        if (state.articles.get(article.id)?.revision !== previousRevision) {
          return Promise.reject(new Error('revision mismatch'));
        }
        state.articles.set(article.id, article);
        return Promise.resolve();
      },
      delete: (id) => {
        state.articles.delete(id);
        return Promise.resolve();
      },
      insertVersion: (version) => {
        state.versions.push(version);
        return Promise.resolve();
      },
      findVersion: (articleId, number) =>
        Promise.resolve(
          state.versions.find((v) => v.articleId === articleId && v.number === number),
        ),
      insertReview: (review) => {
        state.reviews.push(review);
        return Promise.resolve();
      },
      findCategory: (id) => Promise.resolve(state.categories.get(id)),
      insertCategory: (category) => {
        const taken = [...state.categories.values()].some(
          (other) =>
            other.parentId === category.parentId &&
            other.name.toLowerCase() === category.name.toLowerCase(),
        );
        if (!taken) state.categories.set(category.id, category);
        return Promise.resolve(taken ? 'name-taken' : 'inserted');
      },
      emit: <T>(eventType: EventType<T>, event: EmittedEvent<T>) => {
        // Through the codec, as the outbox writes it, so a payload the contract refuses fails here.
        const json = eventType.toJson(event.payload);
        eventType.fromJson(JSON.parse(JSON.stringify(json)));
        state.events.push({ type: eventType.type, key: event.key, payload: json });
        return Promise.resolve();
      },
      queueForIndex: (articleIds) => {
        state.indexQueue.push(...articleIds);
        return Promise.resolve();
      },
    };
  }
}

export const fixedClock = (at: Date) => ({ now: () => at });

export function sequentialIds(prefix = '0193a7a0-0000-7000-8000-') {
  let next = 0;
  return {
    newId: () => {
      next += 1;
      return `${prefix}${next.toString().padStart(12, '0')}`;
    },
  };
}
