import type { EntityManager } from 'typeorm';
import { toTimestamp, UserChanged } from '@itsm/contracts';
import type { OutboxWriter } from '@itsm/messaging';
import type { DirectoryFeed } from '../application/ports/identity-store';
import type { User } from '../domain/user';
import { toDirectoryUser } from './directory-user.mapper';

/** Directory entries as `UserChanged` events in the outbox of the transaction they belong to. */
export class OutboxDirectoryFeed implements DirectoryFeed {
  constructor(
    private readonly manager: EntityManager,
    private readonly outbox: OutboxWriter,
  ) {}

  async userChanged(user: User, at: Date): Promise<void> {
    await this.outbox.append(this.manager, UserChanged, {
      // One user's entries stay in order on one partition.
      key: user.id,
      payload: { user: toDirectoryUser(user), occurredAt: toTimestamp(at) },
      occurredAt: at,
    });
  }
}
