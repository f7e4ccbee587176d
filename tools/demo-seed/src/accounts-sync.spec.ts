import { type DemoAccounts, formatAccountsSummary, syncDemoAccounts } from './accounts-sync';
import { DEMO_ACCOUNTS, DEMO_CUSTOMER_ORGANIZATION } from './catalogue/accounts.catalogue';
import type {
  CreateOrganizationBody,
  CreateUserBody,
  OrganizationRecord,
  UserRecord,
} from './gateway-api';
import { ApiProblemError, type DirectoryApi } from './gateway-client';

const PLAN: DemoAccounts = {
  organization: DEMO_CUSTOMER_ORGANIZATION,
  accounts: DEMO_ACCOUNTS,
  password: 'demo-password-2026',
};

/** Organisations and users in memory, unique as the gateway keeps them (names and emails any case, ids). */
class FakeDirectory implements DirectoryApi {
  readonly organizations: OrganizationRecord[] = [];
  readonly users: (UserRecord & { password: string; displayName: string })[] = [];
  readonly calls: string[] = [];
  /** Runs before the next create, as another caller acting at the same time would. */
  beforeCreate: (() => void) | undefined;

  async listOrganizations(): Promise<OrganizationRecord[]> {
    this.calls.push('list organizations');
    return this.organizations.map((organization) => ({ ...organization }));
  }

  async createOrganization(body: CreateOrganizationBody): Promise<OrganizationRecord> {
    this.calls.push(`create organization ${body.name}`);
    this.interleave();
    const name = body.name.trim().toLowerCase();
    if (this.organizations.some((known) => known.name.toLowerCase() === name))
      throw new ApiProblemError(409, '/problems/conflict', 'an organization of this name exists');
    const organization = { id: `org-${this.organizations.length + 1}`, name: body.name };
    this.organizations.push(organization);
    return { ...organization };
  }

  async searchUsers(text: string): Promise<UserRecord[]> {
    this.calls.push(`search ${text}`);
    return this.users
      .filter((user) => user.email.includes(text.toLowerCase()))
      .map(({ id, email, roles, organizationId }) => ({ id, email, roles, organizationId }));
  }

  async createUser(body: CreateUserBody): Promise<UserRecord> {
    this.calls.push(`create user ${body.id ?? '(new id)'}`);
    this.interleave();
    const email = body.email.toLowerCase();
    if (this.users.some((user) => user.email === email || user.id === body.id))
      throw new ApiProblemError(409, '/problems/conflict', 'taken');
    const user = {
      id: body.id ?? `uuid-${this.users.length + 1}`,
      email,
      roles: body.roles,
      organizationId: body.organizationId ?? null,
      password: body.password,
      displayName: body.displayName,
    };
    this.users.push(user);
    return { id: user.id, email, roles: user.roles, organizationId: user.organizationId };
  }

  private interleave(): void {
    const other = this.beforeCreate;
    this.beforeCreate = undefined;
    other?.();
  }
}

