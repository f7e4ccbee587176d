import type { MessageEvent } from '@nestjs/common';
import { filter, first, interval, map, merge, type Observable } from 'rxjs';
import type { Principal } from '@itsm/auth';
import { type LiveEvent, liveMessageFor } from './live-event';

export const HEARTBEAT_MS = 20_000;

/** What a stream is fed from: the live events of this replica and whether it reads them yet. */
export interface LiveSource {
  readonly events: Observable<LiveEvent>;
  readonly ready: Observable<boolean>;
}

/**
 * One caller's server-sent events: `ready` once events are read (those from then on are
 * delivered), then the events that caller may know of, and a heartbeat that keeps proxies
 * from closing a quiet connection.
 */
export function liveStreamFor(
  principal: Principal,
  source: LiveSource,
  heartbeatMs = HEARTBEAT_MS,
): Observable<MessageEvent> {
  const ready = source.ready.pipe(
    first((isReady) => isReady),
    map((): MessageEvent => ({ type: 'ready', data: {} })),
  );
  const events = source.events.pipe(
    map((event) => liveMessageFor(principal, event)),
    filter((message): message is MessageEvent => message !== undefined),
  );
  const heartbeats = interval(heartbeatMs).pipe(
    map((): MessageEvent => ({ type: 'heartbeat', data: {} })),
  );
  return merge(ready, events, heartbeats);
}
