import { INTEGRATION_SCOPES, type IntegrationScope, type Principal } from '@itsm/auth';
import { type ApiKey, formatApiKey } from '../../domain/api-key';
import type { RequestOrigin } from '../../domain/audit-event';
import {
  IdentityError,
  IdentityErrorCode,
  invalidField,
  notFound,
} from '../../domain/identity-error';
import type { ServiceAccount } from '../../domain/service-account';
import { actorOf, auditEvent } from '../audit-events';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type { IdentityStore } from '../ports/identity-store';
import type { Secrets } from '../ports/secrets';

export interface CreateServiceAccountCommand {
  actor: Principal;
  name: string;
  description: string;
  origin: RequestOrigin;
}

export interface CreateApiKeyCommand {
  actor: Principal;
  serviceAccountId: string;
  name: string;
  scopes: IntegrationScope[];
  expiresAt: Date | null;
  origin: RequestOrigin;
}

export interface RevokeApiKeyCommand {
  actor: Principal;
  serviceAccountId: string;
  keyId: string;
  origin: RequestOrigin;
}

/** A new key and, once only, the key itself. */
export interface CreatedApiKey {
  key: ApiKey;
  plaintext: string;
}

/** Integrations and their API keys. A key is shown once; the gateway keeps only its digest. */
export class ManageServiceAccountsUseCase {
  constructor(
    private readonly store: IdentityStore,
    private readonly secrets: Secrets,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async create(command: CreateServiceAccountCommand): Promise<ServiceAccount> {
    const now = this.clock.now();
    const account: ServiceAccount = {
      id: this.ids.newId(),
      name: command.name.trim(),
      description: command.description.trim(),
      disabled: false,
      createdBy: command.actor.id,
      createdAt: now,
      updatedAt: now,
    };
    await this.store.transaction(async ({ serviceAccounts, audit }) => {
      if ((await serviceAccounts.insert(account)) === 'name-taken')
        throw new IdentityError(
          IdentityErrorCode.AlreadyExists,
          'a service account of this name exists',
          [{ field: 'name', message: 'is taken' }],
        );
      await audit.record(
        auditEvent(this.ids, now, {
          actor: actorOf(command.actor),
          action: 'service_account.created',
          target: { type: 'service_account', id: account.id },
          outcome: 'success',
          origin: command.origin,
          details: { name: account.name },
        }),
      );
    });
    return account;
  }

  list(): Promise<ServiceAccount[]> {
    return this.store.serviceAccounts.list();
  }

  async get(id: string): Promise<ServiceAccount> {
    const account = await this.store.serviceAccounts.findById(id);
    if (!account) throw notFound(`service account ${id}`);
    return account;
  }

  async createKey(command: CreateApiKeyCommand): Promise<CreatedApiKey> {
    const account = await this.get(command.serviceAccountId);
    const now = this.clock.now();
    if (command.expiresAt !== null && command.expiresAt.getTime() <= now.getTime())
      throw invalidField('expiresAt', 'expiresAt must be in the future');
    const { keyId, secret } = this.secrets.newApiKey();
    const key: ApiKey = {
      id: keyId,
      serviceAccountId: account.id,
      name: command.name.trim(),
      secretDigest: this.secrets.digest(secret),
      scopes: INTEGRATION_SCOPES.filter((scope) => command.scopes.includes(scope)),
      expiresAt: command.expiresAt,
      revokedAt: null,
      lastUsedAt: null,
      createdBy: command.actor.id,
      createdAt: now,
    };
    await this.store.transaction(async ({ apiKeys, audit }) => {
      await apiKeys.insert(key);
      await audit.record(
        auditEvent(this.ids, now, {
          actor: actorOf(command.actor),
          action: 'api_key.created',
          target: { type: 'api_key', id: key.id },
          outcome: 'success',
          origin: command.origin,
          details: {
            serviceAccountId: account.id,
            name: key.name,
            scopes: key.scopes,
            expiresAt: key.expiresAt?.toISOString() ?? null,
          },
        }),
      );
    });
    return { key, plaintext: formatApiKey(keyId, secret) };
  }

  async listKeys(serviceAccountId: string): Promise<ApiKey[]> {
    await this.get(serviceAccountId);
    return this.store.apiKeys.listOf(serviceAccountId);
  }

  /** Revoking a revoked key changes nothing and answers the same. */
  revokeKey(command: RevokeApiKeyCommand): Promise<ApiKey> {
    return this.store.transaction(async ({ apiKeys, audit }) => {
      const now = this.clock.now();
      const revoked = await apiKeys.revoke(command.serviceAccountId, command.keyId, now);
      if (!revoked)
        throw notFound(`API key ${command.keyId} of service account ${command.serviceAccountId}`);
      const { key, revokedNow } = revoked;
      if (revokedNow)
        await audit.record(
          auditEvent(this.ids, now, {
            actor: actorOf(command.actor),
            action: 'api_key.revoked',
            target: { type: 'api_key', id: key.id },
            outcome: 'success',
            origin: command.origin,
            details: { serviceAccountId: command.serviceAccountId, name: key.name },
          }),
        );
      return key;
    });
  }
}
