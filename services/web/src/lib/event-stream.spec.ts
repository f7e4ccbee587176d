import { EventStreamParser, reconnectDelayMs } from './event-stream';

describe('EventStreamParser', () => {
  it('reads events split anywhere across chunks', () => {
    const parser = new EventStreamParser();
    const stream =
      'event: ready\ndata: {}\n\n: comment\nid: e-1\nevent: ticket\ndata: {"ticketId":"t-1"}\r\n\r\nevent: heartbeat\ndata: {}\n\n';
    const events = [...stream].flatMap((character) => parser.feed(character));
    expect(events).toEqual([
      { event: 'ready', data: '{}' },
      { event: 'ticket', id: 'e-1', data: '{"ticketId":"t-1"}' },
      { event: 'heartbeat', id: 'e-1', data: '{}' },
    ]);
  });

  it('joins multi-line data and names unnamed events message', () => {
    const parser = new EventStreamParser();
    expect(parser.feed('data: one\ndata: two\n\n')).toEqual([
      { event: 'message', data: 'one\ntwo' },
    ]);
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from 1 s up to 30 s, within ±25 %', () => {
    expect([0, 1, 2, 5, 10].map((attempt) => reconnectDelayMs(attempt, () => 0.5))).toEqual([
      1000, 2000, 4000, 30_000, 30_000,
    ]);
    expect(reconnectDelayMs(0, () => 0)).toBe(750);
    expect(reconnectDelayMs(0, () => 1)).toBe(1250);
  });
});
