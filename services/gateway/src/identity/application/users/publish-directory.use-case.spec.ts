import type { User } from '../../domain/user';
import type {
  DirectoryFeed,
  IdentityStore,
  IdentityTransaction,
  UserRepository,
} from '../ports/identity-store';
import { PublishDirectoryUseCase } from './publish-directory.use-case';

const NOW = new Date('2026-12-01T03:00:00Z');

function userWithId(id: string): User {
  return {
    id,
    email: `${id}@example.com`,
    displayName: id,
    passwordHash: null,
    roles: ['requester'],
    organizationId: null,
    organizationWide: false,
    language: 'en',
    timeZone: 'UTC',
    status: 'active',
    failedSignIns: 0,
    lockedUntil: null,
    lastSignInAt: null,
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
  };
}

/** Users in id order and the entries each transaction wrote. */
function fakeStore(ids: string[]) {
  const stored = ids.map(userWithId);
  const transactions: string[][] = [];
  const store = {
    transaction: async <T>(work: (tx: IdentityTransaction) => Promise<T>) => {
      const written: string[] = [];
      const users: Pick<UserRepository, 'listInIdOrderForShare'> = {
        listInIdOrderForShare: (afterId, limit) =>
          Promise.resolve(
            stored.filter(({ id }) => afterId === null || id > afterId).slice(0, limit),
          ),
      };
      const directory: DirectoryFeed = {
        userChanged: (user, at) => {
          expect(at).toEqual(NOW);
          written.push(user.id);
          return Promise.resolve();
        },
      };
      const result = await work({ users, directory } as unknown as IdentityTransaction);
      transactions.push(written);
      return result;
    },
  } as IdentityStore;
  return { store, transactions };
}

describe('PublishDirectoryUseCase', () => {
  const clock = { now: () => NOW };

  it('writes every user once, a batch per transaction, in id order', async () => {
    const { store, transactions } = fakeStore(['a', 'b', 'c', 'd', 'emp-1001']);
    await expect(new PublishDirectoryUseCase(store, clock, 2).execute()).resolves.toBe(5);
    expect(transactions).toEqual([['a', 'b'], ['c', 'd'], ['emp-1001']]);
  });

  it('stops after a full last batch with one look that finds nothing', async () => {
    const { store, transactions } = fakeStore(['a', 'b', 'c', 'd']);
    await expect(new PublishDirectoryUseCase(store, clock, 2).execute()).resolves.toBe(4);
    expect(transactions).toEqual([['a', 'b'], ['c', 'd'], []]);
  });

  it('writes nothing for an empty directory', async () => {
    const { store, transactions } = fakeStore([]);
    await expect(new PublishDirectoryUseCase(store, clock).execute()).resolves.toBe(0);
    expect(transactions).toEqual([[]]);
  });
});
