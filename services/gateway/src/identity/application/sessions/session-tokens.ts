import type { PrincipalClaims, Role } from '@itsm/auth';
import type { Session } from '../../domain/session';
import type { User } from '../../domain/user';
import type { AccessTokens } from '../ports/access-tokens';
import type { Clock } from '../ports/clock';
import type { GroupDirectory } from '../ports/group-directory';
import type { IdentityStore } from '../ports/identity-store';
import type { Secrets } from '../ports/secrets';

/** What a client receives when it signs in or refreshes. */
export interface IssuedTokens {
  accessToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
  refreshToken: string;
  sessionId: string;
  user: User;
}

/** The principal a user's token carries. */
export function userPrincipalClaims(
  user: User,
  groupIds: readonly string[],
  roles: readonly Role[] = user.roles,
): PrincipalClaims {
  return {
    kind: 'user',
    id: user.id,
    name: user.displayName,
    roles: [...roles],
    scopes: [],
    organizationId: user.organizationId,
    organizationWide: user.organizationWide,
    groupIds: [...groupIds],
  };
}

/**
 * Starts sessions and rotates their refresh tokens. The support groups come from routing each
 * time a token is issued; when routing cannot answer, the session's last known groups (none for
 * a new session) are used, so sign-in never fails for it.
 */
export class SessionTokens {
  constructor(
    private readonly store: IdentityStore,
    private readonly accessTokens: AccessTokens,
    private readonly secrets: Secrets,
    private readonly groups: GroupDirectory,
    private readonly clock: Clock,
    private readonly sessionTtlSeconds: number,
  ) {}

  async start(user: User, sessionId: string): Promise<IssuedTokens> {
    const groupIds = (await this.groups.groupsOf(user.id)) ?? [];
    const now = this.clock.now();
    const session: Session = {
      id: sessionId,
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.sessionTtlSeconds * 1000),
      revokedAt: null,
      groupIds,
    };
    const refreshToken = this.secrets.newRefreshToken();
    await this.store.sessions.create(session, {
      digest: this.secrets.digest(refreshToken),
      sessionId,
      issuedAt: now,
      expiresAt: session.expiresAt,
      usedAt: null,
    });
    return this.tokensOf(user, session, refreshToken);
  }

  /**
   * Exchanges a refresh token for a new one in the same session; 'reused' when another request
   * exchanged it first (the caller treats that as a reuse).
   */
  async rotate(user: User, session: Session, usedDigest: string): Promise<IssuedTokens | 'reused'> {
    const groupIds = (await this.groups.groupsOf(user.id)) ?? session.groupIds;
    const now = this.clock.now();
    const refreshToken = this.secrets.newRefreshToken();
    const rotated = await this.store.transaction(async ({ sessions }) => {
      if (!(await sessions.markRefreshTokenUsed(usedDigest, now))) return false;
      await sessions.addRefreshToken({
        digest: this.secrets.digest(refreshToken),
        sessionId: session.id,
        issuedAt: now,
        // A session has an absolute end; rotating does not move it.
        expiresAt: session.expiresAt,
        usedAt: null,
      });
      await sessions.saveGroups(session.id, groupIds);
      return true;
    });
    if (!rotated) return 'reused';
    return this.tokensOf(user, { ...session, groupIds }, refreshToken);
  }

  private async tokensOf(
    user: User,
    session: Session,
    refreshToken: string,
  ): Promise<IssuedTokens> {
    const accessToken = await this.accessTokens.issue({
      sessionId: session.id,
      principal: userPrincipalClaims(user, session.groupIds),
    });
    return {
      accessToken,
      expiresIn: this.accessTokens.ttlSeconds,
      refreshToken,
      sessionId: session.id,
      user,
    };
  }
}
