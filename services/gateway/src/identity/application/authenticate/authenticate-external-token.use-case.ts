import { principalOf } from '@itsm/auth';
import type { Authentication } from '../../../auth/authenticator';
import type { RequestOrigin } from '../../domain/audit-event';
import { userPrincipalClaims } from '../sessions/session-tokens';
import type { Clock } from '../ports/clock';
import type { ExternalIdentityTokens } from '../ports/external-identity-tokens';
import type { GroupDirectory } from '../ports/group-directory';
import type { Secrets } from '../ports/secrets';
import type { ResolveExternalUserUseCase } from './resolve-external-user.use-case';

/** How long a replica keeps the principal of an external token it verified. */
export const EXTERNAL_PRINCIPAL_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * A token of an external OpenID Connect provider: verified against the provider's published
 * keys, its person found or provisioned locally. Roles come from the provider's roles claim
 * when it has one, else from the local user. The principal is kept for a few seconds so a
 * browser's burst of calls does not look the person up each time.
 */
export class AuthenticateExternalTokenUseCase {
  private readonly cache = new Map<string, { authentication: Authentication; untilMs: number }>();

  constructor(
    private readonly tokens: ExternalIdentityTokens,
    private readonly resolveUser: ResolveExternalUserUseCase,
    private readonly groups: GroupDirectory,
    private readonly secrets: Secrets,
    private readonly clock: Clock,
  ) {}

  /** Undefined when the token is not of a configured provider. */
  async execute(token: string, origin: RequestOrigin): Promise<Authentication | undefined> {
    const key = this.secrets.digest(token);
    const nowMs = this.clock.now().getTime();
    const cached = this.cache.get(key);
    if (cached && cached.untilMs > nowMs) return cached.authentication;
    const identity = await this.tokens.verify(token);
    if (!identity) return undefined;
    const user = await this.resolveUser.execute(identity, origin);
    const groupIds = (await this.groups.groupsOf(user.id)) ?? [];
    const authentication: Authentication = {
      principal: principalOf(userPrincipalClaims(user, groupIds, identity.roles ?? user.roles)),
    };
    this.remember(
      key,
      authentication,
      Math.min(nowMs + EXTERNAL_PRINCIPAL_TTL_MS, identity.expiresAt.getTime()),
      nowMs,
    );
    return authentication;
  }

  private remember(
    key: string,
    authentication: Authentication,
    untilMs: number,
    nowMs: number,
  ): void {
    if (this.cache.size >= MAX_ENTRIES) {
      for (const [cachedKey, entry] of this.cache)
        if (entry.untilMs <= nowMs) this.cache.delete(cachedKey);
      if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    }
    this.cache.set(key, { authentication, untilMs });
  }
}
