import { processSpan, sendSpan } from './message-spans';

describe('spans of Kafka messages (OpenTelemetry messaging conventions)', () => {
  it('names the send by its topic and carries the key and the CloudEvents id', () => {
    expect(
      sendSpan({
        topic: 'itsm.tickets.v1',
        key: 'ticket-1',
        eventId: 'event-1',
        eventType: 'itsm.tickets.v1.ticket.created',
      }),
    ).toEqual({
      name: 'send itsm.tickets.v1',
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.operation.name': 'send',
        'messaging.destination.name': 'itsm.tickets.v1',
        'messaging.kafka.message.key': 'ticket-1',
        'messaging.message.id': 'event-1',
        'cloudevents.event_id': 'event-1',
        'cloudevents.event_type': 'itsm.tickets.v1.ticket.created',
      },
    });
  });

  const processed = {
    topic: 'itsm.routing.v1',
    partition: 3,
    offset: '1207',
    key: 'ticket-1',
    consumerGroup: 'itsm-tickets',
    eventId: 'event-2',
    eventType: 'itsm.routing.v1.ticket.routed',
    eventSource: '/itsm/routing',
    eventSubject: 'INC-000042',
  };

  it('names the processing by its topic and says where the message was read', () => {
    expect(processSpan(processed)).toEqual({
      name: 'process itsm.routing.v1',
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.operation.name': 'process',
        'messaging.destination.name': 'itsm.routing.v1',
        'messaging.destination.partition.id': '3',
        'messaging.kafka.offset': 1207,
        'messaging.consumer.group.name': 'itsm-tickets',
        'messaging.kafka.message.key': 'ticket-1',
        'messaging.message.id': 'event-2',
        'cloudevents.event_id': 'event-2',
        'cloudevents.event_type': 'itsm.routing.v1.ticket.routed',
        'cloudevents.event_source': '/itsm/routing',
        'cloudevents.event_subject': 'INC-000042',
      },
    });
  });

  it('leaves out a key and a subject the message does not have', () => {
    const { attributes } = processSpan({ ...processed, key: undefined, eventSubject: undefined });
    expect(attributes).not.toHaveProperty(['messaging.kafka.message.key']);
    expect(attributes).not.toHaveProperty(['cloudevents.event_subject']);
  });
});
