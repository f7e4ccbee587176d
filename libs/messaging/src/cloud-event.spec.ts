import { cloudEventHeaders, InvalidCloudEventError, readCloudEvent } from './cloud-event';

const attributes = {
  id: 'e1',
  type: 'itsm.tickets.v1.ticket.created',
  source: '/itsm/tickets',
  subject: 'INC-000001',
  time: new Date('2026-11-27T08:00:00.000Z'),
};
const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('CloudEvents binary mode headers', () => {
  it('writes the ce_* attributes, content type and trace context', () => {
    expect(cloudEventHeaders(attributes, { traceparent })).toEqual({
      ce_specversion: '1.0',
      ce_id: 'e1',
      ce_type: 'itsm.tickets.v1.ticket.created',
      ce_source: '/itsm/tickets',
      ce_time: '2026-11-27T08:00:00.000Z',
      ce_subject: 'INC-000001',
      'content-type': 'application/json',
      traceparent,
    });
  });

  it('reads back what it writes, from Kafka buffers', () => {
    const headers = Object.fromEntries(
      Object.entries(cloudEventHeaders(attributes, { traceparent })).map(([k, v]) => [
        k,
        Buffer.from(v),
      ]),
    );
    expect(readCloudEvent(headers)).toEqual({ ...attributes, traceHeaders: { traceparent } });
  });

  it.each([
    ['ce_id', 'header ce_id is missing'],
    ['ce_type', 'header ce_type is missing'],
    ['ce_specversion', 'header ce_specversion is missing'],
  ])('rejects a message without %s', (header, message) => {
    const headers: Record<string, string> = cloudEventHeaders(attributes, {});
    delete headers[header];
    expect(() => readCloudEvent(headers)).toThrow(new InvalidCloudEventError(message));
  });

  it('rejects an unparseable time', () => {
    expect(() =>
      readCloudEvent({ ...cloudEventHeaders(attributes, {}), ce_time: 'yesterday' }),
    ).toThrow('ce_time is not an RFC 3339 timestamp');
  });
});
