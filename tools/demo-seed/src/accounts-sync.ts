import type { DemoAccountEntry } from './catalogue/accounts.catalogue';
import type { OrganizationRecord, UserRecord } from './gateway-api';
import { ApiProblemError, type DirectoryApi } from './gateway-client';

export interface DemoAccounts {
  /** The customer organisation's name. */
  organization: string;
  accounts: readonly DemoAccountEntry[];
  /** The password new accounts get; accounts that exist keep theirs. */
  password: string;
}

export interface AccountsSync {
  organization: { id: string; created: boolean };
  accounts: { total: number; created: number };
  /** Accounts that exist under another id than the demo's, which the demo cannot use fully. */
  notes: string[];
}

/** Names match as the API compares them: trimmed, whatever the case. */
function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isConflict(error: unknown): boolean {
  return error instanceof ApiProblemError && error.status === 409;
}

async function findByEmail(api: DirectoryApi, email: string): Promise<UserRecord | undefined> {
  const wanted = email.trim().toLowerCase();
  return (await api.searchUsers(wanted)).find((user) => user.email.toLowerCase() === wanted);
}

async function ensureOrganization(
  api: DirectoryApi,
  name: string,
): Promise<{ organization: OrganizationRecord; created: boolean }> {
  const known = (await api.listOrganizations()).find((candidate) => sameName(candidate.name, name));
  if (known) return { organization: known, created: false };
  try {
    return { organization: await api.createOrganization({ name }), created: true };
  } catch (error) {
    if (!isConflict(error)) throw new Error(`organisation "${name}": ${messageOf(error)}`);
    // Created by somebody else since the list was read.
    const raced = (await api.listOrganizations()).find((candidate) =>
      sameName(candidate.name, name),
    );
    if (!raced) throw new Error(`organisation "${name}": ${messageOf(error)}`);
    return { organization: raced, created: false };
  }
}

/**
 * Makes the platform hold the demo's accounts and their customer organisation: the organisation
 * is found by name and each account by email, and only the missing ones are created, so a second
 * run changes nothing. An account found is left as it is (roles, name, password); one found under
 * another id, or an id some other account holds, is noted rather than changed.
 */
export async function syncDemoAccounts(
  plan: DemoAccounts,
  api: DirectoryApi,
): Promise<AccountsSync> {
  const { organization, created } = await ensureOrganization(api, plan.organization);
  const sync: AccountsSync = {
    organization: { id: organization.id, created },
    accounts: { total: plan.accounts.length, created: 0 },
    notes: [],
  };
  const noteIfElsewhere = (entry: DemoAccountEntry, found: UserRecord): void => {
    if (found.id !== entry.id)
      sync.notes.push(
        `${entry.email} exists as user ${found.id}, not ${entry.id}: it does not see the demo's work`,
      );
  };
  for (const entry of plan.accounts) {
    const found = await findByEmail(api, entry.email);
    if (found) {
      noteIfElsewhere(entry, found);
      continue;
    }
    try {
      await api.createUser({
        id: entry.id,
        email: entry.email,
        displayName: entry.displayName,
        password: plan.password,
        roles: [...entry.roles],
        ...(entry.customer ? { organizationId: organization.id } : {}),
        language: entry.language,
        timeZone: entry.timeZone,
      });
      sync.accounts.created += 1;
    } catch (error) {
      if (!isConflict(error)) throw new Error(`account ${entry.email}: ${messageOf(error)}`);
      // Either the email was taken a moment ago, or the id belongs to another account.
      const raced = await findByEmail(api, entry.email);
      if (raced) noteIfElsewhere(entry, raced);
      else
        sync.notes.push(
          `${entry.email} not created: user id ${entry.id} belongs to another account`,
        );
    }
  }
  return sync;
}

/** 'accounts: organisation "ООО «Ромашка» / Romashka LLC" (new), 6 demo accounts (6 new)' and notes. */
export function formatAccountsSummary(plan: DemoAccounts, sync: AccountsSync): string {
  const organization = `organisation "${plan.organization}"${sync.organization.created ? ' (new)' : ''}`;
  const lines = [
    `accounts: ${organization}, ${sync.accounts.total} demo accounts (${sync.accounts.created} new)`,
    ...sync.notes.map((note) => `  note: ${note}`),
  ];
  return lines.join('\n');
}
