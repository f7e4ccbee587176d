import { Mailbox, ticketOfPost } from './receiver';

const MARKER = '[bench abcd]';
const ticket = {
  id: '0190a8b0-0000-7000-8000-000000000001',
  title: `${MARKER} #1`,
  createdAt: '2026-11-27T10:00:00.250Z',
};

describe('ticketOfPost', () => {
  it('reads the ticket of a webhook (CloudEvents envelope) and of a raw Kafka value', () => {
    const expected = {
      kind: 'ours',
      ticketId: ticket.id,
      createdAtMs: Date.parse(ticket.createdAt),
    };
    expect(ticketOfPost(JSON.stringify({ specversion: '1.0', data: { ticket } }), MARKER)).toEqual(
      expected,
    );
    expect(ticketOfPost(JSON.stringify({ ticket }), MARKER)).toEqual(expected);
  });

  it('tells tickets of other runs and bodies without a ticket apart', () => {
    expect(
      ticketOfPost(JSON.stringify({ ticket: { ...ticket, title: 'VPN is down' } }), MARKER),
    ).toEqual({ kind: 'foreign' });
    expect(ticketOfPost('not json', MARKER).kind).toBe('invalid');
    expect(ticketOfPost('{"data":{}}', MARKER).kind).toBe('invalid');
  });
});

describe('Mailbox', () => {
  it('keeps the first arrival per ticket and resolves once enough arrived', async () => {
    const mailbox = new Mailbox(true);
    const waiting = mailbox.untilCount(2, 1000, 'test');
    const ours = (id: string) => ({ kind: 'ours' as const, ticketId: id, createdAtMs: 0 });
    const headers = { 'x-itsm-timestamp': '1', 'x-itsm-signature': 'sha256=00' };
    mailbox.receive('{}', headers, ours('a'), 1, 1);
    mailbox.receive('{}', headers, ours('a'), 2, 2);
    mailbox.receive('{}', headers, { kind: 'foreign' }, 3, 3);
    mailbox.receive('{}', headers, ours('b'), 4, 4);
    await waiting;
    expect([...mailbox.arrivals.values()].map(({ atMs }) => atMs)).toEqual([1, 4]);
    expect(mailbox.duplicates).toBe(1);
    expect(mailbox.foreign).toBe(1);
    expect(mailbox.signed).toHaveLength(2);
  });

  it('fails when the events do not arrive in time', async () => {
    await expect(new Mailbox(false).untilCount(1, 10, 'test')).rejects.toThrow(
      /0 of 1 events arrived/,
    );
  });
});
