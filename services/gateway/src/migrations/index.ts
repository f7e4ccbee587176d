import { CreateOrganizationsAndUsers1767225600000 } from './1767225600000-create-organizations-and-users';
import { CreateSessions1767225600001 } from './1767225600001-create-sessions';
import { CreateServiceAccountsAndApiKeys1767225600002 } from './1767225600002-create-service-accounts-and-api-keys';
import { CreateAuditEvents1767225600003 } from './1767225600003-create-audit-events';
import { AllowImportedUserIds1795737600000 } from './1795737600000-allow-imported-user-ids';
import { CreateOutboxAndInbox1795824000000 } from './1795824000000-create-outbox-and-inbox';
import { AllowNotificationApiKeyScopes1795910400000 } from './1795910400000-allow-notification-api-key-scopes';

/** In order; listed explicitly so the bundle carries them. */
export const gatewayMigrations = [
  CreateOrganizationsAndUsers1767225600000,
  CreateSessions1767225600001,
  CreateServiceAccountsAndApiKeys1767225600002,
  CreateAuditEvents1767225600003,
  AllowImportedUserIds1795737600000,
  CreateOutboxAndInbox1795824000000,
  AllowNotificationApiKeyScopes1795910400000,
];
