import { AuthenticationFailed } from '../../../auth/authenticator';
import { type RequestOrigin, SYSTEM_ACTOR } from '../../domain/audit-event';
import {
  DEFAULT_LANGUAGE,
  DEFAULT_TIME_ZONE,
  DISPLAY_NAME_MAX_LENGTH,
  normalizeEmail,
  type User,
} from '../../domain/user';
import { auditEvent } from '../audit-events';
import type { Clock } from '../ports/clock';
import type { ExternalIdentity } from '../ports/external-identity-tokens';
import type { IdGenerator } from '../ports/id-generator';
import type { IdentityStore } from '../ports/identity-store';

/**
 * The local user behind an external provider's token: the one linked to the provider's
 * (issuer, subject), else the one with the token's email, which is then linked, else a new
 * requester (just-in-time provisioning). An email is trusted only when the provider does not
 * say it is unverified, so nobody takes over an account by claiming its address.
 */
export class ResolveExternalUserUseCase {
  constructor(
    private readonly store: IdentityStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(identity: ExternalIdentity, origin: RequestOrigin): Promise<User> {
    const linked = await this.store.users.findByExternalIdentity(identity.issuer, identity.subject);
    const user = linked ?? (await this.byEmail(identity, origin));
    if (user.status !== 'active') throw new AuthenticationFailed('the account is disabled');
    return user;
  }

  private async byEmail(identity: ExternalIdentity, origin: RequestOrigin): Promise<User> {
    if (!identity.email || identity.emailVerified === false)
      throw new AuthenticationFailed(
        'the identity provider did not name a verified email address for this account',
      );
    const email = normalizeEmail(identity.email);
    const existing = await this.store.users.findByEmail(email);
    const now = this.clock.now();
    if (existing) {
      await this.store.users.linkExternalIdentity(
        existing.id,
        identity.issuer,
        identity.subject,
        now,
      );
      return existing;
    }
    const organization = identity.organization
      ? await this.store.organizations.findByIdOrName(identity.organization)
      : undefined;
    const user: User = {
      id: this.ids.newId(),
      email,
      displayName: (identity.name?.trim() || email).slice(0, DISPLAY_NAME_MAX_LENGTH),
      passwordHash: null,
      roles: ['requester'],
      organizationId: organization?.id ?? null,
      organizationWide: false,
      language: DEFAULT_LANGUAGE,
      timeZone: DEFAULT_TIME_ZONE,
      status: 'active',
      failedSignIns: 0,
      lockedUntil: null,
      lastSignInAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const created = await this.store.transaction(async ({ users, audit, directory }) => {
      // Taken email (a race, handled below) or, never in practice, a taken fresh UUIDv7.
      if ((await users.insert(user)) !== 'inserted') return false;
      await users.linkExternalIdentity(user.id, identity.issuer, identity.subject, now);
      await directory.userChanged(user, now);
      await audit.record(
        auditEvent(this.ids, now, {
          actor: SYSTEM_ACTOR,
          action: 'user.provisioned',
          target: { type: 'user', id: user.id },
          outcome: 'success',
          origin,
          details: {
            issuer: identity.issuer,
            subject: identity.subject,
            roles: user.roles,
            organizationId: user.organizationId,
          },
        }),
      );
      return true;
    });
    if (created) return user;
    // Another request provisioned the same person a moment ago: link to theirs.
    const raced = await this.store.users.findByEmail(email);
    if (!raced) throw new AuthenticationFailed('the account could not be provisioned');
    await this.store.users.linkExternalIdentity(raced.id, identity.issuer, identity.subject, now);
    return raced;
  }
}
