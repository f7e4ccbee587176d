import type { Role } from '@itsm/auth';
import type { ApiKey } from '../../domain/api-key';
import type { AuditAction, AuditEvent } from '../../domain/audit-event';
import type { Organization } from '../../domain/organization';
import type { ServiceAccount } from '../../domain/service-account';
import type { RefreshTokenRecord, Session, SessionEndReason } from '../../domain/session';
import type { User, UserStatus } from '../../domain/user';
import type { SignInAttempts } from '../../domain/lockout';

/** A page of a list: the items and where the next page starts (null on the last). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface UserListQuery {
  limit: number;
  /** The email of the last user of the previous page (the list is ordered by email). */
  after: string | null;
  role: Role | null;
  organizationId: string | null;
  status: UserStatus | null;
  /** Part of the display name or email, any case. */
  text: string | null;
}

export interface UserRepository {
  findById(id: string): Promise<User | undefined>;
  /** Locks the row until the transaction ends. */
  findByIdForUpdate(id: string): Promise<User | undefined>;
  findByEmail(email: string): Promise<User | undefined>;
  /** Inserts nothing when the email or the id is taken, and says which. */
  insert(user: User): Promise<'inserted' | 'email-taken' | 'id-taken'>;
  /** Writes the editable fields and roles with version + 1; undefined when the version moved. */
  update(user: User, expectedVersion: number): Promise<User | undefined>;
  /**
   * Up to `limit` users in id order after `afterId`, locked against changes until the
   * transaction ends, so what is read is what the table holds when the transaction commits.
   */
  listInIdOrderForShare(afterId: string | null, limit: number): Promise<User[]>;
  /** Sign-in bookkeeping: not an edit, so it keeps the version. */
  saveSignInState(userId: string, attempts: SignInAttempts, lastSignInAt?: Date): Promise<void>;
  list(query: UserListQuery): Promise<User[]>;
  findByExternalIdentity(issuer: string, subject: string): Promise<User | undefined>;
  linkExternalIdentity(userId: string, issuer: string, subject: string, at: Date): Promise<void>;
}

export interface OrganizationRepository {
  findById(id: string): Promise<Organization | undefined>;
  /** By id, or by name in any case: how an identity provider's organisation claim names one. */
  findByIdOrName(value: string): Promise<Organization | undefined>;
  insert(organization: Organization): Promise<'inserted' | 'name-taken'>;
  rename(
    id: string,
    name: string,
    expectedVersion: number | undefined,
    at: Date,
  ): Promise<Organization | 'not-found' | 'name-taken' | 'version-conflict'>;
  /** Ordered by name (any case), then id; `after` is the [name, id] of the last one seen. */
  list(limit: number, after: readonly [string, string] | null): Promise<Organization[]>;
}

export interface SessionRepository {
  create(session: Session, refreshToken: RefreshTokenRecord): Promise<void>;
  findRefreshToken(
    digest: string,
  ): Promise<{ token: RefreshTokenRecord; session: Session } | undefined>;
  /** Marks the token used; false when another request used it first. */
  markRefreshTokenUsed(digest: string, at: Date): Promise<boolean>;
  addRefreshToken(token: RefreshTokenRecord): Promise<void>;
  saveGroups(sessionId: string, groupIds: readonly string[]): Promise<void>;
  findById(sessionId: string): Promise<Session | undefined>;
  /** True when this call ended it. */
  revoke(sessionId: string, reason: SessionEndReason, at: Date): Promise<boolean>;
  /** Ends every active session of the user but one; returns the ended sessions' ids. */
  revokeAllOfUser(
    userId: string,
    reason: SessionEndReason,
    at: Date,
    exceptSessionId: string | null,
  ): Promise<string[]>;
}

export interface ServiceAccountRepository {
  findById(id: string): Promise<ServiceAccount | undefined>;
  insert(account: ServiceAccount): Promise<'inserted' | 'name-taken'>;
  list(): Promise<ServiceAccount[]>;
}

export interface ApiKeyRepository {
  findById(keyId: string): Promise<{ key: ApiKey; serviceAccount: ServiceAccount } | undefined>;
  insert(key: ApiKey): Promise<void>;
  listOf(serviceAccountId: string): Promise<ApiKey[]>;
  /** Sets revoked_at once; revoking a revoked key keeps its first date. */
  revoke(
    serviceAccountId: string,
    keyId: string,
    at: Date,
  ): Promise<{ key: ApiKey; revokedNow: boolean } | undefined>;
  /** Sets last_used_at when it is older than `olderThan`; false when another request did. */
  recordUse(keyId: string, at: Date, olderThan: Date): Promise<boolean>;
}

export interface AuditQuery {
  limit: number;
  /** [at ISO, id] of the last event of the previous page (newest first). */
  before: readonly [string, string] | null;
  actorId: string | null;
  action: AuditAction | null;
  targetId: string | null;
  from: Date | null;
  to: Date | null;
}

export interface AuditTrail {
  /** Fills in the trace id of the current request when the event has none. */
  record(event: Omit<AuditEvent, 'traceId'> & { traceId?: string | null }): Promise<void>;
  list(query: AuditQuery): Promise<AuditEvent[]>;
}

export interface IdentityRepositories {
  users: UserRepository;
  organizations: OrganizationRepository;
  sessions: SessionRepository;
  serviceAccounts: ServiceAccountRepository;
  apiKeys: ApiKeyRepository;
  audit: AuditTrail;
}

/**
 * The people directory other services keep a copy of (whom to write to, in which language),
 * so they need not call the gateway.
 */
export interface DirectoryFeed {
  /**
   * Records a user's entry as it is after a change; it reaches the other services if and only
   * if the transaction commits. A change of email, name, language, time zone, roles,
   * organisation or status that writes none leaves their copies behind for good.
   */
  userChanged(user: User, at: Date): Promise<void>;
}

/** What a use case may do inside one transaction: the repositories and the directory feed. */
export interface IdentityTransaction extends IdentityRepositories {
  directory: DirectoryFeed;
}

/**
 * The gateway's identity database; a change, its audit event and its directory entry commit
 * together.
 */
export interface IdentityStore extends IdentityRepositories {
  transaction<T>(work: (transaction: IdentityTransaction) => Promise<T>): Promise<T>;
}

export const IDENTITY_STORE = Symbol('IdentityStore');
