import { assertUnreachable } from '@itsm/lang';
import { ANONYMOUS_ACTOR, type RequestOrigin } from '../../domain/audit-event';
import { decideRefresh, type Session } from '../../domain/session';
import { auditEvent } from '../audit-events';
import type { SessionActivityCache } from '../authenticate/session-activity-cache';
import { invalidRefreshToken } from '../identity-errors';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type { IdentityStore } from '../ports/identity-store';
import type { Secrets } from '../ports/secrets';
import type { IssuedTokens, SessionTokens } from './session-tokens';

export interface RefreshSessionCommand {
  refreshToken: string;
  origin: RequestOrigin;
}

/**
 * Refresh token rotation: each token is exchanged once for a new one; a token presented again
 * means two parties hold it, so the whole session ends (OAuth 2.0 Security BCP 4.14).
 */
export class RefreshSessionUseCase {
  constructor(
    private readonly store: IdentityStore,
    private readonly sessionTokens: SessionTokens,
    private readonly secrets: Secrets,
    private readonly activity: SessionActivityCache,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(command: RefreshSessionCommand): Promise<IssuedTokens> {
    const digest = this.secrets.digest(command.refreshToken);
    const found = await this.store.sessions.findRefreshToken(digest);
    const decision = decideRefresh(found?.token, found?.session, this.clock.now());
    switch (decision.kind) {
      case 'refuse':
        throw invalidRefreshToken();
      case 'reuse':
        if (found) await this.endStolenSession(found.session, command.origin);
        throw invalidRefreshToken();
      case 'rotate': {
        if (!found) throw invalidRefreshToken();
        const user = await this.store.users.findById(found.session.userId);
        if (user?.status !== 'active') throw invalidRefreshToken();
        const issued = await this.sessionTokens.rotate(user, found.session, digest);
        if (issued === 'reused') {
          await this.endStolenSession(found.session, command.origin);
          throw invalidRefreshToken();
        }
        return issued;
      }
      default:
        return assertUnreachable(decision, 'refresh decision');
    }
  }

  private async endStolenSession(session: Session, origin: RequestOrigin): Promise<void> {
    const now = this.clock.now();
    await this.store.transaction(async ({ sessions, audit }) => {
      if (!(await sessions.revoke(session.id, 'refresh_token_reused', now))) return;
      await audit.record(
        auditEvent(this.ids, now, {
          actor: ANONYMOUS_ACTOR,
          action: 'auth.refresh.reuse_detected',
          target: { type: 'user', id: session.userId },
          outcome: 'failure',
          origin,
          details: { sessionId: session.id },
        }),
      );
    });
    this.activity.forget([session.id]);
  }
}
