import {
  Inject,
  Injectable,
  Logger,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  type OnApplicationBootstrap,
  RequestMethod,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { RoutingServiceClient } from '@itsm/contracts';
import { OutboxWriter } from '@itsm/messaging';
import { AuthGuard } from '../auth/auth.guard';
import { Authenticator } from '../auth/authenticator';
import { requestContextMiddleware } from '../auth/request-context';
import { RequestRateLimiter } from '../auth/request-rate-limiter';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { ROUTING_CLIENT } from '../routing/routing-client.provider';
import { RoutingModule } from '../routing/routing.module';
import { ListAuditEventsUseCase } from './application/audit/list-audit-events.use-case';
import { AuthenticateApiKeyUseCase } from './application/authenticate/authenticate-api-key.use-case';
import { AuthenticateExternalTokenUseCase } from './application/authenticate/authenticate-external-token.use-case';
import { IdentityAuthenticator } from './application/authenticate/identity.authenticator';
import { ResolveExternalUserUseCase } from './application/authenticate/resolve-external-user.use-case';
import { SessionActivityCache } from './application/authenticate/session-activity-cache';
import { DescribeCallerUseCase } from './application/me/describe-caller.use-case';
import { ManageOrganizationsUseCase } from './application/organizations/manage-organizations.use-case';
import { ACCESS_TOKENS, type AccessTokens } from './application/ports/access-tokens';
import { CLOCK, type Clock, systemClock } from './application/ports/clock';
import {
  EXTERNAL_IDENTITY_TOKENS,
  type ExternalIdentityTokens,
} from './application/ports/external-identity-tokens';
import { GROUP_DIRECTORY, type GroupDirectory } from './application/ports/group-directory';
import { ID_GENERATOR, type IdGenerator } from './application/ports/id-generator';
import { IDENTITY_STORE, type IdentityStore } from './application/ports/identity-store';
import { PASSWORD_HASHER, type PasswordHasher } from './application/ports/password-hasher';
import { SECRETS, type Secrets } from './application/ports/secrets';
import { ManageServiceAccountsUseCase } from './application/service-accounts/manage-service-accounts.use-case';
import { RefreshSessionUseCase } from './application/sessions/refresh-session.use-case';
import { SessionTokens } from './application/sessions/session-tokens';
import { SignInUseCase } from './application/sessions/sign-in.use-case';
import { SignOutUseCase } from './application/sessions/sign-out.use-case';
import { BootstrapAdministratorUseCase } from './application/users/bootstrap-administrator.use-case';
import { ChangePasswordUseCase } from './application/users/change-password.use-case';
import { CreateUserUseCase } from './application/users/create-user.use-case';
import { ListUsersUseCase } from './application/users/list-users.use-case';
import { SetUserRolesUseCase } from './application/users/set-user-roles.use-case';
import { UnlockUserUseCase } from './application/users/unlock-user.use-case';
import { UpdateUserUseCase } from './application/users/update-user.use-case';
import type { LockoutPolicy } from './domain/lockout';
import { perMinutePolicy } from './domain/token-bucket';
import { JoseAccessTokens } from './infrastructure/jose-access-tokens';
import { NodeSecrets } from './infrastructure/node-secrets';
import { OidcIdentityTokens } from './infrastructure/oidc-identity-tokens';
import { PostgresIdentityStore } from './infrastructure/postgres-identity.store';
import { RoutingGroupDirectory } from './infrastructure/routing-group-directory';
import { ScryptPasswordHasher } from './infrastructure/scrypt-password.hasher';
import { TokenBucketRateLimiter } from './infrastructure/token-bucket-rate-limiter';
import {
  ANONYMOUS_RATE_LIMITER,
  AnonymousRateLimitGuard,
} from './interface/anonymous-rate-limit.guard';
import { AuditEventsHttpController } from './interface/audit-events.http-controller';
import { AuthHttpController } from './interface/auth.http-controller';
import { MeHttpController } from './interface/me.http-controller';
import { OrganizationsHttpController } from './interface/organizations.http-controller';
import { ServiceAccountsHttpController } from './interface/service-accounts.http-controller';
import { UsersHttpController } from './interface/users.http-controller';

const LOCKOUT_POLICY = Symbol('LockoutPolicy');

type Constructor<T> = new (...args: never[]) => T;
type Token = symbol | Constructor<unknown>;

/** A provider built by hand from its ports: explicit constructors, no reflection. */
function provide<T>(
  type: Constructor<T> | symbol | (abstract new (...args: never[]) => T),
  inject: Token[],
  build: (...dependencies: never[]) => T,
) {
  return { provide: type, inject, useFactory: build };
}

/** Creates the first administrator at start when the configuration names one. */
@Injectable()
class IdentityBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('IdentityBootstrap');

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(BootstrapAdministratorUseCase)
    private readonly bootstrapAdministrator: BootstrapAdministratorUseCase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.AUTH_BOOTSTRAP_ADMIN_EMAIL;
    const password = this.config.AUTH_BOOTSTRAP_ADMIN_PASSWORD;
    if (!email || !password) return;
    const outcome = await this.bootstrapAdministrator.execute({ email, password });
    if (outcome === 'created') this.logger.log(`created the first administrator, ${email}`);
  }
}

