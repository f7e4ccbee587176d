import type { Principal } from '@itsm/auth';
import type { RequestOrigin } from '../../domain/audit-event';
import { actorOf, auditEvent } from '../audit-events';
import type { SessionActivityCache } from '../authenticate/session-activity-cache';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type { IdentityStore } from '../ports/identity-store';

export interface SignOutCommand {
  principal: Principal;
  /** The session of the access token presented; API keys and external tokens have none here. */
  sessionId: string | undefined;
  origin: RequestOrigin;
}

/** Ends the caller's session: its refresh token stops working and its access tokens are refused. */
export class SignOutUseCase {
  constructor(
    private readonly store: IdentityStore,
    private readonly activity: SessionActivityCache,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute({ principal, sessionId, origin }: SignOutCommand): Promise<void> {
    if (!sessionId) return;
    const now = this.clock.now();
    await this.store.transaction(async ({ sessions, audit }) => {
      if (!(await sessions.revoke(sessionId, 'sign_out', now))) return;
      await audit.record(
        auditEvent(this.ids, now, {
          actor: actorOf(principal),
          action: 'auth.sign_out',
          target: { type: 'user', id: principal.id },
          outcome: 'success',
          origin,
          details: { sessionId },
        }),
      );
    });
    this.activity.forget([sessionId]);
  }
}
