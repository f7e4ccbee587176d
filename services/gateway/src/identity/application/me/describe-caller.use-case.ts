import type { Principal } from '@itsm/auth';
import type { Organization } from '../../domain/organization';
import type { ServiceAccount } from '../../domain/service-account';
import type { User } from '../../domain/user';
import type { IdentityStore } from '../ports/identity-store';

/** The caller as they see themselves: their principal and the records behind it. */
export interface CallerProfile {
  principal: Principal;
  user: User | null;
  serviceAccount: ServiceAccount | null;
  organization: Organization | null;
}

export class DescribeCallerUseCase {
  constructor(private readonly store: IdentityStore) {}

  async execute(principal: Principal): Promise<CallerProfile> {
    const user =
      principal.kind === 'user' ? ((await this.store.users.findById(principal.id)) ?? null) : null;
    const serviceAccount =
      principal.kind === 'service_account'
        ? ((await this.store.serviceAccounts.findById(principal.id)) ?? null)
        : null;
    const organization = principal.organizationId
      ? ((await this.store.organizations.findById(principal.organizationId)) ?? null)
      : null;
    return { principal, user, serviceAccount, organization };
  }
}
