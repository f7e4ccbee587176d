import type { CallerProfile } from '../application/me/describe-caller.use-case';
import type { IssuedTokens } from '../application/sessions/session-tokens';
import type { ApiKey } from '../domain/api-key';
import type { AuditEvent } from '../domain/audit-event';
import type { Organization } from '../domain/organization';
import type { ServiceAccount } from '../domain/service-account';
import type { User } from '../domain/user';
import { PERMISSIONS } from '@itsm/auth';
import type { AuditEventDto } from './dto/audit-event.dto';
import type { MeDto } from './dto/me.dto';
import type { OrganizationDto } from './dto/organization.dto';
import type { ApiKeyDto, ServiceAccountDto } from './dto/service-account.dto';
import type { SessionTokensDto } from './dto/session.dto';
import type { UserDto } from './dto/user.dto';

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** A user as the API shows them: never the password hash, only whether there is one. */
export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    organizationId: user.organizationId,
    organizationWide: user.organizationWide,
    language: user.language,
    timeZone: user.timeZone,
    status: user.status,
    hasPassword: user.passwordHash !== null,
    lockedUntil: iso(user.lockedUntil),
    lastSignInAt: iso(user.lastSignInAt),
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    version: user.version,
  };
}

export function toSessionTokensDto(tokens: IssuedTokens): SessionTokensDto {
  return {
    accessToken: tokens.accessToken,
    tokenType: 'Bearer',
    expiresIn: tokens.expiresIn,
    refreshToken: tokens.refreshToken,
    user: toUserDto(tokens.user),
  };
}

export function toOrganizationDto(organization: Organization): OrganizationDto {
  return {
    id: organization.id,
    name: organization.name,
    createdAt: organization.createdAt.toISOString(),
    updatedAt: organization.updatedAt.toISOString(),
    version: organization.version,
  };
}

export function toMeDto({ principal, user, serviceAccount, organization }: CallerProfile): MeDto {
  return {
    kind: principal.kind,
    id: principal.id,
    name: user?.displayName ?? serviceAccount?.name ?? principal.name,
    email: user?.email ?? null,
    roles: principal.roles,
    scopes: principal.scopes,
    permissions: PERMISSIONS.filter((permission) => principal.permissions.has(permission)),
    organization: organization ? toOrganizationDto(organization) : null,
    organizationWide: principal.organizationWide,
    groupIds: principal.groupIds,
    language: user?.language ?? null,
    timeZone: user?.timeZone ?? null,
  };
}

export function toServiceAccountDto(account: ServiceAccount): ServiceAccountDto {
  return {
    id: account.id,
    name: account.name,
    description: account.description,
    disabled: account.disabled,
    createdBy: account.createdBy,
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
  };
}

/** An API key without its digest. */
export function toApiKeyDto(key: ApiKey): ApiKeyDto {
  return {
    id: key.id,
    serviceAccountId: key.serviceAccountId,
    name: key.name,
    scopes: key.scopes,
    expiresAt: iso(key.expiresAt),
    revokedAt: iso(key.revokedAt),
    lastUsedAt: iso(key.lastUsedAt),
    createdBy: key.createdBy,
    createdAt: key.createdAt.toISOString(),
  };
}

export function toAuditEventDto(event: AuditEvent): AuditEventDto {
  return {
    id: event.id,
    at: event.at.toISOString(),
    actor: { kind: event.actor.kind, id: event.actor.id },
    action: event.action,
    target: event.target ? { type: event.target.type, id: event.target.id } : null,
    outcome: event.outcome,
    ip: event.origin.ip,
    userAgent: event.origin.userAgent,
    details: event.details,
    traceId: event.traceId,
  };
}
