import { ArticleLinkedToTicket } from '@itsm/contracts';
import { type ArticleTicketLink, requireId } from '../../domain/feedback';
import { type FieldViolation, throwIfInvalid } from '../../domain/knowledge-error';
import { toTicketLinkMessage } from '../article-message.mapper';
import { readableArticle } from '../get-article/get-article.use-case';
import type { ArticleStore } from '../ports/article-store';
import type { Clock } from '../ports/clock';
import type { FeedbackStore } from '../ports/feedback-store';

/**
 * "Solved with": an agent links an article to the ticket it solved; each ticket counts once per
 * article, and the link is an event other services (tickets, reporting) can follow.
 */
export class TicketLinksUseCase {
  constructor(
    private readonly articles: ArticleStore,
    private readonly feedback: FeedbackStore,
    private readonly clock: Clock,
  ) {}

  async link(input: {
    articleId: string;
    ticketId: string;
    actorId: string;
  }): Promise<{ link: ArticleTicketLink; created: boolean }> {
    const violations: FieldViolation[] = [];
    const ticketId = requireId('ticketId', input.ticketId, violations);
    const actorId = requireId('actorId', input.actorId, violations);
    throwIfInvalid('the link is invalid', violations);
    const now = this.clock.now();
    const article = await readableArticle(this.articles, input.articleId, 'agent', now);
    const link: ArticleTicketLink = {
      articleId: article.id,
      ticketId,
      linkedBy: actorId,
      linkedAt: now,
      articleTitle: (article.publishedContent ?? article.content).title,
    };
    const outcome = await this.feedback.transaction(async (transaction) => {
      const inserted = await transaction.insertTicketLink(link);
      if (inserted === 'inserted') {
        await transaction.emit(ArticleLinkedToTicket, {
          key: article.id,
          subject: ticketId,
          payload: { link: toTicketLinkMessage(link) },
          occurredAt: now,
        });
      }
      return inserted;
    });
    if (outcome === 'inserted') return { link, created: true };
    const existing = await this.feedback.findTicketLink(article.id, ticketId);
    return { link: existing ?? link, created: false };
  }

  async ofTicket(ticketId: string): Promise<ArticleTicketLink[]> {
    const violations: FieldViolation[] = [];
    const id = requireId('ticketId', ticketId, violations);
    throwIfInvalid('the ticket id is invalid', violations);
    return this.feedback.ticketLinks(id);
  }
}
