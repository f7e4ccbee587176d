import { Ticket, TicketCreated, TicketResolved, TicketStateChanged } from '@itsm/contracts';
import type { EventPublisher, OutboundMessage } from '@itsm/messaging';
import { seededTicketId } from './seed';
import { StreamPlan, TicketStream } from './ticket-stream';

class RecordingPublisher implements EventPublisher {
  readonly sent: OutboundMessage[] = [];

  async publish(messages: OutboundMessage[]): Promise<void> {
    this.sent.push(...messages);
  }

  closed = false;

  async close(): Promise<void> {
    this.closed = true;
  }
}

describe('the stream plan', () => {
  it('keeps every rate over time, carrying fractions from tick to tick', () => {
    const plan = new StreamPlan({ start: 20, pause: 10, resume: 5, resolve: 1 });
    const sent = Array.from({ length: 10 }, () => plan.next(100)).flat();
    expect(sent.filter((action) => action === 'start')).toHaveLength(20);
    expect(sent.filter((action) => action === 'pause')).toHaveLength(10);
    expect(sent.filter((action) => action === 'resume')).toHaveLength(5);
    expect(sent.filter((action) => action === 'resolve')).toHaveLength(1);
  });

  it('lets kinds take turns within a tick', () => {
    expect(new StreamPlan({ start: 20, pause: 20, resume: 0, resolve: 0 }).next(100)).toEqual([
      'start',
      'pause',
      'start',
      'pause',
    ]);
  });
});

describe('the ticket stream', () => {
  it('opens, pauses, resumes and resolves tickets with the events the tickets service sends', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-27T10:00:00Z') });
    try {
      const publisher = new RecordingPublisher();
      let draw = 0;
      const stream = new TicketStream(
        publisher,
        'itsm.tickets.v1.bench',
        100,
        { start: 10, pause: 10, resume: 10, resolve: 10 },
        { tickMs: 100, random: () => [0.05, 0.5][draw++ % 2] ?? 0 },
      );
      stream.start();
      await jest.advanceTimersByTimeAsync(100);
      await stream.stop();
      const types = publisher.sent.map((message) => message.headers.ce_type);
      expect(types).toEqual([
        TicketCreated.type,
        TicketStateChanged.type,
        TicketStateChanged.type,
        TicketResolved.type,
      ]);
      const [opened, paused, resumed, resolved] = publisher.sent.map((message) =>
        Ticket.fromJSON((JSON.parse(message.value) as { ticket: unknown }).ticket),
      );
      expect(opened).toMatchObject({ type: 'TICKET_TYPE_INCIDENT', status: 'TICKET_STATUS_NEW' });
      expect(paused).toMatchObject({
        id: seededTicketId(6),
        status: 'TICKET_STATUS_PENDING',
        pendingReason: 'PENDING_REASON_AWAITING_CUSTOMER',
      });
      expect(resumed).toMatchObject({ id: seededTicketId(6), status: 'TICKET_STATUS_IN_PROGRESS' });
      // A ticket already touched is not drawn again.
      expect(resolved).toMatchObject({ id: seededTicketId(51), status: 'TICKET_STATUS_RESOLVED' });
      expect(publisher.sent.map((message) => message.key)).toEqual([
        opened?.id,
        seededTicketId(6),
        seededTicketId(6),
        seededTicketId(51),
      ]);
      expect(stream.counts).toEqual({ start: 1, pause: 1, resume: 1, resolve: 1, total: 4 });
      // Every payload is valid for the SLA service's consumer.
      expect(() =>
        TicketStateChanged.fromJson(JSON.parse(publisher.sent[1]?.value ?? '')),
      ).not.toThrow();
    } finally {
      jest.useRealTimers();
    }
  });
});
