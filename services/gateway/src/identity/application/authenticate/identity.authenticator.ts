import { principalOf } from '@itsm/auth';
import { assertUnreachable } from '@itsm/lang';
import {
  type Authentication,
  AuthenticationFailed,
  Authenticator,
  type CallerOrigin,
  type Credentials,
} from '../../../auth/authenticator';
import { AccessTokenRejected, type AccessTokens } from '../ports/access-tokens';
import type { AuthenticateApiKeyUseCase } from './authenticate-api-key.use-case';
import type { AuthenticateExternalTokenUseCase } from './authenticate-external-token.use-case';
import type { SessionActivityCache } from './session-activity-cache';

/**
 * The gateway's authenticator: its own access tokens (while their session lasts), tokens of the
 * configured external providers, and API keys.
 */
export class IdentityAuthenticator extends Authenticator {
  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly sessions: SessionActivityCache,
    private readonly externalTokens: AuthenticateExternalTokenUseCase,
    private readonly apiKeys: AuthenticateApiKeyUseCase,
  ) {
    super();
  }

  async authenticate(credentials: Credentials, origin: CallerOrigin): Promise<Authentication> {
    switch (credentials.kind) {
      case 'api_key':
        return this.apiKeys.execute(credentials.key, origin);
      case 'bearer':
        return this.bearer(credentials.token, origin).catch((error: unknown) => {
          if (error instanceof AccessTokenRejected)
            throw new AuthenticationFailed('the bearer token is not valid or has expired');
          throw error;
        });
      default:
        return assertUnreachable(credentials, 'credentials');
    }
  }

  private async bearer(token: string, origin: CallerOrigin): Promise<Authentication> {
    const ours = await this.accessTokens.verify(token);
    if (ours) {
      if (!(await this.sessions.isActive(ours.sessionId)))
        throw new AuthenticationFailed('the session has ended; sign in again');
      return { principal: principalOf(ours.principal), sessionId: ours.sessionId };
    }
    const external = await this.externalTokens.execute(token, origin);
    if (external) return external;
    throw new AuthenticationFailed('the bearer token is not valid or has expired');
  }
}
