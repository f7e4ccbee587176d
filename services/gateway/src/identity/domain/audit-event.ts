/** What the audit log records: security-relevant changes and sign-in outcomes (ASVS 7.2). */
export const AUDIT_ACTIONS = [
  'auth.sign_in.succeeded',
  'auth.sign_in.failed',
  'auth.sign_in.locked',
  'auth.sign_out',
  'auth.refresh.reuse_detected',
  'user.created',
  'user.provisioned',
  'user.bootstrapped',
  'user.updated',
  'user.roles_changed',
  'user.unlocked',
  'user.password_changed',
  'organization.created',
  'organization.renamed',
  'service_account.created',
  'api_key.created',
  'api_key.revoked',
  'api_key.used',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const ACTOR_KINDS = ['user', 'service_account', 'anonymous', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface AuditActor {
  kind: ActorKind;
  /** Null for anonymous callers (a failed sign-in). */
  id: string | null;
}

/** Where a request came from, as the audit log keeps it. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

export const NO_ORIGIN: RequestOrigin = { ip: null, userAgent: null };

export interface AuditEvent {
  id: string;
  at: Date;
  actor: AuditActor;
  action: AuditAction;
  target: { type: 'user' | 'organization' | 'service_account' | 'api_key'; id: string } | null;
  outcome: 'success' | 'failure';
  origin: RequestOrigin;
  /** Facts of the event; never passwords, tokens or key secrets. */
  details: Record<string, unknown>;
  traceId: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { kind: 'system', id: 'gateway' };
export const ANONYMOUS_ACTOR: AuditActor = { kind: 'anonymous', id: null };
