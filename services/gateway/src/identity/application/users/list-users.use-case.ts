import type { Role } from '@itsm/auth';
import { invalidField, notFound } from '../../domain/identity-error';
import { decodeCursor, encodeCursor } from '../../domain/page-cursor';
import type { User, UserStatus } from '../../domain/user';
import type { IdentityStore, Page } from '../ports/identity-store';

export interface ListUsersQuery {
  limit: number;
  cursor: string | undefined;
  role: Role | undefined;
  organizationId: string | undefined;
  status: UserStatus | undefined;
  text: string | undefined;
}

/** Users by email, a page at a time. */
export class ListUsersUseCase {
  constructor(private readonly store: IdentityStore) {}

  async execute(query: ListUsersQuery): Promise<Page<User>> {
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor, 1)?.[0];
    if (after === undefined) throw invalidField('cursor', 'cursor is not a cursor of this list');
    const users = await this.store.users.list({
      limit: query.limit + 1,
      after,
      role: query.role ?? null,
      organizationId: query.organizationId ?? null,
      status: query.status ?? null,
      text: query.text?.trim() || null,
    });
    const items = users.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items,
      nextCursor: users.length > query.limit && last ? encodeCursor([last.email]) : null,
    };
  }

  async get(id: string): Promise<User> {
    const user = await this.store.users.findById(id);
    if (!user) throw notFound(`user ${id}`);
    return user;
  }
}
