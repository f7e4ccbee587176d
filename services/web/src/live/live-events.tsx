import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { TicketChange } from '../api/types';
import { useSession } from '../auth/session';
import { EventStreamParser, reconnectDelayMs } from '../lib/event-stream';
import { useToasts } from '../ui/feedback';

export type LiveStatus = 'connecting' | 'live' | 'offline';
type Listener = (change: TicketChange) => void;
/** An in-app notification as the stream announces it (its fields as far as they came). */
export interface LiveNotification {
  id?: string;
  title?: string;
  ticketId?: string | null;
}
type NotificationListener = (notification: LiveNotification) => void;
/** An SLA clock that warned, breached or was met; sent to those who oversee every clock. */
export interface SlaClockChange {
  id: string;
  type: 'clock.warning' | 'clock.breached' | 'clock.met';
  ticketId: string;
  number: string;
  target: string;
  dueAt: string | null;
  occurredAt: string;
}
type SlaListener = (change: SlaClockChange) => void;

interface LiveEvents {
  status: LiveStatus;
  subscribe(listener: Listener): () => void;
  subscribeNotifications(listener: NotificationListener): () => void;
  subscribeSla(listener: SlaListener): () => void;
}

const LiveContext = createContext<LiveEvents | null>(null);

/**
 * One stream of ticket changes (and in-app notifications, shown as toasts, and SLA clock
 * changes for supervisors) per signed-in tab
 * (GET /api/v1/events). The gateway reads the bearer token from the Authorization header only,
 * which EventSource cannot send, so the stream is read with fetch(); after a disconnect it
 * reconnects with backoff and tells listeners to reload (changes in between are not replayed).
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const { api, state } = useSession();
  const { notify } = useToasts();
  const signedIn = state.status === 'signed-in';
  const listeners = useRef(new Set<Listener>());
  const notificationListeners = useRef(new Set<NotificationListener>());
  const slaListeners = useRef(new Set<SlaListener>());
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    if (!signedIn) return;
    const controller = new AbortController();
    let attempt = 0;
    let connectedBefore = false;

    const emit = (change: TicketChange) =>
      listeners.current.forEach((listener) => listener(change));

    async function readOnce(): Promise<void> {
      const response = await api.fetch('/api/v1/events', {
        headers: { accept: 'text/event-stream' },
        signal: controller.signal,
      });
      if (!response.ok || !response.body) throw new Error(`live events: ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new EventStreamParser();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        for (const event of parser.feed(value)) {
          if (event.event === 'ready') {
            attempt = 0;
            setStatus('live');
            // Whatever changed while disconnected is picked up by one reload of every view.
            if (connectedBefore)
              emit({
                id: '',
                type: 'reconnected',
                ticketId: '',
                number: '',
                version: 0,
                occurredAt: '',
              });
            connectedBefore = true;
          } else if (event.event === 'notification') {
            try {
              const notification = JSON.parse(event.data) as LiveNotification;
              if (notification.title) notify(notification.title, 'info');
              notificationListeners.current.forEach((listener) => listener(notification));
            } catch {
              // An in-app notification that cannot be read is not worth interrupting the agent.
            }
          } else if (event.event === 'ticket') {
            try {
              emit(JSON.parse(event.data) as TicketChange);
            } catch {
              // A malformed event is skipped; the next one or a reload brings the view up to date.
            }
          } else if (event.event === 'sla') {
            try {
              const change = JSON.parse(event.data) as SlaClockChange;
              slaListeners.current.forEach((listener) => listener(change));
            } catch {
              // As for tickets: the next event or the periodic refresh catches up.
            }
          }
        }
      }
    }

    void (async () => {
      while (!controller.signal.aborted) {
        setStatus('connecting');
        try {
          await readOnce();
        } catch {
          // Reconnects below.
        }
        if (controller.signal.aborted) return;
        setStatus('offline');
        await new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(attempt)));
        attempt += 1;
      }
    })();
    return () => controller.abort();
  }, [api, signedIn, notify]);

  const value = useMemo<LiveEvents>(
    () => ({
      status,
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
      subscribeNotifications: (listener) => {
        notificationListeners.current.add(listener);
        return () => notificationListeners.current.delete(listener);
      },
      subscribeSla: (listener) => {
        slaListeners.current.add(listener);
        return () => slaListeners.current.delete(listener);
      },
    }),
    [status],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLiveStatus(): LiveStatus {
  return useContext(LiveContext)?.status ?? 'offline';
}

/**
 * Calls `listener` for every change of a ticket the caller may see (and once after a reconnect,
 * with type `reconnected`). The latest listener is used without resubscribing.
 */
export function useTicketChanges(listener: Listener): void {
  const context = useContext(LiveContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => context?.subscribe((change) => latest.current(change)), [context]);
}

/** Calls `listener` for every in-app notification the stream brings. */
export function useLiveNotifications(listener: NotificationListener): void {
  const context = useContext(LiveContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(
    () => context?.subscribeNotifications((notification) => latest.current(notification)),
    [context],
  );
}

/**
 * Calls `listener` when an SLA clock warns, breaches or is met. Only callers who oversee every
 * clock (permission `sla.report`) are sent these; for others it is never called.
 */
export function useSlaClockChanges(listener: SlaListener): void {
  const context = useContext(LiveContext);
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => context?.subscribeSla((change) => latest.current(change)), [context]);
}
