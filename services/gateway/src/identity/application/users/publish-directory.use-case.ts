import type { Clock } from '../ports/clock';
import type { IdentityStore } from '../ports/identity-store';

/** Users written per transaction: short enough not to hold edits back for long. */
export const PUBLISH_DIRECTORY_BATCH_SIZE = 500;

/**
 * Writes every user's directory entry once more, for services that came after the users did
 * (a platform upgraded from a version without directory events, a new consumer). Entries carry
 * the users' versions, so consumers skip what they already have. Each batch locks its users
 * while it writes them, so an edit made meanwhile lands after the entry it supersedes.
 */
export class PublishDirectoryUseCase {
  constructor(
    private readonly store: IdentityStore,
    private readonly clock: Clock,
    private readonly batchSize = PUBLISH_DIRECTORY_BATCH_SIZE,
  ) {}

  /** Returns how many entries were written. */
  async execute(): Promise<number> {
    let afterId: string | null = null;
    let written = 0;
    for (;;) {
      const batch = await this.store.transaction(async ({ users, directory }) => {
        const page = await users.listInIdOrderForShare(afterId, this.batchSize);
        const now = this.clock.now();
        for (const user of page) await directory.userChanged(user, now);
        return page;
      });
      written += batch.length;
      const last = batch.at(-1);
      if (!last || batch.length < this.batchSize) return written;
      afterId = last.id;
    }
  }
}
