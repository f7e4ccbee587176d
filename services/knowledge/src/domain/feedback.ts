import { type FieldViolation, throwIfInvalid } from './knowledge-error';

export const VOTE_COMMENT_MAX_LENGTH = 1000;

export type ViewSource = 'search' | 'suggestion' | 'direct';

/** A reader's answer to "was this helpful"; one per reader and article. */
export interface ArticleVote {
  articleId: string;
  voterId: string;
  helpful: boolean;
  comment: string;
  votedAt: Date;
}

/** How readers received an article. */
export interface ArticleFeedback {
  articleId: string;
  views: number;
  helpfulVotes: number;
  notHelpfulVotes: number;
  solvedTickets: number;
  deflections: number;
}

/** An article an agent marked as having solved a ticket. */
export interface ArticleTicketLink {
  articleId: string;
  ticketId: string;
  linkedBy: string;
  linkedAt: Date;
  articleTitle: string;
}

/** A requester read a suggested article and did not file the ticket. */
export interface Deflection {
  suggestionId: string;
  articleId: string;
  requesterId: string;
  recordedAt: Date;
}

export interface ArticleView {
  articleId: string;
  viewerId: string | null;
  source: ViewSource;
  suggestionId: string | null;
  viewedAt: Date;
}

export interface UnansweredSearch {
  query: string;
  language: 'ru' | 'en' | null;
  searches: number;
  lastSearchedAt: Date;
}

export function vote(input: {
  articleId: string;
  voterId: string;
  helpful: boolean;
  comment: string;
  now: Date;
}): ArticleVote {
  const violations: FieldViolation[] = [];
  const voterId = input.voterId.trim();
  const comment = input.comment.trim();
  if (!voterId) violations.push({ field: 'voterId', message: 'voterId is required' });
  if (comment.length > VOTE_COMMENT_MAX_LENGTH) {
    violations.push({
      field: 'comment',
      message: `comment must be at most ${VOTE_COMMENT_MAX_LENGTH} characters`,
    });
  }
  throwIfInvalid('the vote is invalid', violations);
  return {
    articleId: input.articleId,
    voterId,
    helpful: input.helpful,
    comment,
    votedAt: input.now,
  };
}

export function requireId(field: string, value: string, violations: FieldViolation[]): string {
  const id = value.trim();
  if (!id) violations.push({ field, message: `${field} is required` });
  else if (id.length > 200) violations.push({ field, message: `${field} is too long` });
  return id;
}
