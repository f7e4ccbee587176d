import type { Viewer } from '../../domain/article-visibility';
import { type ArticleFeedback, requireId, type ViewSource, vote } from '../../domain/feedback';
import { type FieldViolation, throwIfInvalid } from '../../domain/knowledge-error';
import { readableArticle } from '../get-article/get-article.use-case';
import type { ArticleStore } from '../ports/article-store';
import type { Clock } from '../ports/clock';
import type { FeedbackStore } from '../ports/feedback-store';

export interface VoteCommand {
  articleId: string;
  voterId: string;
  helpful: boolean;
  comment: string;
  viewer: Viewer;
}

export interface ViewCommand {
  articleId: string;
  viewerId: string;
  source: ViewSource;
  suggestionId: string | undefined;
  viewer: Viewer;
}

export interface DeflectionCommand {
  suggestionId: string;
  articleId: string;
  requesterId: string;
}

/**
 * What readers tell about an article: votes, views and deflected tickets. Readers can only give
 * feedback on articles they may read.
 */
export class ArticleFeedbackUseCase {
  constructor(
    private readonly articles: ArticleStore,
    private readonly feedbackStore: FeedbackStore,
    private readonly clock: Clock,
  ) {}

  async vote(command: VoteCommand): Promise<ArticleFeedback> {
    const now = this.clock.now();
    await readableArticle(this.articles, command.articleId, command.viewer, now);
    await this.feedbackStore.saveVote(vote({ ...command, now }));
    return this.feedbackStore.feedback(command.articleId);
  }

  async view(command: ViewCommand): Promise<void> {
    const now = this.clock.now();
    await readableArticle(this.articles, command.articleId, command.viewer, now);
    await this.feedbackStore.recordView({
      articleId: command.articleId,
      viewerId: command.viewerId.trim() || null,
      source: command.source,
      suggestionId: command.suggestionId || null,
      viewedAt: now,
    });
  }

  async deflect(
    command: DeflectionCommand,
  ): Promise<{ feedback: ArticleFeedback; recorded: boolean }> {
    const violations: FieldViolation[] = [];
    const suggestionId = requireId('suggestionId', command.suggestionId, violations);
    const requesterId = requireId('requesterId', command.requesterId, violations);
    throwIfInvalid('the deflection is invalid', violations);
    const now = this.clock.now();
    await readableArticle(this.articles, command.articleId, 'requester', now);
    const recorded = await this.feedbackStore.recordDeflection({
      suggestionId,
      articleId: command.articleId,
      requesterId,
      recordedAt: now,
    });
    return { feedback: await this.feedbackStore.feedback(command.articleId), recorded };
  }

  async feedback(articleId: string): Promise<ArticleFeedback> {
    await readableArticle(this.articles, articleId, 'agent', this.clock.now());
    return this.feedbackStore.feedback(articleId);
  }
}
