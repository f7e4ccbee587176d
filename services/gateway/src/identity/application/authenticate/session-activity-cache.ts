import { isSessionActive, type Session } from '../../domain/session';
import type { Clock } from '../ports/clock';

/** How long a replica trusts what it last read about a session. */
export const SESSION_ACTIVITY_TTL_MS = 5_000;
const MAX_ENTRIES = 100_000;

/**
 * Whether a session's access tokens are honoured, read from the database at most every few
 * seconds per session. Sessions ended by this replica are forgotten at once; another replica's
 * sign-out reaches this one within the TTL.
 */
export class SessionActivityCache {
  private readonly entries = new Map<string, { active: boolean; checkedAtMs: number }>();

  constructor(
    private readonly sessions: { findById(sessionId: string): Promise<Session | undefined> },
    private readonly clock: Clock,
    private readonly ttlMs = SESSION_ACTIVITY_TTL_MS,
  ) {}

  async isActive(sessionId: string): Promise<boolean> {
    const now = this.clock.now();
    const cached = this.entries.get(sessionId);
    if (cached && now.getTime() - cached.checkedAtMs < this.ttlMs) return cached.active;
    const session = await this.sessions.findById(sessionId);
    // Ended here while the row was being read: the ending wins.
    const latest = this.entries.get(sessionId);
    if (latest && !latest.active && latest.checkedAtMs >= now.getTime()) return false;
    const active = session !== undefined && isSessionActive(session, now);
    this.remember(sessionId, active, now.getTime());
    return active;
  }

  /** Sessions this replica just ended: refused from now on, without waiting for the TTL. */
  forget(sessionIds: readonly string[]): void {
    const nowMs = this.clock.now().getTime();
    for (const sessionId of sessionIds) this.remember(sessionId, false, nowMs);
  }

  private remember(sessionId: string, active: boolean, nowMs: number): void {
    if (this.entries.size >= MAX_ENTRIES) {
      for (const [id, entry] of this.entries)
        if (nowMs - entry.checkedAtMs >= this.ttlMs) this.entries.delete(id);
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    }
    this.entries.delete(sessionId);
    this.entries.set(sessionId, { active, checkedAtMs: nowMs });
  }
}
