import type { EventType } from '@itsm/contracts';
import type {
  ArticleFeedback,
  ArticleTicketLink,
  ArticleView,
  ArticleVote,
  Deflection,
  UnansweredSearch,
} from '../../domain/feedback';
import type { EmittedEvent } from './article-store';

export interface FeedbackTransaction {
  /** Inserts unless the article is linked to the ticket already; counts the solved ticket. */
  insertTicketLink(link: ArticleTicketLink): Promise<'inserted' | 'exists'>;
  emit<T>(eventType: EventType<T>, event: EmittedEvent<T>): Promise<void>;
}

/** Readers' feedback: counters and logs beside the articles, never part of a version. */
export interface FeedbackStore {
  transaction<T>(work: (transaction: FeedbackTransaction) => Promise<T>): Promise<T>;
  /** Inserts or replaces the reader's vote on the article. */
  saveVote(vote: ArticleVote): Promise<void>;
  recordView(view: ArticleView): Promise<void>;
  /** False when the suggestion's deflection was recorded already. */
  recordDeflection(deflection: Deflection): Promise<boolean>;
  feedback(articleId: string): Promise<ArticleFeedback>;
  findTicketLink(articleId: string, ticketId: string): Promise<ArticleTicketLink | undefined>;
  /** Oldest first. */
  ticketLinks(ticketId: string): Promise<ArticleTicketLink[]>;
  recordUnansweredSearch(query: string, language: 'ru' | 'en' | null, at: Date): Promise<void>;
  /** Most frequent first. */
  unansweredSearches(limit: number): Promise<UnansweredSearch[]>;
}

export const FEEDBACK_STORE = Symbol('FeedbackStore');
