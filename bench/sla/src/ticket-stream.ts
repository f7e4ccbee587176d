import { randomUUID } from 'node:crypto';
import {
  Channel,
  type EventType,
  PendingReason,
  Priority,
  Ticket,
  TicketAction,
  TicketCreated,
  TicketResolved,
  TicketStateChanged,
  TicketStatus,
  TicketType,
  toTimestamp,
} from '@itsm/contracts';
import { cloudEventHeaders, type EventPublisher, type OutboundMessage } from '@itsm/messaging';
import { seededTicketId, seededTicketNumber } from './seed';

export const STREAM_ACTIONS = ['start', 'pause', 'resume', 'resolve'] as const;
export type StreamAction = (typeof STREAM_ACTIONS)[number];

/** Ticket events per second of each kind. */
export type StreamRates = Record<StreamAction, number>;

/**
 * Which actions each tick sends so that every kind keeps its rate over time: fractions carry
 * over from tick to tick, and kinds take turns within a tick.
 */
export class StreamPlan {
  private readonly owed: Record<StreamAction, number> = {
    start: 0,
    pause: 0,
    resume: 0,
    resolve: 0,
  };

  constructor(private readonly rates: StreamRates) {}

  next(tickMs: number): StreamAction[] {
    const counts = STREAM_ACTIONS.map((action) => {
      this.owed[action] += (this.rates[action] * tickMs) / 1000;
      // A small epsilon, so that ten tenths make one.
      const whole = Math.floor(this.owed[action] + 1e-9);
      this.owed[action] -= whole;
      return [action, whole] as const;
    });
    const actions: StreamAction[] = [];
    for (let round = 0; counts.some(([, count]) => count > round); round++) {
      for (const [action, count] of counts) if (count > round) actions.push(action);
    }
    return actions;
  }
}

const PRIORITIES = [
  Priority.PRIORITY_CRITICAL,
  Priority.PRIORITY_HIGH,
  Priority.PRIORITY_MEDIUM,
  Priority.PRIORITY_LOW,
];

/** A ticket as the tickets service reports it in events, from the fields that matter here. */
function ticketOf(fields: {
  id: string;
  number: string;
  status: TicketStatus;
  priority: Priority;
  pendingReason?: PendingReason;
  createdAt: Date;
  updatedAt: Date;
}): Ticket {
  return {
    ...Ticket.fromJSON({}),
    id: fields.id,
    number: fields.number,
    type: TicketType.TICKET_TYPE_INCIDENT,
    status: fields.status,
    priority: fields.priority,
    channel: Channel.CHANNEL_PHONE,
    requesterId: 'emp-bench',
    pendingReason: fields.pendingReason ?? PendingReason.PENDING_REASON_UNSPECIFIED,
    createdAt: toTimestamp(fields.createdAt),
    updatedAt: toTimestamp(fields.updatedAt),
    version: 1,
  };
}

export interface StreamCounts extends Record<StreamAction, number> {
  /** Messages published, every kind together. */
  total: number;
}

/**
 * A steady stream of ticket events through the SLA service's real consumer path: new incidents
 * (their clocks start by the seeded policies), pauses for the customer and resumptions of seeded
 * tickets, and resolutions (clocks met). Seeded tickets are drawn at random and each is touched
 * by one kind of action at a time, so every event changes clocks.
 */
export class TicketStream {
  readonly counts: StreamCounts = { start: 0, pause: 0, resume: 0, resolve: 0, total: 0 };
  private readonly plan: StreamPlan;
  private readonly pausedByStream: number[] = [];
  private readonly touched: Set<number>;
  private readonly tickMs: number;
  private readonly random: () => number;
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> = Promise.resolve();
  private failure: unknown;
  private last = 0;
  private startedAt = 0;
  private stoppedAt = 0;

  constructor(
    private readonly publisher: EventPublisher,
    private readonly topic: string,
    private readonly seededTickets: number,
    rates: StreamRates,
    options: {
      tickMs?: number;
      random?: () => number;
      /** Seeded tickets another stream changed already, to leave alone (shared with it). */
      touched?: Set<number>;
    } = {},
  ) {
    this.plan = new StreamPlan(rates);
    this.tickMs = options.tickMs ?? 100;
    this.random = options.random ?? Math.random;
    this.touched = options.touched ?? new Set();
  }

  start(): void {
    this.last = Date.now();
    this.startedAt = this.last;
    this.timer = setInterval(() => this.tick(), this.tickMs);
  }

