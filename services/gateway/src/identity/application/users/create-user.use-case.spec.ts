import { principalOf, type Role } from '@itsm/auth';
import type { AuditEvent } from '../../domain/audit-event';
import { IdentityError, IdentityErrorCode } from '../../domain/identity-error';
import type { User } from '../../domain/user';
import type {
  AuditTrail,
  DirectoryFeed,
  IdentityStore,
  IdentityTransaction,
  OrganizationRepository,
  UserRepository,
} from '../ports/identity-store';
import type { PasswordHasher } from '../ports/password-hasher';
import { type CreateUserCommand, CreateUserUseCase } from './create-user.use-case';

const NOW = new Date('2026-03-02T10:00:00Z');

/** Users, organisations, the audit trail and the directory in memory: what creating a user uses. */
function fakeStore() {
  const users = new Map<string, User>();
  const audit: Omit<AuditEvent, 'traceId'>[] = [];
  const directoryEntries: { user: User; at: Date }[] = [];
  const userRepository: Pick<UserRepository, 'insert'> = {
    insert: (user) => {
      if ([...users.values()].some((known) => known.email === user.email))
        return Promise.resolve('email-taken');
      if (users.has(user.id)) return Promise.resolve('id-taken');
      users.set(user.id, user);
      return Promise.resolve('inserted');
    },
  };
  const organizations: Pick<OrganizationRepository, 'findById'> = {
    findById: (id) =>
      Promise.resolve(
        id === 'org-1'
          ? { id, name: 'ООО «Ромашка»', createdAt: NOW, updatedAt: NOW, version: 1 }
          : undefined,
      ),
  };
  const trail: Pick<AuditTrail, 'record'> = {
    record: (event) => {
      audit.push(event);
      return Promise.resolve();
    },
  };
  const directory: DirectoryFeed = {
    userChanged: (user, at) => {
      directoryEntries.push({ user, at });
      return Promise.resolve();
    },
  };
  const repositories = {
    users: userRepository,
    organizations,
    audit: trail,
    directory,
  } as unknown as IdentityTransaction;
  const store = {
    ...repositories,
    transaction: <T>(work: (tx: IdentityTransaction) => Promise<T>) => work(repositories),
  } as IdentityStore;
  return { store, users, audit, directoryEntries };
}

const hasher: PasswordHasher = {
  hash: (password) => Promise.resolve(`scrypt$fake$${password.length}`),
  verify: () => Promise.resolve(false),
};

function useCase() {
  const { store, users, audit, directoryEntries } = fakeStore();
  let counter = 0;
  const ids = {
    newId: () => `00000000-0000-7000-8000-${String((counter += 1)).padStart(12, '0')}`,
  };
  const clock = { now: () => NOW };
  return {
    createUser: new CreateUserUseCase(store, hasher, clock, ids),
    users,
    audit,
    directoryEntries,
  };
}

const administrator = principalOf({
  kind: 'user',
  id: 'admin-1',
  name: 'Administrator',
  roles: ['administrator'],
  scopes: [],
  organizationId: null,
  organizationWide: false,
  groupIds: [],
});

function command(overrides: Partial<CreateUserCommand> = {}): CreateUserCommand {
  return {
    actor: administrator,
    id: null,
    email: 'Maria.Ivanova@example.com',
    displayName: ' Мария Иванова ',
    password: 'a long enough password',
    roles: ['requester'] satisfies Role[],
    organizationId: null,
    organizationWide: false,
    language: 'ru',
    timeZone: 'Europe/Moscow',
    origin: { ip: '127.0.0.1', userAgent: 'jest' },
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>): Promise<IdentityError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof IdentityError)) throw new Error(`expected an IdentityError: ${error}`);
  return error;
}

describe('CreateUserUseCase', () => {
  it('gives a new user a new id when none is asked for', async () => {
    const { createUser, users, audit, directoryEntries } = useCase();
    const user = await createUser.execute(command());
    expect(user).toMatchObject({
      id: '00000000-0000-7000-8000-000000000001',
      email: 'maria.ivanova@example.com',
      displayName: 'Мария Иванова',
      passwordHash: 'scrypt$fake$22',
      status: 'active',
      version: 1,
    });
    expect(users.get(user.id)).toEqual(user);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'user.created',
        target: { type: 'user', id: user.id },
        details: expect.objectContaining({ idGiven: false }),
      }),
    ]);
    expect(directoryEntries).toEqual([{ user, at: NOW }]);
  });

  it.each([
    { id: 'emp-1001', what: 'an HR number' },
    { id: 'DOMAIN:jdoe', what: 'a domain account' },
    { id: 'j.doe@corp', what: 'a principal name' },
    { id: 'a_b', what: 'an underscore' },
    { id: 'x', what: 'one character' },
    { id: 'x'.repeat(100), what: '100 characters' },
  ])('keeps the id a directory import brings: $what', async ({ id }) => {
    const { createUser, users, audit } = useCase();
    const user = await createUser.execute(command({ id }));
    expect(user.id).toBe(id);
    expect(users.has(id)).toBe(true);
    expect(audit[0]).toMatchObject({
      target: { type: 'user', id },
      details: { idGiven: true },
    });
  });

  it.each([
    { id: '', what: 'empty' },
    { id: 'emp 1001', what: 'a space' },
    { id: 'emp/1001', what: 'a slash' },
    { id: 'эмп-1', what: 'Cyrillic' },
    { id: 'x'.repeat(101), what: '101 characters' },
  ])('refuses an id with $what, with the other field errors at once', async ({ id }) => {
    const { createUser, users } = useCase();
    const error = await refusal(createUser.execute(command({ id, timeZone: 'Mars/Olympus' })));
    expect(error.code).toBe(IdentityErrorCode.ValidationFailed);
    expect(error.violations.map((violation) => violation.field)).toEqual(['timeZone', 'id']);
    expect(error.violations[1]?.message).toBe(
      'must be 1 to 100 characters of letters, digits and . _ : @ -',
    );
    expect(users.size).toBe(0);
  });

  it('refuses an id that is taken, and an email that is taken, naming the field', async () => {
    const { createUser, users, audit, directoryEntries } = useCase();
    await createUser.execute(command({ id: 'emp-1001' }));

    const sameId = await refusal(
      createUser.execute(command({ id: 'emp-1001', email: 'other@example.com' })),
    );
    expect(sameId.code).toBe(IdentityErrorCode.AlreadyExists);
    expect(sameId.message).toBe('a user with this id exists');
    expect(sameId.violations).toEqual([{ field: 'id', message: 'is taken' }]);

    const sameEmail = await refusal(createUser.execute(command({ id: 'emp-1002' })));
    expect(sameEmail.code).toBe(IdentityErrorCode.AlreadyExists);
    expect(sameEmail.violations).toEqual([{ field: 'email', message: 'is taken' }]);

    expect([...users.keys()]).toEqual(['emp-1001']);
    expect(audit).toHaveLength(1);
    expect(directoryEntries.map(({ user }) => user.id)).toEqual(['emp-1001']);
  });

  it('checks who may create whom before the id', async () => {
    const { createUser } = useCase();
    const manager = principalOf({ ...administrator, roles: ['service_desk_manager'] });
    const error = await refusal(
      createUser.execute(
        command({ actor: manager, id: 'mgr-it-01', roles: ['service_desk_manager'] }),
      ),
    );
    expect(error.code).toBe(IdentityErrorCode.Forbidden);
  });
});
