import { principalOf } from '@itsm/auth';
import { type Authentication, AuthenticationFailed } from '../../../auth/authenticator';
import {
  API_KEY_USE_RECORD_INTERVAL_MS,
  apiKeyRefusal,
  isKeyUseDue,
  parseApiKey,
} from '../../domain/api-key';
import type { RequestOrigin } from '../../domain/audit-event';
import { auditEvent } from '../audit-events';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type { IdentityStore } from '../ports/identity-store';
import type { Secrets } from '../ports/secrets';

const REFUSED = 'the API key is not valid, revoked or expired';

/**
 * An integration's API key: the principal of its service account with the key's scopes and no
 * roles. Its use is recorded (last_used_at and an audit event) at most once a minute per key,
 * so a busy integration does not write on every call.
 */
export class AuthenticateApiKeyUseCase {
  constructor(
    private readonly store: IdentityStore,
    private readonly secrets: Secrets,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(presented: string, origin: RequestOrigin): Promise<Authentication> {
    const parsed = parseApiKey(presented);
    if (!parsed) throw new AuthenticationFailed(REFUSED);
    const found = await this.store.apiKeys.findById(parsed.keyId);
    if (!found || !this.secrets.matches(parsed.secret, found.key.secretDigest))
      throw new AuthenticationFailed(REFUSED);
    const { key, serviceAccount } = found;
    const now = this.clock.now();
    if (apiKeyRefusal(key, serviceAccount.disabled, now)) throw new AuthenticationFailed(REFUSED);
    if (isKeyUseDue(key.lastUsedAt, now)) {
      await this.store.transaction(async ({ apiKeys, audit }) => {
        const olderThan = new Date(now.getTime() - API_KEY_USE_RECORD_INTERVAL_MS);
        if (!(await apiKeys.recordUse(key.id, now, olderThan))) return;
        await audit.record(
          auditEvent(this.ids, now, {
            actor: { kind: 'service_account', id: serviceAccount.id },
            action: 'api_key.used',
            target: { type: 'api_key', id: key.id },
            outcome: 'success',
            origin,
          }),
        );
      });
    }
    return {
      principal: principalOf({
        kind: 'service_account',
        id: serviceAccount.id,
        name: serviceAccount.name,
        roles: [],
        scopes: [...key.scopes],
        organizationId: null,
        organizationWide: false,
        groupIds: [],
      }),
      apiKeyId: key.id,
    };
  }
}
