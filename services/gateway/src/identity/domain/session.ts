/**
 * A signed-in browser or app: it holds one refresh token at a time, and its access tokens are
 * refused once it ends (sign-out, a refresh token used twice, a password change, an account
 * disabled).
 */
export interface Session {
  id: string;
  userId: string;
  createdAt: Date;
  /** Absolute end: after it the user signs in again, however active the session was. */
  expiresAt: Date;
  revokedAt: Date | null;
  /** The support groups of the last token issued, kept for when routing cannot answer. */
  groupIds: string[];
}

export const SESSION_END_REASONS = [
  'sign_out',
  'refresh_token_reused',
  'password_changed',
  'user_disabled',
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** A refresh token as stored: only its SHA-256, never the token. */
export interface RefreshTokenRecord {
  digest: string;
  sessionId: string;
  issuedAt: Date;
  expiresAt: Date;
  /** Set when it was exchanged for a new one; presenting it again reveals a theft. */
  usedAt: Date | null;
}

export type RefreshDecision =
  | { kind: 'rotate' }
  /** Already exchanged once: whoever holds it now may have stolen it, so the session ends. */
  | { kind: 'reuse' }
  | { kind: 'refuse'; reason: 'unknown' | 'expired' | 'session_ended' };

/** What presenting a refresh token does (OAuth 2.0 Security BCP, refresh token rotation). */
export function decideRefresh(
  token: RefreshTokenRecord | undefined,
  session: Session | undefined,
  now: Date,
): RefreshDecision {
  if (!token || !session || token.sessionId !== session.id)
    return { kind: 'refuse', reason: 'unknown' };
  if (session.revokedAt !== null) return { kind: 'refuse', reason: 'session_ended' };
  if (token.usedAt !== null) return { kind: 'reuse' };
  if (token.expiresAt.getTime() <= now.getTime() || session.expiresAt.getTime() <= now.getTime())
    return { kind: 'refuse', reason: 'expired' };
  return { kind: 'rotate' };
}

/** Whether access tokens of the session are still honoured. */
export function isSessionActive(
  session: Pick<Session, 'revokedAt' | 'expiresAt'>,
  now: Date,
): boolean {
  return session.revokedAt === null && session.expiresAt.getTime() > now.getTime();
}