  /** Stops and waits for what is being sent; throws if a publish failed. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.stoppedAt = Date.now();
    await this.sending;
    if (this.failure) throw this.failure;
  }

  /** How long it ran, start to stop. */
  get elapsedMs(): number {
    return (this.stoppedAt || Date.now()) - this.startedAt;
  }

  private tick(): void {
    const now = Date.now();
    const actions = this.plan.next(now - this.last);
    this.last = now;
    const messages = actions.flatMap((action) => this.messageFor(action, new Date(now)));
    // One batch at a time, in order: the events of a ticket must arrive in the order sent.
    this.sending = this.sending.then(async () => {
      if (this.failure || messages.length === 0) return;
      try {
        await this.publisher.publish(messages);
        this.counts.total += messages.length;
      } catch (error) {
        this.failure = error;
      }
    });
  }

  private seededTicket(): number {
    for (;;) {
      const n = 1 + Math.floor(this.random() * this.seededTickets);
      if (!this.touched.has(n)) {
        this.touched.add(n);
        return n;
      }
    }
  }

  private messageFor(action: StreamAction, now: Date): OutboundMessage[] {
    const createdAt = new Date(now.getTime() - 60_000);
    switch (action) {
      case 'start': {
        const id = randomUUID();
        const ticket = ticketOf({
          id,
          number: `INC-N${id.slice(0, 8)}`,
          status: TicketStatus.TICKET_STATUS_NEW,
          priority: PRIORITIES[this.counts.start % PRIORITIES.length] ?? Priority.PRIORITY_HIGH,
          createdAt: now,
          updatedAt: now,
        });
        this.counts.start += 1;
        return [this.message(TicketCreated, { ticket }, ticket)];
      }
      case 'pause': {
        const n = this.seededTicket();
        this.pausedByStream.push(n);
        this.counts.pause += 1;
        return [
          this.stateChange(n, now, createdAt, {
            status: TicketStatus.TICKET_STATUS_PENDING,
            pendingReason: PendingReason.PENDING_REASON_AWAITING_CUSTOMER,
            fromStatus: TicketStatus.TICKET_STATUS_IN_PROGRESS,
            action: TicketAction.TICKET_ACTION_PEND,
          }),
        ];
      }
      case 'resume': {
        const n = this.pausedByStream.shift();
        if (n === undefined) return [];
        this.counts.resume += 1;
        return [
          this.stateChange(n, now, createdAt, {
            status: TicketStatus.TICKET_STATUS_IN_PROGRESS,
            fromStatus: TicketStatus.TICKET_STATUS_PENDING,
            action: TicketAction.TICKET_ACTION_RESUME,
          }),
        ];
      }
      case 'resolve': {
        const n = this.seededTicket();
        this.counts.resolve += 1;
        return [
          this.stateChange(
            n,
            now,
            createdAt,
            {
              status: TicketStatus.TICKET_STATUS_RESOLVED,
              fromStatus: TicketStatus.TICKET_STATUS_IN_PROGRESS,
              action: TicketAction.TICKET_ACTION_RESOLVE,
            },
            TicketResolved,
          ),
        ];
      }
    }
  }

  private stateChange(
    n: number,
    now: Date,
    createdAt: Date,
    change: {
      status: TicketStatus;
      pendingReason?: PendingReason;
      fromStatus: TicketStatus;
      action: TicketAction;
    },
    eventType: typeof TicketStateChanged = TicketStateChanged,
  ): OutboundMessage {
    const ticket = ticketOf({
      id: seededTicketId(n),
      number: seededTicketNumber(n),
      status: change.status,
      priority: Priority.PRIORITY_CRITICAL,
      ...(change.pendingReason ? { pendingReason: change.pendingReason } : {}),
      createdAt,
      updatedAt: now,
    });
    return this.message(
      eventType,
      {
        ticket,
        fromStatus: change.fromStatus,
        action: change.action,
        actorId: 'agent-bench',
        changes: [],
      },
      ticket,
    );
  }

  private message<T>(eventType: EventType<T>, payload: T, ticket: Ticket): OutboundMessage {
    return {
      topic: this.topic,
      key: ticket.id,
      value: JSON.stringify(eventType.toJson(payload)),
      headers: cloudEventHeaders(
        {
          id: randomUUID(),
          type: eventType.type,
          source: '/itsm/tickets',
          subject: ticket.number,
          time: new Date(),
        },
        {},
      ),
    };
  }
}
