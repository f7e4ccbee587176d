import { ConfigError, loadConfig } from '@itsm/config';
import { ticketsConfigSchema } from './tickets.config';

const required = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/itsm_tickets' };

describe('the tickets service configuration', () => {
  it('has defaults for everything but the database', () => {
    expect(loadConfig(ticketsConfigSchema, required)).toMatchObject({
      HTTP_PORT: 3101,
      GRPC_PORT: 50051,
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      TICKETS_CONSUMER_GROUP: 'itsm-tickets',
      TICKETS_ROUTING_EVENTS_TOPIC: 'itsm.routing.v1',
      TICKET_REOPEN_WINDOW_HOURS: 168,
    });
  });

  it('reads routing events from a mirror in a group of its own when told', () => {
    expect(
      loadConfig(ticketsConfigSchema, {
        ...required,
        TICKETS_CONSUMER_GROUP: 'itsm-tickets-eu',
        TICKETS_ROUTING_EVENTS_TOPIC: 'eu.itsm.routing.v1',
      }),
    ).toMatchObject({
      TICKETS_CONSUMER_GROUP: 'itsm-tickets-eu',
      TICKETS_ROUTING_EVENTS_TOPIC: 'eu.itsm.routing.v1',
    });
  });

  it('refuses an empty consumer group or topic', () => {
    expect(() =>
      loadConfig(ticketsConfigSchema, { ...required, TICKETS_CONSUMER_GROUP: '' }),
    ).toThrow(ConfigError);
    expect(() =>
      loadConfig(ticketsConfigSchema, { ...required, TICKETS_ROUTING_EVENTS_TOPIC: '' }),
    ).toThrow(ConfigError);
  });
});