describe('syncDemoAccounts', () => {
  it('creates the organisation and every account with the demo ids, then a second run changes nothing', async () => {
    const directory = new FakeDirectory();
    const first = await syncDemoAccounts(PLAN, directory);
    expect(first).toEqual({
      organization: { id: 'org-1', created: true },
      accounts: { total: 6, created: 6 },
      notes: [],
    });
    expect(directory.organizations).toEqual([{ id: 'org-1', name: DEMO_CUSTOMER_ORGANIZATION }]);
    expect(directory.users.map((user) => [user.id, user.email, user.roles])).toEqual(
      DEMO_ACCOUNTS.map((account) => [account.id, account.email, account.roles]),
    );
    expect(directory.users.every((user) => user.password === 'demo-password-2026')).toBe(true);
    // Only the customer belongs to the organisation; employees and staff to none.
    expect(directory.users.map((user) => user.organizationId)).toEqual([
      null,
      'org-1',
      null,
      null,
      null,
      null,
    ]);

    directory.calls.length = 0;
    const second = await syncDemoAccounts({ ...PLAN, password: 'another password' }, directory);
    expect(second).toEqual({
      organization: { id: 'org-1', created: false },
      accounts: { total: 6, created: 0 },
      notes: [],
    });
    expect(directory.calls.filter((call) => call.startsWith('create'))).toEqual([]);
    expect(directory.users.every((user) => user.password === 'demo-password-2026')).toBe(true);
  });

  it('finds the organisation and accounts whatever the case, and creates only the missing ones', async () => {
    const directory = new FakeDirectory();
    directory.organizations.push({ id: 'org-9', name: ` ${PLAN.organization.toUpperCase()} ` });
    const [employee, customer] = DEMO_ACCOUNTS;
    directory.users.push({
      id: employee?.id ?? '',
      email: employee?.email ?? '',
      roles: ['requester'],
      organizationId: null,
      password: 'changed by the user',
      displayName: 'x',
    });
    const sync = await syncDemoAccounts(PLAN, directory);
    expect(sync.organization).toEqual({ id: 'org-9', created: false });
    expect(sync.accounts.created).toBe(5);
    expect(directory.users.find((user) => user.id === employee?.id)?.password).toBe(
      'changed by the user',
    );
    expect(directory.users.find((user) => user.id === customer?.id)?.organizationId).toBe('org-9');
  });

  it('notes an account that exists under another id, and an id another account holds', async () => {
    const directory = new FakeDirectory();
    const [employee, customer] = DEMO_ACCOUNTS;
    directory.users.push(
      {
        id: 'uuid-made-by-hand',
        email: employee?.email ?? '',
        roles: ['requester'],
        organizationId: null,
        password: 'p',
        displayName: 'x',
      },
      {
        id: customer?.id ?? '',
        email: 'somebody.else@romashka.example',
        roles: ['requester'],
        organizationId: null,
        password: 'p',
        displayName: 'x',
      },
    );
    const sync = await syncDemoAccounts(PLAN, directory);
    expect(sync.accounts.created).toBe(4);
    expect(sync.notes).toEqual([
      "svetlana.ivanova@itsm.local exists as user uuid-made-by-hand, not emp-1001: it does not see the demo's work",
      'ivan.sidorov@romashka.example not created: user id cust-romashka-01 belongs to another account',
    ]);
    expect(formatAccountsSummary(PLAN, sync).split('\n')).toEqual([
      'accounts: organisation "ООО «Ромашка» / Romashka LLC" (new), 6 demo accounts (4 new)',
      `  note: ${sync.notes[0]}`,
      `  note: ${sync.notes[1]}`,
    ]);
  });

  it('takes an organisation or account somebody created a moment earlier as found', async () => {
    const directory = new FakeDirectory();
    directory.beforeCreate = () =>
      directory.organizations.push({ id: 'org-raced', name: PLAN.organization });
    const sync = await syncDemoAccounts(
      { ...PLAN, accounts: DEMO_ACCOUNTS.slice(0, 1) },
      directory,
    );
    expect(sync.organization).toEqual({ id: 'org-raced', created: false });

    const [employee] = DEMO_ACCOUNTS;
    const again = new FakeDirectory();
    again.beforeCreate = () =>
      again.users.push({
        id: employee?.id ?? '',
        email: employee?.email ?? '',
        roles: ['requester'],
        organizationId: null,
        password: 'p',
        displayName: 'x',
      });
    // The organisation's create runs first and takes the interleaving; the user's create next.
    again.organizations.push({ id: 'org-1', name: PLAN.organization });
    const raced = await syncDemoAccounts({ ...PLAN, accounts: DEMO_ACCOUNTS.slice(0, 1) }, again);
    expect(raced).toEqual({
      organization: { id: 'org-1', created: false },
      accounts: { total: 1, created: 0 },
      notes: [],
    });
  });

  it('says which account an error answer was about', async () => {
    const directory = new FakeDirectory();
    directory.createUser = () =>
      Promise.reject(
        new ApiProblemError(400, '/problems/validation-failed', 'password: too short'),
      );
    await expect(syncDemoAccounts(PLAN, directory)).rejects.toThrow(
      'account svetlana.ivanova@itsm.local: password: too short',
    );
  });
});
