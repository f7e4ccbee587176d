import type { Role } from '@itsm/auth';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const DISPLAY_NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 254;

/**
 * What a user id may be. New users get a UUID; a directory import keeps the ids other systems
 * already reference (`emp-1001`, `DOMAIN:jdoe`, `jdoe@corp`), so ids are opaque text, compared
 * case and all.
 */
export const USER_ID_PATTERN = /^[A-Za-z0-9._:@-]{1,100}$/;
export const USER_ID_MAX_LENGTH = 100;
/** USER_ID_PATTERN in words, for error messages. */
export const USER_ID_RULE = '1 to 100 characters of letters, digits and . _ : @ -';

export function isUserId(value: string): boolean {
  return USER_ID_PATTERN.test(value);
}

/** A person who signs in: a requester, an agent, a manager, an administrator. */
export interface User {
  id: string;
  /** Lower case: addresses are compared without regard to case. */
  email: string;
  displayName: string;
  /** `scrypt$N$r$p$salt$hash`; null for people who sign in through an external provider only. */
  passwordHash: string | null;
  roles: Role[];
  organizationId: string | null;
  organizationWide: boolean;
  language: Language;
  /** IANA time zone, e.g. Europe/Moscow. */
  timeZone: string;
  status: UserStatus;
  failedSignIns: number;
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** Addresses are stored and compared in one spelling. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Whether the runtime's time zone database knows the name (IANA names and their aliases). */
export function isTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Roles as stored: each once, in the order of `ROLES`. */
export function uniqueRoles(roles: readonly Role[], order: readonly Role[]): Role[] {
  return order.filter((role) => roles.includes(role));
}

/** What a user provisioned without being asked (from an identity provider) starts with. */
export const DEFAULT_LANGUAGE: Language = 'en';
export const DEFAULT_TIME_ZONE = 'UTC';
