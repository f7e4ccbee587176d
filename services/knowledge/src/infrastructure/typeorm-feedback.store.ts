import type { DataSource, EntityManager } from 'typeorm';
import type { EventType } from '@itsm/contracts';
import type { OutboxWriter } from '@itsm/messaging';
import type {
  ArticleFeedback,
  ArticleTicketLink,
  ArticleView,
  ArticleVote,
  Deflection,
  UnansweredSearch,
} from '../domain/feedback';
import type { EmittedEvent } from '../application/ports/article-store';
import type { FeedbackStore, FeedbackTransaction } from '../application/ports/feedback-store';

interface LinkRow {
  article_id: string;
  ticket_id: string;
  linked_by: string;
  linked_at: Date;
  article_title: string;
}

function toLink(row: LinkRow): ArticleTicketLink {
  return {
    articleId: row.article_id,
    ticketId: row.ticket_id,
    linkedBy: row.linked_by,
    linkedAt: row.linked_at,
    articleTitle: row.article_title,
  };
}

/** Adds to one of an article's counters, creating its counters row on first use. */
async function count(
  manager: EntityManager,
  articleId: string,
  counter: 'views' | 'solved_tickets' | 'deflections',
): Promise<void> {
  await manager.query(
    `INSERT INTO article_stats (article_id, ${counter}) VALUES ($1, 1)
     ON CONFLICT (article_id) DO UPDATE SET ${counter} = article_stats.${counter} + 1`,
    [articleId],
  );
}

/** PostgreSQL store of votes, views, deflections, ticket links and unanswered searches. */
export class TypeOrmFeedbackStore implements FeedbackStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  transaction<T>(work: (transaction: FeedbackTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) =>
      work({
        insertTicketLink: async (link) => {
          const inserted = (await manager.query(
            `INSERT INTO article_ticket_links (article_id, ticket_id, linked_by, linked_at, article_title)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT DO NOTHING RETURNING ticket_id`,
            [link.articleId, link.ticketId, link.linkedBy, link.linkedAt, link.articleTitle],
          )) as unknown[];
          if (inserted.length === 0) return 'exists';
          await count(manager, link.articleId, 'solved_tickets');
          return 'inserted';
        },
        emit: async <T>(eventType: EventType<T>, event: EmittedEvent<T>) => {
          await this.outbox.append(manager, eventType, event);
        },
      }),
    );
  }

  async saveVote(vote: ArticleVote): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO article_votes (article_id, voter_id, helpful, comment, voted_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (article_id, voter_id)
       DO UPDATE SET helpful = EXCLUDED.helpful, comment = EXCLUDED.comment, voted_at = EXCLUDED.voted_at`,
      [vote.articleId, vote.voterId, vote.helpful, vote.comment, vote.votedAt],
    );
  }

  async recordView(view: ArticleView): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO article_views (article_id, viewer_id, source, suggestion_id, viewed_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [view.articleId, view.viewerId, view.source, view.suggestionId, view.viewedAt],
      );
      await count(manager, view.articleId, 'views');
    });
  }

  recordDeflection(deflection: Deflection): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO article_deflections (suggestion_id, article_id, requester_id, recorded_at)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING suggestion_id`,
        [
          deflection.suggestionId,
          deflection.articleId,
          deflection.requesterId,
          deflection.recordedAt,
        ],
      )) as unknown[];
      if (inserted.length === 0) return false;
      await count(manager, deflection.articleId, 'deflections');
      return true;
    });
  }

  async feedback(articleId: string): Promise<ArticleFeedback> {
    const [row] = (await this.dataSource.query(
      `SELECT coalesce(s.views, 0)::bigint AS views,
              coalesce(s.solved_tickets, 0) AS solved_tickets,
              coalesce(s.deflections, 0) AS deflections,
              (SELECT count(*) FILTER (WHERE helpful) FROM article_votes WHERE article_id = $1)::int AS helpful,
              (SELECT count(*) FILTER (WHERE NOT helpful) FROM article_votes WHERE article_id = $1)::int AS not_helpful
         FROM (SELECT $1::uuid AS article_id) a
         LEFT JOIN article_stats s USING (article_id)`,
      [articleId],
    )) as {
      views: string;
      solved_tickets: number;
      deflections: number;
      helpful: number;
      not_helpful: number;
    }[];
    return {
      articleId,
      views: Number(row?.views ?? 0),
      helpfulVotes: row?.helpful ?? 0,
      notHelpfulVotes: row?.not_helpful ?? 0,
      solvedTickets: row?.solved_tickets ?? 0,
      deflections: row?.deflections ?? 0,
    };
  }

  async findTicketLink(
    articleId: string,
    ticketId: string,
  ): Promise<ArticleTicketLink | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT * FROM article_ticket_links WHERE article_id = $1 AND ticket_id = $2`,
      [articleId, ticketId],
    )) as LinkRow[];
    return row ? toLink(row) : undefined;
  }

  async ticketLinks(ticketId: string): Promise<ArticleTicketLink[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM article_ticket_links WHERE ticket_id = $1 ORDER BY linked_at, article_id`,
      [ticketId],
    )) as LinkRow[];
    return rows.map(toLink);
  }

  async recordUnansweredSearch(
    query: string,
    language: 'ru' | 'en' | null,
    at: Date,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO unanswered_searches (query, language, searches, last_searched_at)
       VALUES ($1, $2, 1, $3)
       ON CONFLICT (query, language)
       DO UPDATE SET searches = unanswered_searches.searches + 1,
                     last_searched_at = greatest(unanswered_searches.last_searched_at, EXCLUDED.last_searched_at)`,
      [query, language ?? '', at],
    );
  }

  async unansweredSearches(limit: number): Promise<UnansweredSearch[]> {
    const rows = (await this.dataSource.query(
      `SELECT query, language, searches, last_searched_at FROM unanswered_searches
        ORDER BY searches DESC, last_searched_at DESC LIMIT $1`,
      [limit],
    )) as { query: string; language: string; searches: number; last_searched_at: Date }[];
    return rows.map((row) => ({
      query: row.query,
      language: row.language === 'ru' || row.language === 'en' ? row.language : null,
      searches: row.searches,
      lastSearchedAt: row.last_searched_at,
    }));
  }
}
