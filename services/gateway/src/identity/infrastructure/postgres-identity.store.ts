import type { DataSource } from 'typeorm';
import type { OutboxWriter } from '@itsm/messaging';
import type {
  IdentityRepositories,
  IdentityStore,
  IdentityTransaction,
} from '../application/ports/identity-store';
import { OutboxDirectoryFeed } from './outbox-directory.feed';
import { PostgresApiKeyRepository } from './postgres-api-key.repository';
import { PostgresAuditTrail } from './postgres-audit.trail';
import { PostgresOrganizationRepository } from './postgres-organization.repository';
import { PostgresServiceAccountRepository } from './postgres-service-account.repository';
import { PostgresSessionRepository } from './postgres-session.repository';
import { PostgresUserRepository } from './postgres-user.repository';
import type { SqlExecutor } from './sql-rows';

function repositoriesOn(sql: SqlExecutor): IdentityRepositories {
  return {
    users: new PostgresUserRepository(sql),
    organizations: new PostgresOrganizationRepository(sql),
    sessions: new PostgresSessionRepository(sql),
    serviceAccounts: new PostgresServiceAccountRepository(sql),
    apiKeys: new PostgresApiKeyRepository(sql),
    audit: new PostgresAuditTrail(sql),
  };
}

/** The identity tables of the gateway's database, raw SQL over the TypeORM data source. */
export class PostgresIdentityStore implements IdentityStore {
  readonly users: IdentityRepositories['users'];
  readonly organizations: IdentityRepositories['organizations'];
  readonly sessions: IdentityRepositories['sessions'];
  readonly serviceAccounts: IdentityRepositories['serviceAccounts'];
  readonly apiKeys: IdentityRepositories['apiKeys'];
  readonly audit: IdentityRepositories['audit'];

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {
    const repositories = repositoriesOn(dataSource.manager);
    this.users = repositories.users;
    this.organizations = repositories.organizations;
    this.sessions = repositories.sessions;
    this.serviceAccounts = repositories.serviceAccounts;
    this.apiKeys = repositories.apiKeys;
    this.audit = repositories.audit;
  }

  transaction<T>(work: (transaction: IdentityTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) =>
      work({
        ...repositoriesOn(manager),
        directory: new OutboxDirectoryFeed(manager, this.outbox),
      }),
    );
  }
}
