import type { Session } from '../../domain/session';
import { SessionActivityCache } from './session-activity-cache';

describe('session activity cache', () => {
  let now = new Date('2026-03-02T10:00:00Z');
  const clock = { now: () => now };
  const rows = new Map<string, Session>();
  let reads = 0;
  const sessions = {
    findById: (id: string) => {
      reads += 1;
      return Promise.resolve(rows.get(id));
    },
  };
  const session = (revokedAt: Date | null): Session => ({
    id: 's-1',
    userId: 'u-1',
    createdAt: now,
    expiresAt: new Date(now.getTime() + 3_600_000),
    revokedAt,
    groupIds: [],
  });

  beforeEach(() => {
    now = new Date('2026-03-02T10:00:00Z');
    rows.clear();
    reads = 0;
  });

  it('reads a session once per TTL', async () => {
    rows.set('s-1', session(null));
    const cache = new SessionActivityCache(sessions, clock, 5_000);
    await expect(cache.isActive('s-1')).resolves.toBe(true);
    await expect(cache.isActive('s-1')).resolves.toBe(true);
    expect(reads).toBe(1);
    now = new Date(now.getTime() + 5_000);
    rows.set('s-1', session(now));
    await expect(cache.isActive('s-1')).resolves.toBe(false);
    expect(reads).toBe(2);
  });

  it('refuses a session this replica ended at once, without waiting for the TTL', async () => {
    rows.set('s-1', session(null));
    const cache = new SessionActivityCache(sessions, clock, 5_000);
    await expect(cache.isActive('s-1')).resolves.toBe(true);
    cache.forget(['s-1']);
    await expect(cache.isActive('s-1')).resolves.toBe(false);
  });

  it('refuses unknown sessions', async () => {
    const cache = new SessionActivityCache(sessions, clock, 5_000);
    await expect(cache.isActive('s-404')).resolves.toBe(false);
  });
});