/**
 * Who is calling and what they may do: users, organisations, sessions and tokens, external
 * identity providers, service accounts and API keys, the audit log; the global auth guard and
 * the per-caller rate limits.
 */
@Module({
  // The routing service's client: a signed-in agent's support groups.
  imports: [RoutingModule],
  controllers: [
    AuthHttpController,
    MeHttpController,
    UsersHttpController,
    OrganizationsHttpController,
    ServiceAccountsHttpController,
    AuditEventsHttpController,
  ],
  providers: [
    { provide: CLOCK, useValue: systemClock },
    { provide: ID_GENERATOR, useValue: { newId: () => uuidv7() } satisfies IdGenerator },
    { provide: PASSWORD_HASHER, useValue: new ScryptPasswordHasher() },
    { provide: SECRETS, useValue: new NodeSecrets() },
    provide(LOCKOUT_POLICY, [GATEWAY_CONFIG], (config: GatewayConfig): LockoutPolicy => ({
      threshold: config.AUTH_LOCKOUT_THRESHOLD,
      lockSeconds: config.AUTH_LOCKOUT_SECONDS,
    })),
    provide(
      IDENTITY_STORE,
      [DataSource, OutboxWriter],
      (dataSource: DataSource, outbox: OutboxWriter): IdentityStore =>
        new PostgresIdentityStore(dataSource, outbox),
    ),
    provide(
      ACCESS_TOKENS,
      [GATEWAY_CONFIG],
      (config: GatewayConfig): AccessTokens =>
        new JoseAccessTokens({
          secret: config.AUTH_JWT_SECRET,
          issuer: config.AUTH_JWT_ISSUER,
          ttlSeconds: config.AUTH_ACCESS_TOKEN_TTL_SECONDS,
        }),
    ),
    provide(
      EXTERNAL_IDENTITY_TOKENS,
      [GATEWAY_CONFIG],
      (config: GatewayConfig): ExternalIdentityTokens =>
        new OidcIdentityTokens(config.AUTH_OIDC_PROVIDERS),
    ),
    provide(
      GROUP_DIRECTORY,
      [ROUTING_CLIENT],
      (routing: RoutingServiceClient): GroupDirectory =>
        new RoutingGroupDirectory(routing, new Logger('RoutingGroupDirectory')),
    ),
    provide(
      SessionActivityCache,
      [IDENTITY_STORE, CLOCK],
      (store: IdentityStore, clock: Clock) => new SessionActivityCache(store.sessions, clock),
    ),
    provide(
      SessionTokens,
      [IDENTITY_STORE, ACCESS_TOKENS, SECRETS, GROUP_DIRECTORY, CLOCK, GATEWAY_CONFIG],
      (
        store: IdentityStore,
        tokens: AccessTokens,
        secrets: Secrets,
        groups: GroupDirectory,
        clock: Clock,
        config: GatewayConfig,
      ) =>
        new SessionTokens(
          store,
          tokens,
          secrets,
          groups,
          clock,
          config.AUTH_REFRESH_TOKEN_TTL_SECONDS,
        ),
    ),
    provide(
      SignInUseCase,
      [IDENTITY_STORE, PASSWORD_HASHER, SessionTokens, CLOCK, ID_GENERATOR, LOCKOUT_POLICY],
      (
        store: IdentityStore,
        hasher: PasswordHasher,
        sessionTokens: SessionTokens,
        clock: Clock,
        ids: IdGenerator,
        lockout: LockoutPolicy,
      ) => new SignInUseCase(store, hasher, sessionTokens, clock, ids, lockout),
    ),
    provide(
      RefreshSessionUseCase,
      [IDENTITY_STORE, SessionTokens, SECRETS, SessionActivityCache, CLOCK, ID_GENERATOR],
      (
        store: IdentityStore,
        sessionTokens: SessionTokens,
        secrets: Secrets,
        activity: SessionActivityCache,
        clock: Clock,
        ids: IdGenerator,
      ) => new RefreshSessionUseCase(store, sessionTokens, secrets, activity, clock, ids),
    ),
    provide(
      SignOutUseCase,
      [IDENTITY_STORE, SessionActivityCache, CLOCK, ID_GENERATOR],
      (store: IdentityStore, activity: SessionActivityCache, clock: Clock, ids: IdGenerator) =>
        new SignOutUseCase(store, activity, clock, ids),
    ),
    provide(
      ResolveExternalUserUseCase,
      [IDENTITY_STORE, CLOCK, ID_GENERATOR],
      (store: IdentityStore, clock: Clock, ids: IdGenerator) =>
        new ResolveExternalUserUseCase(store, clock, ids),
    ),
    provide(
      AuthenticateExternalTokenUseCase,
      [EXTERNAL_IDENTITY_TOKENS, ResolveExternalUserUseCase, GROUP_DIRECTORY, SECRETS, CLOCK],
      (
        tokens: ExternalIdentityTokens,
        resolveUser: ResolveExternalUserUseCase,
        groups: GroupDirectory,
        secrets: Secrets,
        clock: Clock,
      ) => new AuthenticateExternalTokenUseCase(tokens, resolveUser, groups, secrets, clock),
    ),
    provide(
      AuthenticateApiKeyUseCase,
      [IDENTITY_STORE, SECRETS, CLOCK, ID_GENERATOR],
      (store: IdentityStore, secrets: Secrets, clock: Clock, ids: IdGenerator) =>
        new AuthenticateApiKeyUseCase(store, secrets, clock, ids),
    ),
    provide(
      Authenticator,
      [
        ACCESS_TOKENS,
        SessionActivityCache,
        AuthenticateExternalTokenUseCase,
        AuthenticateApiKeyUseCase,
      ],
      (
        tokens: AccessTokens,
        activity: SessionActivityCache,
        external: AuthenticateExternalTokenUseCase,
        apiKeys: AuthenticateApiKeyUseCase,
      ): Authenticator => new IdentityAuthenticator(tokens, activity, external, apiKeys),
    ),
    provide(
      RequestRateLimiter,
      [GATEWAY_CONFIG],
      (config: GatewayConfig): RequestRateLimiter =>
        new TokenBucketRateLimiter(
          perMinutePolicy(config.RATE_LIMIT_PER_MINUTE, config.RATE_LIMIT_BURST),
        ),
    ),
    provide(
      ANONYMOUS_RATE_LIMITER,
      [GATEWAY_CONFIG],
      (config: GatewayConfig): RequestRateLimiter =>
        new TokenBucketRateLimiter(
          perMinutePolicy(
            config.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
            config.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
          ),
        ),
    ),
    AnonymousRateLimitGuard,
    { provide: APP_GUARD, useClass: AuthGuard },
    provide(
      CreateUserUseCase,
      [IDENTITY_STORE, PASSWORD_HASHER, CLOCK, ID_GENERATOR],
      (store: IdentityStore, hasher: PasswordHasher, clock: Clock, ids: IdGenerator) =>
        new CreateUserUseCase(store, hasher, clock, ids),
    ),
    provide(
      UpdateUserUseCase,
      [IDENTITY_STORE, SessionActivityCache, CLOCK, ID_GENERATOR],
      (store: IdentityStore, activity: SessionActivityCache, clock: Clock, ids: IdGenerator) =>
        new UpdateUserUseCase(store, activity, clock, ids),
    ),
    provide(
      SetUserRolesUseCase,
      [IDENTITY_STORE, CLOCK, ID_GENERATOR],
      (store: IdentityStore, clock: Clock, ids: IdGenerator) =>
        new SetUserRolesUseCase(store, clock, ids),
    ),
    provide(
      UnlockUserUseCase,
      [IDENTITY_STORE, CLOCK, ID_GENERATOR],
      (store: IdentityStore, clock: Clock, ids: IdGenerator) =>
        new UnlockUserUseCase(store, clock, ids),
    ),
    provide(
      ListUsersUseCase,
      [IDENTITY_STORE],
      (store: IdentityStore) => new ListUsersUseCase(store),
    ),
    provide(
      ChangePasswordUseCase,
      [IDENTITY_STORE, PASSWORD_HASHER, SessionActivityCache, CLOCK, ID_GENERATOR, LOCKOUT_POLICY],
      (
        store: IdentityStore,
        hasher: PasswordHasher,
        activity: SessionActivityCache,
        clock: Clock,
        ids: IdGenerator,
        lockout: LockoutPolicy,
      ) => new ChangePasswordUseCase(store, hasher, activity, clock, ids, lockout),
    ),
    provide(
      BootstrapAdministratorUseCase,
      [IDENTITY_STORE, PASSWORD_HASHER, CLOCK, ID_GENERATOR],
      (store: IdentityStore, hasher: PasswordHasher, clock: Clock, ids: IdGenerator) =>
        new BootstrapAdministratorUseCase(store, hasher, clock, ids),
    ),
    provide(
      ManageOrganizationsUseCase,
      [IDENTITY_STORE, CLOCK, ID_GENERATOR],
      (store: IdentityStore, clock: Clock, ids: IdGenerator) =>
        new ManageOrganizationsUseCase(store, clock, ids),
    ),
    provide(
      ManageServiceAccountsUseCase,
      [IDENTITY_STORE, SECRETS, CLOCK, ID_GENERATOR],
      (store: IdentityStore, secrets: Secrets, clock: Clock, ids: IdGenerator) =>
        new ManageServiceAccountsUseCase(store, secrets, clock, ids),
    ),
    provide(
      ListAuditEventsUseCase,
      [IDENTITY_STORE],
      (store: IdentityStore) => new ListAuditEventsUseCase(store),
    ),
    provide(
      DescribeCallerUseCase,
      [IDENTITY_STORE],
      (store: IdentityStore) => new DescribeCallerUseCase(store),
    ),
    IdentityBootstrap,
  ],
  // Reports count days in the caller's own time zone.
  exports: [DescribeCallerUseCase],
})
export class IdentityModule implements NestModule {
  /**
   * Every request runs in its own context, which the auth guard fills with the caller. As Nest
   * middleware it runs after the body parsers, whose stream callbacks would otherwise lose it.
   */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(requestContextMiddleware)
      .forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
