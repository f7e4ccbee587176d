import type { Locale } from '../../domain/locale';

/** A person as the identity directory describes them. */
export interface Recipient {
  userId: string;
  email: string;
  displayName: string;
  language: Locale;
  timeZone: string;
  roles: string[];
  organizationId: string | null;
  active: boolean;
  version: number;
}

/** Roles whose holders may read internal notes. */
const STAFF_ROLES = new Set([
  'agent',
  'specialist',
  'supervisor',
  'service_desk_manager',
  'administrator',
]);

export function isStaff(recipient: Recipient): boolean {
  return recipient.roles.some((role) => STAFF_ROLES.has(role));
}
